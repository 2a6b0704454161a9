"""Demo programmes for `make run`: added once, after the demo people."""

from django.core.management import call_command

from peerpath.demo import seed_demo
from peerpath.programmes.models import Enrolment, LearningSet, Placement, Programme


def test_demo_programmes_are_added_once_after_the_demo_people(db, capsys):
    call_command("seed_demo_programmes")
    assert "run seed-demo first" in capsys.readouterr().out
    seed_demo()
    call_command("seed_demo_programmes")
    call_command("seed_demo_programmes")
    assert Programme.objects.filter(slug="leadership-masterclasses").count() == 1
    assert Enrolment.objects.count() == 3
    assert LearningSet.objects.get().members.count() == 3
    assert Placement.objects.count() == 1
