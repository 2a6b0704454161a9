"""Organisation admins can see what coordinators and admins did to people's data."""

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from peerpath.accounts.models import AuditEvent, Membership


def test_invitations_role_changes_and_framework_uploads_are_logged(client_for, carol, bob, org):
    client = client_for(carol)
    client.post(
        reverse("orgs:organisation", kwargs={"org_slug": org.slug}),
        {"email": "new@example.org", "role": "participant"},
    )
    membership = bob.memberships.get(role=Membership.Role.COORDINATOR)
    client.post(
        reverse(
            "orgs:membership-remove", kwargs={"org_slug": org.slug, "membership_id": membership.pk}
        )
    )
    client.post(
        reverse("framework-upload", kwargs={"org_slug": org.slug}),
        {
            "file": SimpleUploadedFile(
                "v.csv",
                b"domain_code,domain_name,statement_code,statement_text\nV,Values,V.1,We listen\n",
            ),
            "name": "Values",
            "version": "1",
        },
    )
    actions = list(AuditEvent.objects.order_by("at").values_list("action", "actor_name"))
    assert actions == [
        ("invitation.sent", "Carol Admin"),
        ("role.removed", "Carol Admin"),
        ("framework.uploaded", "Carol Admin"),
    ]
    page = client.get(reverse("orgs:audit-log", kwargs={"org_slug": org.slug})).content.decode()
    assert "Removed the coordinator role" in page and "Bob Coordinator" in page


def test_another_organisations_events_are_not_shown(client_for, carol, dan, org, other_org):
    client_for(dan).post(
        reverse("orgs:organisation", kwargs={"org_slug": other_org.slug}),
        {"email": "secret-hire@example.org", "role": "participant"},
    )
    page = client_for(carol).get(reverse("orgs:audit-log", kwargs={"org_slug": org.slug}))
    assert "secret-hire@example.org" not in page.content.decode()


def test_the_log_keeps_names_after_an_account_is_deleted(client_for, carol, bob, org):
    membership = bob.memberships.get(role=Membership.Role.COORDINATOR)
    client_for(carol).post(
        reverse(
            "orgs:membership-remove", kwargs={"org_slug": org.slug, "membership_id": membership.pk}
        )
    )
    bob.delete()
    event = AuditEvent.objects.get(action="role.removed")
    assert event.subject is None and event.subject_name == "Bob Coordinator"
