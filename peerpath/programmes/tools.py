"""Platform tools an activity can embed, and how an activity asks whether one is done.

An activity names a tool by key (``"feedback-360"`` for Thing 4 of 23 Things). The app
that owns the tool answers for it through a hook module,
``peerpath/<app>/programme_tools.py``, which defines ``TOOLS``: a list of
``ProgrammeTool`` objects. Programmes never import another app's models to find out.

When the owning app has no hook yet, ``tool_for`` returns None and the activity asks
for a written statement instead; as soon as the app ships its hook, the same activity
picks the tool up with no change to the programme's data.
"""

import datetime
import importlib
from dataclasses import dataclass
from functools import cache

from django.utils.translation import gettext_lazy as _

# Every tool an activity may name: key -> (app that answers for it, name in users' words).
KNOWN_TOOLS = {
    "self-evaluation": ("assessments", _("a self-evaluation")),
    "feedback-360": ("assessments", _("a 360° feedback round")),
    "development-plan": ("portfolio", _("your development plan")),
    "learning-log": ("portfolio", _("your learning log")),
}


@dataclass(frozen=True)
class ToolCompletion:
    """Proof that a person used a tool: what to show and link to as evidence."""

    title: str
    url: str = ""
    when: datetime.date | None = None


class ProgrammeTool:
    """What a hook module provides for one tool. Subclass it in the owning app."""

    key: str = ""

    def start_url(self, user) -> str:
        """Where the person goes to use the tool."""
        raise NotImplementedError

    def completion(self, user, *, since: datetime.datetime | None = None) -> ToolCompletion | None:
        """The person's use of the tool that completes the activity, or None if not yet.

        `since` is when the person started the programme's activity, for tools that
        should count only fresh work; a hook may ignore it.
        """
        raise NotImplementedError


def tool_name(key: str) -> str:
    return str(KNOWN_TOOLS[key][1]) if key in KNOWN_TOOLS else key


@cache
def _hooks_of(app: str) -> dict[str, ProgrammeTool]:
    try:
        module = importlib.import_module(f"peerpath.{app}.programme_tools")
    except ModuleNotFoundError as error:
        if error.name != f"peerpath.{app}.programme_tools":
            raise  # the hook exists but is broken: say so rather than fall back quietly
        return {}
    return {tool.key: tool for tool in getattr(module, "TOOLS", [])}


def tool_for(key: str) -> ProgrammeTool | None:
    """The tool's hook, or None when the tool is unknown or its app has no hook yet."""
    if key not in KNOWN_TOOLS:
        return None
    return _hooks_of(KNOWN_TOOLS[key][0]).get(key)


def forget_hooks() -> None:
    """Look the hook modules up again (tests that add a hook use this)."""
    _hooks_of.cache_clear()
