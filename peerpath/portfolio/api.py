"""The portfolio over the JSON API: the caller's own learning log, hours and whole export.

Every operation works on the caller's own portfolio only (a token or a signed-in session);
nobody reads another person's portfolio here.
"""

import datetime
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.http import HttpRequest
from ninja import Field, Query, Router, Schema, Status
from ninja.errors import HttpError
from ninja.pagination import LimitOffsetPagination, paginate

from peerpath.frameworks.models import Statement

from . import selectors, services
from .capabilities import hours_by_capability, hours_by_kind
from .models import LearningEntry
from .transfer.exporting import portfolio_as_dict, statement_ref

router = Router(tags=["portfolio"])

ENTRIES_PER_PAGE = 50
MOST_ENTRIES_PER_PAGE = 500


class StatementRef(Schema):
    framework: str = Field(examples=["six-leadership-capabilities"])
    version: str = Field(examples=["1.0"])
    code: str = Field(examples=["VIS.1"])


class EntryOut(Schema):
    id: int
    title: str
    kind: str
    date: datetime.date
    hours: Decimal | None
    reflection: str
    practice: str
    impact: str
    statements: list[StatementRef]

    @staticmethod
    def resolve_statements(entry: LearningEntry) -> list[dict]:
        return [statement_ref(s) for s in entry.statements.all()]


class EntryIn(Schema):
    title: str = Field(max_length=200)
    kind: LearningEntry.Kind
    date: datetime.date
    hours: Decimal | None = Field(default=None, ge=0, le=2000, decimal_places=2)
    reflection: str = ""
    practice: str = ""
    impact: str = ""
    statements: list[StatementRef] = []


class LogQuery(Schema):
    q: str = ""
    kind: str = ""
    start: datetime.date | None = None
    end: datetime.date | None = None
    framework: str = ""


class EntryPages(LimitOffsetPagination):
    """`limit` (50 unless asked, at most 500) entries from `offset`; `count` is the total."""

    class Input(Schema):
        limit: int = Field(
            ENTRIES_PER_PAGE,
            ge=1,
            le=MOST_ENTRIES_PER_PAGE,
            description=f"How many entries to return (at most {MOST_ENTRIES_PER_PAGE}).",
        )
        offset: int = Field(0, ge=0, description="How many of the newest entries to skip.")


@router.get("/entries/", response=list[EntryOut])
@paginate(EntryPages, max_limit=MOST_ENTRIES_PER_PAGE)
def list_entries(request: HttpRequest, filters: Query[LogQuery]):
    """Your learning log, newest first, filtered like the log page, a page at a time.

    Answers `{"items": [...], "count": N}`: `limit` entries (50 unless asked, at most 500)
    from `offset` (0 unless asked), and how many entries match in all. Ask again with
    `offset` increased by `limit` until it reaches `count`; `/export/` has everything at once.
    """
    wanted = selectors.LogFilter(
        query=filters.q,
        kind=filters.kind,
        start=filters.start,
        end=filters.end,
        framework=filters.framework,
    )
    return selectors.log_entries(request.auth, wanted)


def _statements(refs: list[StatementRef]) -> list[Statement]:
    found = []
    for ref in refs:
        statement = Statement.objects.filter(
            framework__slug=ref.framework,
            framework__version=ref.version,
            framework__status="published",
            code=ref.code,
        ).first()
        if statement is None:
            raise HttpError(422, f"No item {ref.code} in {ref.framework} {ref.version}")
        found.append(statement)
    return found


@router.post("/entries/", response={201: EntryOut})
def create_entry(request: HttpRequest, payload: EntryIn):
    """Record some learning. The date must be today or earlier (UK time)."""
    try:
        entry = services.learning_entry_save(
            owner=request.auth,
            **payload.dict(exclude={"statements"}),
            statements=_statements(payload.statements),
        )
    except ValidationError as error:
        raise HttpError(422, " ".join(error.messages)) from None
    return Status(201, selectors.entry_of(request.auth, entry.pk))


class KindHoursOut(Schema):
    kind: str
    hours: Decimal
    entries: int


class CapabilityHoursOut(Schema):
    framework: str
    code: str
    name: str
    hours: Decimal
    entries: int


class HoursOut(Schema):
    total_hours: Decimal
    total_entries: int
    by_kind: list[KindHoursOut]
    by_capability: list[CapabilityHoursOut]


class PeriodQuery(Schema):
    start: datetime.date | None = None
    end: datetime.date | None = None


@router.get("/hours/", response=HoursOut)
def hours(request: HttpRequest, period: Query[PeriodQuery]):
    """Hours by type and by capability (framework domain) over a period."""
    entries = selectors.log_entries(request.auth, selectors.LogFilter(**period.dict()))
    rows, total = hours_by_kind(entries)
    return HoursOut(
        total_hours=total.hours,
        total_entries=total.entries,
        by_kind=[
            KindHoursOut(kind=r.kind, hours=r.tally.hours, entries=r.tally.entries) for r in rows
        ],
        by_capability=[
            CapabilityHoursOut(
                framework=fw.framework.slug,
                code=d.domain.code,
                name=d.domain.name,
                hours=d.tally.hours,
                entries=d.tally.entries,
            )
            for fw in hours_by_capability(entries)
            for d in fw.domains
        ],
    )


@router.get("/export/")
def export(request: HttpRequest):
    """Your whole portfolio in the documented peerpath-portfolio format (no files)."""
    return portfolio_as_dict(request.auth)
