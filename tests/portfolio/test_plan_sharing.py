"""A development plan shared with a line manager: explicit, commentable, withdrawable at once."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from peerpath.portfolio.models import PlanComment, PlanItem
from peerpath.portfolio.services import plan_comment_add, plan_item_create, plan_share

pytestmark = pytest.mark.django_db


@pytest.fixture
def plan(alice, statement):
    return [
        plan_item_create(
            owner=alice,
            action="Shadow the head of service at budget setting",
            statement=statement("VIS.4"),
            support_needed="Two half-days away from the branch",
        ),
        plan_item_create(owner=alice, action="Join an action learning set"),
    ]


def test_a_participant_shares_their_plan_with_their_manager_who_is_told_by_email(
    alice, bob, client_for, plan, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client_for(alice).post(
            reverse("portfolio:plan-share"), {"email": "Bob@Example.org"}
        )
    assert response.status_code == 302
    [email] = mailoutbox
    assert email.to == ["bob@example.org"]
    assert "Alice Participant has shared their development plan with you" in email.subject
    share = alice.plan_shares.get()
    assert reverse("portfolio:shared-plan", args=[share.pk]) in email.body

    page = client_for(bob).get(reverse("portfolio:shared-plan", args=[share.pk])).content.decode()
    assert "Shadow the head of service at budget setting" in page
    assert "Two half-days away from the branch" in page


def test_the_manager_comments_and_the_participant_sees_and_answers_each_told_by_email(
    alice, bob, client_for, plan, mailoutbox, django_capture_on_commit_callbacks
):
    share = plan_share(owner=alice, email="bob@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        client_for(bob).post(
            reverse("portfolio:shared-plan", args=[share.pk]),
            {"text": "Budget setting is in February; I will book you in.", "item": plan[0].pk},
        )
        client_for(alice).post(reverse("portfolio:plan-comment"), {"text": "Thank you!"})
    assert [(m.to, m.subject) for m in mailoutbox] == [
        (["alice@example.org"], "Bob Coordinator commented on a development plan"),
        (["bob@example.org"], "Alice Participant commented on a development plan"),
    ]
    assert "Budget setting is in February" in mailoutbox[0].body
    comments = list(PlanComment.objects.filter(plan_owner=alice))
    assert [(c.author_name, c.item) for c in comments] == [
        ("Bob Coordinator", plan[0]),
        ("Alice Participant", None),
    ]
    page = client_for(alice).get(reverse("portfolio:plan")).content.decode()
    assert "Budget setting is in February" in page


def test_withdrawing_the_share_removes_the_managers_access_at_once(alice, bob, client_for, plan):
    share = plan_share(owner=alice, email="bob@example.org")
    bobs = client_for(bob)
    url = reverse("portfolio:shared-plan", args=[share.pk])
    assert bobs.get(url).status_code == 200
    client_for(alice).post(reverse("portfolio:plan-share-withdraw", args=[share.pk]))
    assert bobs.get(url).status_code == 404
    assert bobs.post(url, {"text": "One more thing"}).status_code == 404
    assert "Alice" not in bobs.get(reverse("portfolio:shared-with-me")).content.decode()
    with pytest.raises(ValidationError):
        plan_comment_add(plan_owner=alice, author=bob, text="Sneaking in")
    assert not PlanComment.objects.exists()


def test_nobody_else_sees_a_shared_plan(alice, bob, carol, client_for, plan):
    share = plan_share(owner=alice, email="bob@example.org")
    url = reverse("portfolio:shared-plan", args=[share.pk])
    assert client_for(carol).get(url).status_code == 404


@pytest.mark.parametrize(
    ("email", "message"),
    [
        ("nobody@example.org", "There is no Peerpath account for nobody@example.org"),
        ("alice@example.org", "That is your own address."),
        ("not an email", "Enter a valid email address."),
    ],
)
def test_sharing_with_someone_who_cannot_receive_it_is_explained(
    alice, client_for, plan, email, message, mailoutbox
):
    response = client_for(alice).post(reverse("portfolio:plan-share"), {"email": email})
    assert response.status_code == 400 and message in response.content.decode()
    assert not alice.plan_shares.exists() and mailoutbox == []


def test_sharing_twice_with_the_same_person_is_refused(alice, bob, plan):
    plan_share(owner=alice, email="bob@example.org")
    with pytest.raises(ValidationError, match="already shared"):
        plan_share(owner=alice, email="bob@example.org")


def test_plan_items_can_be_changed_and_finished(alice, client_for, plan):
    item = plan[1]
    client_for(alice).post(
        reverse("portfolio:plan-item-edit", args=[item.pk]),
        {"action": "Join the spring action learning set", "status": "done"},
    )
    item.refresh_from_db()
    assert (item.action, item.status) == ("Join the spring action learning set", "done")
    assert PlanItem.objects.filter(owner=alice).count() == 2


def test_a_plan_item_develops_one_capability_at_most(alice, client_for, statement):
    response = client_for(alice).post(
        reverse("portfolio:plan-item-new"),
        {
            "action": "Lead a team meeting",
            "status": "not-started",
            "statements": [statement("VIS.1").pk, statement("VIS.2").pk],
        },
    )
    assert "Choose one capability for this item, or none." in response.content.decode()
    assert not PlanItem.objects.exists()


def test_plan_text_typed_but_not_saved_is_offered_back_then_forgotten_once_saved(alice, client_for):
    from peerpath.drafts.models import Draft
    from peerpath.drafts.services import draft_save

    draft_save(owner=alice, key="portfolio.plan.new.action", text="Ask to join the board")
    form = client_for(alice).get(reverse("portfolio:plan-item-new")).content.decode()
    assert "Ask to join the board" in form
    client_for(alice).post(
        reverse("portfolio:plan-item-new"),
        {"action": "Ask to join the board", "status": "in-progress"},
    )
    assert PlanItem.objects.get(owner=alice).status == "in-progress"
    assert not Draft.objects.filter(owner=alice).exists()
