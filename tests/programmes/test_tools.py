"""Embedded tools: an activity completes when the tool is used, or falls back to writing."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from peerpath.portfolio.models import LearningEntry
from peerpath.programmes.selectors.progress import tool_state
from peerpath.programmes.services import submission_submit
from peerpath.programmes.tools import ProgrammeTool, ToolCompletion, tool_for
from tests.programmes.conftest import words


class FeedbackRounds(ProgrammeTool):
    """What the assessments app's hook would answer: a finished 360° round, if any."""

    key = "feedback-360"

    def __init__(self):
        self.finished: dict[int, ToolCompletion] = {}

    def start_url(self, user):
        return "/feedback/new/"

    def completion(self, user, *, since=None):
        return self.finished.get(user.pk)


def test_without_the_tools_hook_thing_4_asks_for_a_written_statement(thing, alice, hook_module):
    hook_module("assessments")  # an app that ships no tools
    activity = thing(4)
    assert tool_for("feedback-360") is None
    state = tool_state(activity, alice)
    assert state.available is False and state.name == "a 360° feedback round"
    with pytest.raises(ValidationError, match="has 20 words"):
        submission_submit(activity=activity, participant=alice, statement=words(20))
    assert submission_submit(activity=activity, participant=alice, statement=words(200)).is_accepted


def test_once_the_app_ships_its_hook_thing_4_completes_by_using_the_tool(thing, alice, hook_module):
    rounds = FeedbackRounds()
    hook_module("assessments", rounds)
    activity = thing(4)
    assert tool_state(activity, alice).start_url == "/feedback/new/"
    with pytest.raises(ValidationError, match="Use a 360° feedback round first"):
        submission_submit(activity=activity, participant=alice)
    rounds.finished[alice.pk] = ToolCompletion(
        title="360° feedback report, March 2027", url="/feedback/7/report/",
        when=datetime.date(2027, 3, 1),
    )  # fmt: skip
    submission = submission_submit(activity=activity, participant=alice)
    assert submission.is_accepted
    assert submission.tool_evidence_url == "/feedback/7/report/"
    entry = LearningEntry.objects.get(owner=alice)
    assert "[360° feedback report, March 2027](/feedback/7/report/)" in entry.reflection


def test_a_broken_hook_module_is_reported_rather_than_ignored(hook_module, monkeypatch):
    import importlib

    from peerpath.programmes import tools

    real_import = importlib.import_module

    def failing(name, *args):
        if name == "peerpath.portfolio.programme_tools":
            raise ModuleNotFoundError(
                "No module named 'missing_dependency'", name="missing_dependency"
            )
        return real_import(name, *args)

    monkeypatch.setattr(tools.importlib, "import_module", failing)
    tools.forget_hooks()
    with pytest.raises(ModuleNotFoundError, match="missing_dependency"):
        tool_for("development-plan")


def test_thing_4_completes_with_a_closed_360_round_and_links_its_report(thing, alice):
    from peerpath.assessments.models import FeedbackRound
    from peerpath.frameworks.models import Framework
    from tests.assessments.builders import feedback_round

    activity = thing(4)
    six = Framework.objects.get(slug="six-leadership-capabilities", is_current=True)
    still_open = feedback_round(alice, six)
    assert tool_state(activity, alice).completion is None, "an open round is not finished"
    with pytest.raises(ValidationError, match="Use a 360° feedback round first"):
        submission_submit(activity=activity, participant=alice, statement=words(300))
    still_open.status = FeedbackRound.Status.CLOSED
    still_open.closed_at = still_open.launched_at
    still_open.save()
    done = tool_state(activity, alice).completion
    assert done.title == "360° feedback report: Leadership feedback"
    assert done.url == f"/feedback/{still_open.pk}/report/"
    assert submission_submit(activity=activity, participant=alice).is_accepted


def test_thing_11_needs_a_plan_item_and_thing_23_an_entry_of_ones_own(thing, alice):
    from peerpath.portfolio.services import learning_entry_save, plan_item_create

    assert tool_state(thing(11), alice).completion is None
    plan_item_create(owner=alice, action="Shadow a director")
    assert tool_state(thing(11), alice).completion.title == "Development plan with 1 item"

    # Thing 1's accepted work makes a learning entry, but that is not a log of one's own.
    submission_submit(activity=thing(1), participant=alice, statement=words(210))
    assert tool_state(thing(23), alice).completion is None
    learning_entry_save(
        owner=alice,
        title="Read about distributed leadership",
        kind="reading",
        date=datetime.date(2026, 11, 2),
        reflection="It changed how I run team meetings.",
    )
    done = tool_state(thing(23), alice).completion
    assert done.title == "Learning log with 1 reflective entry"
    assert done.when == datetime.date(2026, 11, 2)
