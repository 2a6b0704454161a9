"""Pathways: which capabilities a role's pathway covers, and how far someone has got."""

from django.urls import reverse

from peerpath.programmes.models import Pathway
from peerpath.programmes.selectors.pathways import coverage, pathway_with_steps, steps_progress
from peerpath.programmes.services import step_mark_done, submission_submit
from tests.programmes.conftest import words


def test_four_pathways_ship_for_four_role_levels(twenty_three_things):
    assert list(Pathway.objects.order_by("role_level").values_list("slug", flat=True)) == [
        "frontline-practitioner", "supervisor", "middle-manager", "senior-leader",
    ]  # fmt: skip


def test_a_pathway_shows_the_capabilities_it_covers_and_those_done(
    twenty_three_things, thing, alice
):
    pathway = pathway_with_steps(Pathway.objects.get(slug="frontline-practitioner"))
    domains = [entry.domain.code for entry in coverage(steps_progress(pathway, alice))]
    assert domains == ["VIS", "SELF", "MOT", "EMP", "COLLAB"]
    submission_submit(activity=thing(14), participant=alice, statement=words(200))
    progress = steps_progress(pathway, alice)
    assert [item.step.title for item in progress if item.done] == ["Resilience"]
    self_leadership = next(e for e in coverage(progress) if e.domain.code == "SELF")
    assert [s.code for s in self_leadership.statements if s.pk in self_leadership.covered] == [
        "SELF.4"
    ]


def test_following_and_ticking_off_a_resource(twenty_three_things, alice, client_for):
    pathway = Pathway.objects.get(slug="middle-manager")
    resource = pathway.steps.get(activity__isnull=True)
    client = client_for(alice)
    client.post(reverse("programmes:pathway-follow", args=[pathway.slug]))
    client.post(
        reverse("programmes:pathway-step", args=[pathway.slug, resource.pk]), {"done": "yes"}
    )
    page = client.get(pathway.get_absolute_url()).content.decode()
    assert "Stop following" in page
    assert "1 of 8 steps done." in page
    step_mark_done(step=resource, person=alice, done=False)
    assert "0 of 8 steps done." in client.get(pathway.get_absolute_url()).content.decode()
