"""The programmes and pathways that ship with Peerpath, in peerpath/data/programmes/."""

from pathlib import Path

from django.db import transaction

from .formats import PATHWAY_FORMAT, file_format, load_json, read_pathway, read_programme
from .services.loading import ImportOutcome, pathway_import, programme_import

SHIPPED_DIR = Path(__file__).resolve().parent.parent / "data" / "programmes"


def shipped_files() -> list[Path]:
    """Programme files first, then pathways, which refer to programmes' activities."""
    return sorted(SHIPPED_DIR.glob("*.json")) + sorted(SHIPPED_DIR.glob("pathways/*.json"))


def load_shipped_programmes() -> list[ImportOutcome]:
    """Import every shipped file in one transaction; unchanged files are left alone."""
    outcomes = []
    with transaction.atomic():
        for path in shipped_files():
            raw = load_json(path.read_bytes())
            if file_format(raw) == PATHWAY_FORMAT:
                outcomes.append(pathway_import(data=read_pathway(raw)))
            else:
                outcomes.append(programme_import(data=read_programme(raw), publish=True))
    return outcomes
