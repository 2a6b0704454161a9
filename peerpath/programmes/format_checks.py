"""Field-by-field checks for programme and pathway files; each problem names its path."""

import re

from django.utils.translation import gettext as _

from .formats import (
    CODE_PATTERN,
    KNOWN_TOOLS,
    LANGUAGE_PATTERN,
    ROLE_LEVELS,
    SLUG_PATTERN,
    ActivityData,
    ModuleData,
    PathwayData,
    PathwayStepData,
    Problem,
    ProgrammeData,
    ResourceData,
    SourceData,
    as_hours,
    is_url,
)
from .models.programmes import Programme


class Fields:
    """Typed reads from one JSON object, recording a Problem for each bad value."""

    def __init__(self, raw, where: str, problems: list[Problem]):
        self.where = where
        self.problems = problems
        if not isinstance(raw, dict):
            self.problem("", _("Expected an object with named fields."))
            raw = {}
        self.raw = raw

    def path(self, name: str) -> str:
        return f"{self.where}.{name}" if self.where and name else self.where or name

    def problem(self, name: str, message: str) -> None:
        self.problems.append(Problem(self.path(name), message))

    def only(self, *allowed: str) -> None:
        for name in self.raw:
            if name not in allowed:
                self.problem(name, _("Unknown field; check the spelling."))

    def text(self, name, *, required=False, max_length=None, pattern=None, url=False) -> str:
        value = self.raw.get(name, "")
        if value is None:
            value = ""
        if not isinstance(value, str):
            self.problem(name, _("Expected text."))
            return ""
        value = value.strip()
        if required and not value:
            self.problem(name, _("This is required."))
        elif max_length and len(value) > max_length:
            self.problem(name, _("Use at most %(n)s characters.") % {"n": max_length})
        elif value and pattern and not re.match(pattern, value):
            self.problem(name, _("“%(value)s” is not allowed here.") % {"value": value})
        elif value and url and not is_url(value):
            self.problem(name, _("“%(value)s” is not a web address.") % {"value": value})
        return value

    def integer(self, name, *, default=0, maximum=100_000) -> int:
        value = self.raw.get(name, default)
        if value is None:
            return default
        if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= maximum:
            self.problem(name, _("Expected a whole number from 0 to %(n)s.") % {"n": maximum})
            return default
        return value

    def boolean(self, name, *, default: bool) -> bool:
        value = self.raw.get(name, default)
        if not isinstance(value, bool):
            self.problem(name, _("Expected true or false."))
            return default
        return value

    def choice(self, name, choices, *, default="") -> str:
        value = self.text(name) or default
        if value and value not in choices:
            self.problem(name, _("Expected one of: %(choices)s.") % {"choices": ", ".join(choices)})
            return default
        return value

    def strings(self, name) -> list[str]:
        value = self.raw.get(name) or []
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
            self.problem(name, _("Expected a list of non-empty texts."))
            return []
        return [v.strip() for v in value]

    def objects(self, name) -> list["Fields"]:
        value = self.raw.get(name) or []
        if not isinstance(value, list):
            self.problem(name, _("Expected a list."))
            return []
        return [
            Fields(item, f"{self.path(name)}[{i}]", self.problems) for i, item in enumerate(value)
        ]


def check_source(fields: Fields) -> SourceData:
    fields.only("title", "publisher", "url", "licence", "licence_url", "attribution", "notes")
    return SourceData(
        title=fields.text("title", max_length=300),
        publisher=fields.text("publisher", max_length=200),
        url=fields.text("url", url=True, max_length=500),
        licence=fields.text("licence", max_length=200),
        licence_url=fields.text("licence_url", url=True, max_length=500),
        attribution=fields.text("attribution"),
        notes=fields.text("notes"),
    )


def check_activity(fields: Fields) -> ActivityData:
    fields.only(
        "code", "title", "summary", "steps", "resources", "capabilities", "evidence", "hours",
        "badge",
    )  # fmt: skip
    evidence = Fields(fields.raw.get("evidence") or {}, fields.path("evidence"), fields.problems)
    evidence.only("min_words", "link_allowed", "tool")
    badge = Fields(fields.raw.get("badge") or {}, fields.path("badge"), fields.problems)
    badge.only("name", "criteria")
    hours = fields.raw.get("hours")
    if hours is not None and as_hours(hours) is None:
        fields.problem("hours", _("Expected a number of hours, such as 2 or 1.5."))
    activity = ActivityData(
        code=fields.text("code", required=True, pattern=CODE_PATTERN),
        title=fields.text("title", required=True, max_length=200),
        summary=fields.text("summary"),
        steps=fields.strings("steps"),
        resources=[check_resource(item) for item in fields.objects("resources")],
        capabilities=fields.strings("capabilities"),
        min_words=evidence.integer("min_words", maximum=5000),
        link_allowed=evidence.boolean("link_allowed", default=True),
        tool=evidence.choice("tool", list(KNOWN_TOOLS)),
        hours=None if hours is None else as_hours(hours),
        badge_name=badge.text("name", max_length=200),
        badge_criteria=badge.text("criteria"),
    )
    if not activity.tool and not activity.min_words and not activity.link_allowed:
        evidence.problem("", _("Ask for a statement, a link or a tool: this asks for nothing."))
    return activity


def check_resource(fields: Fields) -> ResourceData:
    fields.only("title", "url", "note")
    return ResourceData(
        title=fields.text("title", required=True, max_length=300),
        url=fields.text("url", url=True, max_length=500),
        note=fields.text("note", max_length=500),
    )


def check_module(fields: Fields) -> ModuleData:
    fields.only("title", "summary", "accreditation")
    return ModuleData(
        title=fields.text("title", required=True, max_length=200),
        summary=fields.text("summary"),
        accreditation=fields.text("accreditation", max_length=200),
    )


def check_language(top: Fields) -> str:
    language = top.text("language", max_length=10)
    if language and not re.match(LANGUAGE_PATTERN, language):
        top.problem("language", _("Use a language code, such as “en” or “cy”."))
    return language or "en"


def check_programme(raw: dict, problems: list[Problem]) -> ProgrammeData:
    top = Fields(raw, "", problems)
    top.only(
        "format", "slug", "name", "kind", "summary", "language", "audience", "review",
        "activity_label",
        "start_with",
        "eligibility", "completion", "capabilities_framework", "source", "modules", "activities",
    )  # fmt: skip
    start = Fields(raw.get("start_with") or {}, "start_with", problems)
    start.only("activities", "note")
    eligibility = Fields(raw.get("eligibility") or {}, "eligibility", problems)
    eligibility.only("min_role_level", "note")
    completion = Fields(raw.get("completion") or {}, "completion", problems)
    completion.only("attendance", "activities")
    data = ProgrammeData(
        slug=top.text("slug", required=True, max_length=80, pattern=SLUG_PATTERN),
        name=top.text("name", required=True, max_length=200),
        kind=top.choice("kind", Programme.Kind.values, default=Programme.Kind.SELF_PACED),
        summary=top.text("summary"),
        language=check_language(top),
        audience=top.choice("audience", Programme.Audience.values, default="members"),
        review=top.choice("review", Programme.Review.values, default="auto"),
        activity_label=top.text("activity_label", max_length=40),
        start_with=start.strings("activities"),
        start_with_note=start.text("note", max_length=300),
        min_role_level=eligibility.choice("min_role_level", list(ROLE_LEVELS)),
        eligibility=eligibility.text("note"),
        completion_attendance=completion.integer("attendance", maximum=100),
        completion_activities=completion.integer("activities", maximum=500),
        capabilities_framework=top.text("capabilities_framework", pattern=SLUG_PATTERN),
        source=check_source(Fields(raw.get("source") or {}, "source", problems)),
        modules=[check_module(item) for item in top.objects("modules")],
        activities=[check_activity(item) for item in top.objects("activities")],
    )
    check_activity_set(data, problems)
    return data


def check_activity_set(data: ProgrammeData, problems: list[Problem]) -> None:
    codes = [activity.code for activity in data.activities]
    for i, code in enumerate(codes):
        if code and code in codes[:i]:
            problems.append(Problem(f"activities[{i}].code", _("“%s” is used twice.") % code))
    for i, code in enumerate(data.start_with):
        if code not in codes:
            problems.append(
                Problem(f"start_with.activities[{i}]", _("No activity has the code “%s”.") % code)
            )
    if data.completion_activities > len(codes):
        problems.append(
            Problem("completion.activities", _("The programme has fewer activities than that."))
        )
    if any(activity.capabilities for activity in data.activities) and not (
        data.capabilities_framework
    ):
        problems.append(
            Problem("capabilities_framework", _("Name the framework the capabilities come from."))
        )


def check_pathway(raw: dict, problems: list[Problem]) -> PathwayData:
    top = Fields(raw, "", problems)
    top.only(
        "format", "slug", "name", "role_level", "summary", "capabilities_framework",
        "attribution", "steps",
    )  # fmt: skip
    steps = []
    for item in top.objects("steps"):
        item.only("title", "summary", "url", "activity", "capabilities")
        step = PathwayStepData(
            title=item.text("title", required=True, max_length=200),
            summary=item.text("summary"),
            url=item.text("url", url=True, max_length=500),
            activity=item.text("activity", pattern=r"^[a-z0-9-]+/[A-Za-z0-9._-]+$"),
            capabilities=item.strings("capabilities"),
        )
        if not step.url and not step.activity:
            item.problem("", _("Give a step a url, an activity, or both."))
        steps.append(step)
    if not steps:
        top.problem("steps", _("A pathway needs at least one step."))
    return PathwayData(
        slug=top.text("slug", required=True, max_length=80, pattern=SLUG_PATTERN),
        name=top.text("name", required=True, max_length=200),
        role_level=top.choice("role_level", list(ROLE_LEVELS)),
        summary=top.text("summary"),
        capabilities_framework=top.text("capabilities_framework", pattern=SLUG_PATTERN),
        attribution=top.text("attribution"),
        steps=steps,
    )
