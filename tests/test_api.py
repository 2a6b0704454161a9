"""The JSON API: who may call what, tokens, and documentation served without a CDN."""

import pytest
from django.urls import reverse

from peerpath.accounts.services import api_token_create, api_token_revoke
from peerpath.api.main import api

# Operations anyone may call. Anything else needs a token or a signed-in session, so an
# endpoint cannot become public by accident: add it here only on purpose.
PUBLIC_OPERATIONS = {"list_frameworks", "get_framework"}


def all_operations():
    for _prefix, router in api._routers:
        for path_view in router.path_operations.values():
            yield from path_view.operations


def test_only_the_listed_operations_are_public():
    public = {op.view_func.__name__ for op in all_operations() if op.auth_param is None}
    assert public == PUBLIC_OPERATIONS


@pytest.fixture
def token(alice):
    _token, raw = api_token_create(user=alice, name="Reports")
    return raw


def test_a_token_identifies_its_owner(client, alice, token):
    response = client.get("/api/accounts/me/", headers={"Authorization": f"Bearer {token}"})
    assert response.status_code == 200
    assert response.json()["email"] == "alice@example.org"
    assert response.json()["roles"] == [
        {
            "organisation": "Northfold Libraries",
            "organisation_slug": "northfold",
            "role": "participant",
        }
    ]


def test_without_a_token_the_api_answers_401(client, db):
    assert client.get("/api/accounts/me/").status_code == 401


def test_a_revoked_or_made_up_token_stops_working(client, alice, token):
    api_token_revoke(token=alice.api_tokens.get())
    assert (
        client.get("/api/accounts/me/", headers={"Authorization": f"Bearer {token}"}).status_code
        == 401
    )
    assert (
        client.get("/api/accounts/me/", headers={"Authorization": "Bearer pp_made_up"}).status_code
        == 401
    )


def test_a_signed_in_browser_session_works_too(client_for, alice):
    assert client_for(alice).get("/api/accounts/me/").json()["full_name"] == "Alice Participant"


def test_frameworks_are_public_over_the_api(client, shipped_frameworks):
    rows = {row["slug"]: row for row in client.get("/api/frameworks/").json()}
    assert rows["cld-peer-self-evaluation"]["statements"] == 50
    framework = client.get("/api/frameworks/six-leadership-capabilities/1.0/").json()
    assert framework["format"] == "peerpath-framework/1"
    assert len(framework["domains"]) == 6


def test_the_token_is_shown_once_and_only_its_hash_is_kept(client_for, alice):
    page = client_for(alice).post(reverse("accounts:api-tokens"), {"name": "Script"})
    raw = page.content.decode().split("<code>")[1].split("</code>")[0]
    assert raw.startswith("pp_")
    stored = alice.api_tokens.get()
    assert raw not in (stored.token_hash, stored.prefix)
    assert raw not in client_for(alice).get(reverse("accounts:api-tokens")).content.decode()


def test_the_openapi_document_and_docs_page_are_served_locally(client, db):
    schema = client.get("/api/openapi.json").json()
    assert schema["info"]["title"] == "Peerpath API"
    assert "/api/frameworks/" in schema["paths"]
    docs = client.get("/api/docs").content.decode()
    assert "/static/ninja/swagger-ui-bundle.js" in docs
    assert "cdn" not in docs.lower()
