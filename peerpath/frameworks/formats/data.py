"""The in-memory shape of a framework file, shared by every format."""

from dataclasses import asdict, dataclass, field


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a file: where it is (line or field path) and what to do."""

    where: str
    message: str

    def __str__(self) -> str:
        return f"{self.where}: {self.message}" if self.where else self.message


class FrameworkFileError(Exception):
    """A file that cannot be imported. Carries every problem found, not just the first."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("; ".join(str(p) for p in problems))


@dataclass
class SourceData:
    title: str = ""
    publisher: str = ""
    url: str = ""
    licence: str = ""
    licence_url: str = ""
    attribution: str = ""
    notes: str = ""


@dataclass
class ScaleLevelData:
    value: int
    label: str
    description: str = ""
    origin: str = field(default="", compare=False, repr=False)


@dataclass
class RatingScaleData:
    name: str
    levels: list[ScaleLevelData]
    origin: str = field(default="", compare=False, repr=False)


@dataclass
class ProgressionLevelData:
    code: str
    name: str
    description: str = ""
    origin: str = field(default="", compare=False, repr=False)


@dataclass
class StatementData:
    code: str
    text: str
    description: str = ""
    origin: str = field(default="", compare=False, repr=False)


@dataclass
class DomainData:
    code: str
    name: str
    description: str = ""
    evidence_prompt: str = ""
    statements: list[StatementData] = field(default_factory=list)
    origin: str = field(default="", compare=False, repr=False)


@dataclass
class FrameworkData:
    slug: str
    name: str
    version: str
    language: str = "en"
    subject: str = "person"
    kind: str = "capabilities"
    description: str = ""
    statement_stem: str = ""
    source: SourceData = field(default_factory=SourceData)
    rating_scale: RatingScaleData | None = None
    progression_levels: list[ProgressionLevelData] = field(default_factory=list)
    domains: list[DomainData] = field(default_factory=list)

    @property
    def statement_count(self) -> int:
        return sum(len(domain.statements) for domain in self.domains)

    def as_dict(self) -> dict:
        """The framework in our JSON format's shape, without import-time origins."""

        def clean(value):
            if isinstance(value, dict):
                return {k: clean(v) for k, v in value.items() if k != "origin"}
            if isinstance(value, list):
                return [clean(v) for v in value]
            return value

        data = clean(asdict(self))
        return {
            "format": "peerpath-framework/1",
            "slug": data["slug"],
            "name": data["name"],
            "version": data["version"],
            "language": data["language"],
            "subject": data["subject"],
            "kind": data["kind"],
            "description": data["description"],
            "statement_stem": data["statement_stem"],
            "source": data["source"],
            "rating_scale": data["rating_scale"],
            "progression_levels": data["progression_levels"],
            "domains": data["domains"],
        }
