"""The frameworks that ship with Peerpath, as files in peerpath/data/frameworks/."""

from pathlib import Path

from .formats import read_framework_file
from .services import ImportOutcome, framework_import

SHIPPED_DIR = Path(__file__).resolve().parent.parent / "data" / "frameworks"


def shipped_files() -> list[Path]:
    return sorted(SHIPPED_DIR.glob("*.json"))


def load_shipped_frameworks() -> list[ImportOutcome]:
    """Import every shipped file; already-loaded identical versions are left alone."""
    outcomes = []
    for path in shipped_files():
        data, fmt = read_framework_file(path.name, path.read_bytes())
        outcomes.append(framework_import(data=data, imported_from=fmt))
    return outcomes
