"""Compile every .po catalogue under peerpath/locale into the .mo file Django reads.

Pure Python (polib), so a fresh machine needs no GNU gettext just to run Peerpath.
Run with `python -m peerpath.lib.compile_translations`.
"""

from pathlib import Path

import polib

LOCALE_DIR = Path(__file__).resolve().parent.parent / "locale"


def compile_all(locale_dir: Path = LOCALE_DIR) -> list[Path]:
    written = []
    for po_path in sorted(locale_dir.glob("*/LC_MESSAGES/*.po")):
        catalogue = polib.pofile(str(po_path), encoding="utf-8")
        mo_path = po_path.with_suffix(".mo")
        catalogue.save_as_mofile(str(mo_path))
        written.append(mo_path)
    return written


if __name__ == "__main__":
    for path in compile_all():
        print(f"compiled {path.relative_to(LOCALE_DIR.parent)}")
