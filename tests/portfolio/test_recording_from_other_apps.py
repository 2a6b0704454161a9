"""The contract other apps rely on when they add to someone's portfolio."""

import datetime

from peerpath.frameworks.models import Statement
from peerpath.portfolio.models import LearningEntry
from peerpath.portfolio.services import learning_entry_record, plan_item_create


def test_recording_the_same_source_twice_updates_one_entry(alice, shipped_frameworks):
    statement = Statement.objects.get(framework__slug="six-leadership-capabilities", code="VIS.1")
    for title in ["Thing 1: first draft", "Thing 1: What is leadership?"]:
        learning_entry_record(
            owner=alice,
            title=title,
            kind=LearningEntry.Kind.ELEARNING,
            date=datetime.date(2026, 11, 2),
            hours=2,
            statements=[statement],
            source_key="programmes.submission.1",
        )
    entry = LearningEntry.objects.get(owner=alice)
    assert entry.title == "Thing 1: What is leadership?"
    assert list(entry.statements.all()) == [statement]


def test_entries_without_a_source_are_always_new(alice):
    for _ in range(2):
        learning_entry_record(
            owner=alice, title="Read a book", kind="reading", date=datetime.date(2026, 1, 5)
        )
    assert LearningEntry.objects.filter(owner=alice).count() == 2


def test_a_plan_item_for_a_statement_knows_its_domain(alice, shipped_frameworks):
    statement = Statement.objects.get(framework__slug="cld-peer-self-evaluation", code="COMM.2")
    item = plan_item_create(owner=alice, action="Practise handling conflict", statement=statement)
    assert item.domain.name == "Communication"
