"""The issue's "done when", end to end through pages, emails and rater links:
a 360° round with raters in three groups produces a report whose groups appear
exactly when they reach their minimum."""

import datetime
import re

from django.core import mail
from django.urls import reverse
from django.utils import timezone

from peerpath.assessments.models import FeedbackRound

from . import builders
from .pages import cells_of


def in_three_weeks() -> str:
    return (timezone.localdate() + datetime.timedelta(days=21)).strftime("%d/%m/%Y")


def test_a_round_with_three_groups_shows_each_group_exactly_at_its_minimum(
    client, client_for, alice, six, settings, django_capture_on_commit_callbacks
):
    settings.SITE_URL = "http://testserver"
    subject = client_for(alice)
    subject.post(
        reverse("assessments:round-new"),
        {"framework": six.pk, "title": "Thing 4 feedback", "closes_on": in_three_weeks()},
    )
    round = FeedbackRound.objects.get()
    evaluation = round.self_evaluation
    for domain in six.domains.all():
        subject.post(
            reverse("assessments:domain", args=[evaluation.pk, domain.code]),
            builders.whole_domain_post(six, domain.code, 4),
        )
    subject.post(reverse("assessments:finish", args=[evaluation.pk]))
    groups = {
        "line-manager": ["manager@council.example"],
        "peer": ["p1@council.example", "p2@council.example", "p3@council.example"],
        "direct-report": ["r1@council.example", "r2@council.example", "r3@council.example"],
    }
    for group, emails in groups.items():
        subject.post(
            reverse("assessments:round-raters", args=[round.pk]),
            {"group": group, "emails": "\n".join(emails)},
        )
    with django_capture_on_commit_callbacks(execute=True):
        subject.post(reverse("assessments:round-launch", args=[round.pk]))
    links = {
        m.to[0]: re.search(r"http://testserver(/feedback/respond/\S+/)", m.body).group(1)
        for m in mail.outbox
    }
    assert len(links) == 7

    def answer(address, value, comment):
        path = links[address]
        for domain in six.domains.all():
            data = builders.whole_domain_post(six, domain.code, value)
            data["text"] = f"{comment} on {domain.name}"
            client.post(f"{path}sections/{domain.code}/", data)
        assert "Feedback sent" in client.post(f"{path}finish/", {"send": ""}).content.decode()

    answer("manager@council.example", 3, "Manager")
    for n in (1, 2, 3):
        answer(f"p{n}@council.example", 2, f"Peer {n}")
    for n in (1, 2):  # one report never answers: two of three, under the minimum
        answer(f"r{n}@council.example", 1, f"Report {n}")

    round_page = subject.get(round.get_absolute_url()).content.decode()
    assert "6 of 7 people have sent their feedback." in round_page
    subject.post(reverse("assessments:round-close", args=[round.pk]))
    page = subject.get(reverse("assessments:report", args=[round.pk])).content.decode()
    found = cells_of(page)
    assert found.groups["line-manager"][-1] == "Shown"
    assert found.groups["peer"][-1] == "Shown"
    assert found.groups["direct-report"][-1] == "Not shown: fewer than 3 answered"
    assert found.cells["VIS.1"]["line-manager"] == "3(1)"
    assert found.cells["VIS.1"]["peer"] == "2(3)"
    assert found.cells["VIS.1"]["direct-report"] == "Not shown"
    assert found.cells["VIS.1"]["others"] == "2.3(4)"  # the two reports are left out
    assert "Peer 2 on Vision" in page and "Manager on Vision" in page
    assert "Report 1" not in page
    blind_spots = page.split('data-list="blind-spots"')[1].split("</ul>")[0]
    assert "Seeing how best to make a difference" in blind_spots  # self 4, others 2.3
