"""Every app's timeline hook keeps the contract in peerpath/lib/timeline.py: `limit` gives
the same items as the whole list cut short, `statements` the same items as the whole list
filtered by what they evidence, and `evidence` changes only the statements an item carries.
Checked on the demo data, for everyone in it."""

import datetime
import importlib

import pytest
from django.core.management import call_command
from django.utils import timezone

from peerpath.accounts.models import User
from peerpath.assessments.models import FeedbackRound
from peerpath.badges.services import achievement_ensure, credential_award
from peerpath.frameworks.models import Statement
from peerpath.lib.timeline import CONTRIBUTING_APPS, collect_timeline
from tests.assessments import builders
from tests.badges.key_pool import pooled_keys

SIX = "six-leadership-capabilities"
START, END = datetime.date(1900, 1, 1), datetime.date(2200, 1, 1)


@pytest.fixture
def demo(shipped_frameworks, capsys):
    """The demo, plus what it lacks for this: finished self-evaluations, a closed 360°
    round and badges (one aligned to two statements) for the participant."""
    call_command("load_programmes")
    call_command("seed_demo")
    call_command("seed_demo_programmes")
    participant = User.objects.get(email="participant@example.org")
    cld, six = shipped_frameworks["cld-peer-self-evaluation"], shipped_frameworks[SIX]
    for days_ago in (400, 30, 2):
        builders.finished_evaluation(participant, cld, when=_days_ago(days_ago))
    builders.feedback_round(participant, six, status=FeedbackRound.Status.CLOSED)
    with pooled_keys():
        for n, statements in enumerate([Statement.objects.filter(framework=six)[:2], []]):
            achievement = achievement_ensure(
                key=f"contract.{n}",
                name=f"Badge {n}",
                description="For the timeline contract.",
                criteria="Being in the test.",
                statements=statements,
            )
            credential_award(achievement=achievement, recipient=participant)
    return list(User.objects.order_by("pk"))


def _days_ago(days):
    return timezone.now() - datetime.timedelta(days=days)


def _shown(item):
    """What the timeline shows of an item (its statements only when asked for)."""
    return (item.when, item.kind, item.title, item.url)


def _key(item):
    return (item.when, item.kind, item.title, item.url, item.statement_ids)


def _hook(app):
    return importlib.import_module(f"peerpath.{app}.portfolio").timeline_items


@pytest.mark.parametrize("app", CONTRIBUTING_APPS)
def test_each_hook_cuts_and_filters_as_the_whole_list_would(demo, app):
    timeline_items = _hook(app)
    seen, evidencing = 0, 0
    for user in demo:
        whole = timeline_items(user, START, END, evidence=True)
        whole = sorted(whole, key=lambda i: i.when, reverse=True)
        seen += len(whole)
        plain = timeline_items(user, START, END)
        assert sorted(map(_shown, plain)) == sorted(map(_shown, whole)), "evidence adds none"
        for limit in (0, 1, 3):
            cut = timeline_items(user, START, END, limit=limit, evidence=True)
            assert [i.when for i in cut] == [i.when for i in whole[:limit]], (user, limit)
            assert {_key(i) for i in cut} <= {_key(i) for i in whole}
        wanted = {s for item in whole for s in item.statement_ids[:1]}
        evidencing += len(wanted)
        filtered = timeline_items(user, START, END, statements=wanted)
        expected = [i for i in whole if wanted & set(i.statement_ids)]
        assert sorted(map(_key, filtered)) == sorted(map(_key, expected)), user
        assert timeline_items(user, START, END, statements=set()) == []
    assert seen, f"the demo gives {app} nothing to put on a timeline"
    if app != "programmes":  # the demo's placements evidence no statement
        assert evidencing, f"nothing from {app} evidences a statement in the demo"


def test_the_collected_timeline_is_newest_first_and_cut_after_merging(demo):
    participant = User.objects.get(email="participant@example.org")
    whole = collect_timeline(participant, START, END)
    assert len({i.kind for i in whole}) >= 4
    assert [i.when for i in whole] == sorted((i.when for i in whole), reverse=True)
    assert [i.when for i in collect_timeline(participant, START, END, limit=8)] == [
        i.when for i in whole[:8]
    ]
