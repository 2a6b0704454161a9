"""Exchanges, secondments and international visits, recorded and shown in the portfolio."""

import datetime

from django.urls import reverse

from peerpath.drafts.models import Draft
from peerpath.drafts.services import draft_save
from peerpath.lib.timeline import collect_timeline
from peerpath.programmes.models import Placement


def form(**changes):
    data = {
        "kind": "international-visit",
        "host": "Tampere City Library",
        "country": "Finland",
        "starts_on": "2027-04-12",
        "ends_on": "2027-04-16",
        "purpose": "See how a Finnish city runs community learning from its libraries.",
        "reflection": "Staff there lead without waiting to be asked.",
    }
    return {**data, **changes}


def test_a_placement_is_saved_and_shows_in_the_portfolio_timeline(alice, bob, client_for):
    draft_save(owner=alice, key="programmes.placement.new.reflection", text="half written")
    response = client_for(alice).post(reverse("programmes:placement-create"), form())
    placement = Placement.objects.get()
    assert response.status_code == 302 and placement.person == alice
    assert not Draft.objects.filter(owner=alice).exists()
    items = collect_timeline(alice, datetime.date(2027, 1, 1), datetime.date(2027, 12, 31))
    assert [(i.kind, i.title, i.url) for i in items] == [
        (
            "International visit",
            "International visit at Tampere City Library",
            placement.get_absolute_url(),
        )
    ]
    assert collect_timeline(bob, datetime.date(2027, 1, 1), datetime.date(2027, 12, 31)) == []


def test_an_end_before_the_start_is_refused_and_what_was_typed_is_kept(alice, client_for):
    response = client_for(alice).post(
        reverse("programmes:placement-create"), form(ends_on="2027-04-01")
    )
    page = response.content.decode()
    assert "The end date must be on or after the start date." in page
    assert "Tampere City Library" in page
    assert not Placement.objects.exists()


def test_placements_are_private_to_the_person(alice, bob, erin, client_for):
    client_for(alice).post(reverse("programmes:placement-create"), form())
    placement = Placement.objects.get()
    for other in (bob, erin):
        assert client_for(other).get(placement.get_absolute_url()).status_code == 404
    assert "Tampere" not in client_for(bob).get(reverse("programmes:placements")).content.decode()
