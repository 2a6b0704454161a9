"""Results: the latest evaluation against the baseline and the previous one, as chart
and table, with strengths and areas to develop derived from the ratings."""

import datetime
import json
import re
from statistics import fmean

from django.urls import reverse
from django.utils import timezone

from peerpath.assessments.models import SelfRating
from peerpath.assessments.services.sharing import share_create
from peerpath.frameworks.formats import read_framework_file
from peerpath.frameworks.selectors import framework_as_data
from peerpath.frameworks.services import framework_import
from peerpath.frameworks.shipped import SHIPPED_DIR

from .builders import finished_evaluation
from .pages import parse


def days_ago(n):
    return timezone.now() - datetime.timedelta(days=n)


def result_page(client, evaluation) -> str:
    return client.get(reverse("assessments:result", args=[evaluation.pk])).content.decode()


def test_doing_the_cld_evaluation_twice_shows_the_change(client_for, alice, cld):
    finished_evaluation(alice, cld, {"LEAD.2": 1, "COMM.1": 2}, default=2, when=days_ago(90))
    second = finished_evaluation(alice, cld, {"LEAD.2": 3, "COMM.1": 2}, default=3)
    page = result_page(client_for(alice), second)
    assert "Compared with the first self-evaluation (the baseline)." in page
    assert "First (baseline)" in page and "This one" in page
    rows = re.findall(r"<th scope=\"row\"[^>]*>([^<]+)</th>.*?</tr>", page, flags=re.S)
    assert "Manage change effectively" in rows
    change = re.search(r"Manage change effectively</th>(.*?)</tr>", page, flags=re.S).group(1)
    assert "Less confident (1)" in change and "Confident (3)" in change and "+2" in change


def test_the_chart_and_its_table_match_the_stored_ratings(client_for, alice, cld):
    values = {"LEAD.1": 4, "LEAD.2": 1, "STRAT.3": 2, "RES.4": 4, "PERS.7": 1}
    first = finished_evaluation(alice, cld, {"LEAD.1": 2}, default=2, when=days_ago(30))
    latest = finished_evaluation(alice, cld, values, default=3)
    found = parse(result_page(client_for(alice), latest))

    expected = {}
    for evaluation in [first, latest]:
        for domain in cld.domains.all():
            stored = SelfRating.objects.filter(evaluation=evaluation, statement__domain=domain)
            expected.setdefault(domain.name, []).append(
                round(fmean(r.level.value for r in stored), 2)
            )
    bars = found.bars["chart-domains"]
    assert len(bars) == 2 * 8
    for row, _series, value in bars:
        assert float(value) in expected[row]
    by_row = {}
    for row, _series, value in bars:
        by_row.setdefault(row, []).append(float(value))
    assert by_row == expected
    table = [[float(v) for v in cells] for cells in found.tables["chart-domains"] if cells]
    assert table == list(expected.values())

    lead_bars = [
        (row, float(v)) for row, series, v in found.bars["chart-LEAD"] if "This one" in series
    ]
    stored_lead = {
        r.statement.text: r.level.value
        for r in SelfRating.objects.filter(evaluation=latest, statement__domain__code="LEAD")
    }
    assert dict(lead_bars) == stored_lead
    lead_table = [cells for cells in found.tables["chart-LEAD"] if cells]
    assert [int(cells[-1]) for cells in lead_table] == list(stored_lead.values())


def test_a_third_evaluation_is_compared_with_the_baseline_and_the_previous_one(
    client_for, alice, cld
):
    finished_evaluation(alice, cld, default=1, when=days_ago(200))
    finished_evaluation(alice, cld, default=2, when=days_ago(100))
    third = finished_evaluation(alice, cld, default=4)
    found = parse(result_page(client_for(alice), third))
    leadership = next(cells for cells in found.tables["chart-domains"] if cells)
    assert [float(v) for v in leadership] == [1.0, 2.0, 4.0]


def test_strengths_and_areas_to_develop_come_from_the_ratings(client_for, alice, cld):
    latest = finished_evaluation(alice, cld, {"COMM.2": 4, "RES.1": 1, "RES.2": 1}, default=3)
    page = result_page(client_for(alice), latest)
    strengths = page.split('<h2 class="govuk-heading-m">Strengths</h2>')[1].split("</ul>")[0]
    to_develop = page.split('<h2 class="govuk-heading-m">Areas to develop</h2>')[1].split("</ul>")[
        0
    ]
    assert strengths.count("<li>") == 1 and "Very confident" in strengths
    assert to_develop.count("<li>") == 2 and "Less confident" in to_develop


def test_when_nothing_is_below_the_middle_there_are_no_areas_to_develop(client_for, alice, cld):
    latest = finished_evaluation(alice, cld, default=3)
    page = result_page(client_for(alice), latest)
    assert "None falls below the middle of the scale this time." in page


def test_ratings_against_an_old_framework_version_stay_readable(client_for, alice, cld):
    old = finished_evaluation(alice, cld, {"LEAD.1": 1}, default=2, when=days_ago(60))
    data = json.loads((SHIPPED_DIR / "cld-peer-self-evaluation.json").read_text())
    data["version"] = "2.0"
    data["domains"][0]["statements"][0]["text"] = "Create, share and renew a clear vision"
    parsed, _fmt = read_framework_file("cld.json", json.dumps(data).encode())
    version_2 = framework_import(data=parsed).framework
    assert framework_as_data(cld).version == "1.0"

    new = finished_evaluation(alice, version_2, {"LEAD.1": 3}, default=2)
    client = client_for(alice)
    assert "Create and communicate a clear vision" in result_page(client, old)
    page = result_page(client, new)
    assert "Create, share and renew a clear vision" in page
    renewed = re.search(r"renew a clear vision</th>(.*?)</tr>", page, flags=re.S).group(1)
    assert "Less confident (1)" in renewed and "+2" in renewed


# The results part of a finished evaluation is kept once made (it never changes); what it
# is kept under must still tell apart everything that makes the part look different.


def test_the_kept_results_are_read_again_without_working_them_out(
    client_for, alice, cld, django_assert_max_num_queries
):
    finished_evaluation(alice, cld, default=2, when=days_ago(90))
    latest = finished_evaluation(alice, cld, {"LEAD.2": 4}, default=3)
    client = client_for(alice)
    first = result_page(client, latest)
    with django_assert_max_num_queries(9):  # sign-in, the evaluation, history, shares, nav
        again = result_page(client, latest)
    without_token = re.compile(r'name="csrfmiddlewaretoken" value="[^"]*"')
    assert without_token.sub("", again) == without_token.sub("", first)
    assert "First (baseline)" in again


def test_someone_it_is_shared_with_never_gets_the_owners_comparison(client_for, alice, bob, cld):
    finished_evaluation(alice, cld, default=1, when=days_ago(90))
    latest = finished_evaluation(alice, cld, default=3)
    share_create(owner=alice, email=bob.email, relationship="mentor", evaluation=latest)
    assert "First (baseline)" in result_page(client_for(alice), latest)
    shared = result_page(client_for(bob), latest)
    assert "First (baseline)" not in shared and "This one" in shared
    assert "Make a development plan" not in shared


def test_each_evaluation_keeps_its_own_comparison(client_for, alice, cld):
    finished_evaluation(alice, cld, default=1, when=days_ago(200))
    second = finished_evaluation(alice, cld, default=2, when=days_ago(100))
    client = client_for(alice)
    before = parse(result_page(client, second)).tables["chart-domains"]
    third = finished_evaluation(alice, cld, default=4)
    latest = parse(result_page(client, third)).tables["chart-domains"]
    assert [float(v) for v in next(c for c in before if c)] == [1.0, 2.0]
    assert [float(v) for v in next(c for c in latest if c)] == [1.0, 2.0, 4.0]
    assert parse(result_page(client, second)).tables["chart-domains"] == before


def test_the_results_come_in_the_language_of_the_page(client_for, alice, cld):
    latest = finished_evaluation(alice, cld, default=3)
    client = client_for(alice)
    assert "Areas to develop" in result_page(client, latest)
    client.cookies["django_language"] = "cy"
    welsh = result_page(client, latest)
    assert "Areas to develop" not in welsh and 'lang="cy"' in welsh
