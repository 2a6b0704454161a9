"""People keep their own profile: name, role level, expertise, and a bio that autosaves."""

from django.urls import reverse

from peerpath.accounts.models import RoleLevel
from peerpath.drafts.models import Draft


def profile_data(**overrides):
    data = {
        "person-full_name": "Alice Participant",
        "person-language": "cy",
        "profile-job_title": "Library manager",
        "profile-role_level": str(RoleLevel.MIDDLE_MANAGER),
        "profile-sector": "Libraries",
        "profile-region": "North East",
        "profile-bio": "I run three branch libraries.",
        "profile-expertise_text": "Budgeting, capital projects ,, budgeting",
    }
    return {**data, **overrides}


def test_a_participant_edits_their_profile(client_for, alice):
    client = client_for(alice)
    response = client.post(reverse("accounts:profile-edit"), profile_data())
    assert response["Location"] == reverse("accounts:profile")
    alice.refresh_from_db()
    assert alice.language == "cy"
    assert alice.profile.role_level == RoleLevel.MIDDLE_MANAGER
    assert sorted(a.name for a in alice.profile.expertise.all()) == [
        "Budgeting",
        "capital projects",
    ]
    assert "Budgeting" in client.get(reverse("accounts:profile")).content.decode()


def test_the_edit_page_asks_for_areas_of_expertise_once(client_for, alice):
    # It once showed the box twice; the browser sent both and the second, unchanged one won.
    page = client_for(alice).get(reverse("accounts:profile-edit")).content.decode()
    assert page.count('name="profile-expertise_text"') == 1


def test_an_invalid_profile_keeps_what_was_typed(client_for, alice):
    response = client_for(alice).post(
        reverse("accounts:profile-edit"),
        profile_data(**{"person-full_name": "", "profile-bio": "Kept text"}),
    )
    page = response.content.decode()
    assert "There is a problem" in page
    assert "Kept text" in page


def test_an_unsaved_bio_draft_is_offered_back_and_spent_on_save(client_for, alice):
    client = client_for(alice)
    assert (
        client.post(
            reverse("drafts:save"), {"key": "profile.bio", "text": "Half-written bio"}
        ).status_code
        == 200
    )
    page = client.get(reverse("accounts:profile-edit")).content.decode()
    assert "Half-written bio" in page and "We put back the text" in page
    client.post(reverse("accounts:profile-edit"), profile_data(**{"profile-bio": "Done"}))
    assert not Draft.objects.filter(owner=alice).exists()


def test_a_draft_key_must_be_well_formed(client_for, alice):
    response = client_for(alice).post(reverse("drafts:save"), {"key": "../x", "text": "t"})
    assert response.status_code == 400
