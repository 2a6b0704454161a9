"""The demo data `make run` loads into an empty database."""

import pytest
from django.core.management import CommandError, call_command

from peerpath.accounts.models import Membership, Organisation, User
from peerpath.demo import DEMO_PASSWORD


def test_the_demo_has_people_across_the_nations_and_role_levels(db, capsys):
    call_command("seed_demo")
    assert Organisation.objects.values("nation").distinct().count() >= 4
    assert User.objects.count() >= 30
    levels = set(User.objects.values_list("profile__role_level", flat=True))
    assert len(levels - {None}) == 5
    assert Membership.objects.filter(role=Membership.Role.COORDINATOR).exists()
    participant = User.objects.get(email="participant@example.org")
    assert participant.check_password(DEMO_PASSWORD)


def test_demo_data_is_only_added_to_an_empty_database(alice, capsys):
    call_command("seed_demo", "--if-empty")
    assert "already has data" in capsys.readouterr().out
    with pytest.raises(CommandError, match="only added to an empty database"):
        call_command("seed_demo")
    assert User.objects.count() == 1


def test_the_demo_logins_are_printed_with_the_password(db, capsys):
    call_command("seed_demo")
    call_command("demo_logins", "--url", "http://127.0.0.1:8000/")
    out = capsys.readouterr().out
    assert "http://127.0.0.1:8000/" in out
    assert "participant@example.org" in out and DEMO_PASSWORD in out


def test_the_demo_includes_a_mentoring_round_and_a_peer_pair(db, capsys):
    from peerpath.mentoring.models import Cohort, Pairing

    call_command("seed_demo")
    assert "a mentoring round with 22 applicants" in capsys.readouterr().out
    assert 22 in [cohort.applications.count() for cohort in Cohort.objects.all()]
    assert Pairing.objects.filter(sessions__isnull=False).distinct().count() == 1
