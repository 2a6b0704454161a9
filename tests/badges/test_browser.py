"""In a real browser: an earner downloads a baked badge, anyone checks it, an admin revokes."""

import pytest
from playwright.sync_api import expect

from peerpath.badges.services import credential_award
from tests.badges.key_pool import pooled_keys

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def check_badge_file(page, path):
    page.goto("/badges/verify/")
    page.get_by_label("Or upload a badge file").set_input_files(path)
    page.get_by_role("button", name="Check the badge").click()


def test_a_downloaded_badge_checks_as_valid_until_it_is_revoked(
    page, sign_in, alice, carol, northfold_badge, tmp_path
):
    with pooled_keys():
        credential_award(achievement=northfold_badge, recipient=alice)
    sign_in(alice)
    page.get_by_role("link", name="See and share your badges").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Your badges")
    with page.expect_download() as download:
        page.get_by_role("link", name="badge image (PNG)").click()
    badge = tmp_path / "badge.png"
    download.value.save_as(badge)

    check_badge_file(page, badge)
    expect(page.locator("#verification-result")).to_contain_text("Valid badge")
    expect(page.locator("#verification-result")).to_contain_text("Northfold Libraries issued it")

    page.context.clear_cookies()
    sign_in(carol)
    page.goto(northfold_badge.issuer.get_absolute_url())
    page.get_by_role("link", name="Manage this issuer's badges and keys").click()
    page.get_by_role("link", name="Revoke Masterclass: leading change").click()
    page.get_by_role("button", name="Revoke the badge").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Enter why you are revoking")
    page.get_by_label("Why are you revoking this badge?").fill("Did not attend the masterclass")
    page.get_by_role("button", name="Revoke the badge").click()
    expect(page.get_by_role("alert")).to_contain_text("fails verification everywhere")

    check_badge_file(page, badge)
    expect(page.locator("#verification-result")).to_contain_text("Revoked badge")
    expect(page.locator("#verification-result")).to_contain_text("Did not attend the masterclass")
