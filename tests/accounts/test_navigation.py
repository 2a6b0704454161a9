"""The service navigation on every page: what each role is offered, and where they are."""

import re

import pytest
from django.urls import reverse


def _navigation(page: str) -> list[tuple[str, bool]]:
    """(text, is current) of each link in the service navigation."""
    nav = re.search(r"<nav[^>]*govuk-service-navigation__wrapper.*?</nav>", page, re.S)
    assert nav, "no service navigation on the page"
    links = re.findall(r'<li class="([^"]*)">\s*<a[^>]*>\s*(?:<strong[^>]*>)?([^<]+)', nav[0])
    return [(text.strip(), "--active" in classes) for classes, text in links]


@pytest.mark.parametrize(
    ("role", "offered", "not_offered"),
    [
        ("anonymous", ["Home", "Frameworks", "Sign in"], ["Portfolio", "Site admin"]),
        ("participant", ["Home", "Portfolio", "Mentoring", "Your profile"], ["Sign in"]),
        ("org_admin", ["Portfolio", "Northfold Libraries"], ["Site admin"]),
        ("other_org_admin", ["Lough Carra Library Service"], ["Northfold Libraries"]),
        ("site_admin", ["Site admin"], ["Northfold Libraries"]),
    ],
)
def test_each_role_is_offered_its_own_sections(people, client_for, role, offered, not_offered):
    client = client_for(people[role])
    texts = [text for text, _current in _navigation(client.get("/").content.decode())]
    assert set(offered) <= set(texts), texts
    assert not set(not_offered) & set(texts), texts


def test_the_section_being_visited_is_marked_current(people, client_for):
    page = client_for(people["participant"]).get(reverse("portfolio:log")).content.decode()
    assert [text for text, current in _navigation(page) if current] == ["Portfolio"]
