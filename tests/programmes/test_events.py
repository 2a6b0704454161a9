"""Making and changing a programme's events."""

from django.urls import reverse

from peerpath.programmes.models import Event


def event_form(**changes) -> dict:
    return {
        "kind": "masterclass",
        "title": "Leading through change",
        "starts_at": "2027-05-14T09:30",
        "ends_at": "2027-05-14T12:30",
        **changes,
    }


def test_sign_up_closing_after_the_event_starts_is_refused_and_nothing_is_saved(
    bob, client_for, masterclasses
):
    response = client_for(bob).post(
        reverse("programmes:event-create", args=[masterclasses.slug]),
        event_form(enrolment_closes_at="2027-05-20T00:00"),
    )

    page = response.content.decode()
    message = "Sign-up must close when the event starts (14/05/2027 09:30) or earlier."
    assert response.status_code == 200
    assert f'<a href="#id_enrolment_closes_at">{message}</a>' in page
    assert 'id="enrolment_closes_at-error"' in page
    assert not Event.objects.exists()


def test_sign_up_may_close_when_the_event_starts(bob, client_for, masterclasses):
    response = client_for(bob).post(
        reverse("programmes:event-create", args=[masterclasses.slug]),
        event_form(enrolment_closes_at="2027-05-14T09:30"),
    )

    assert response.status_code == 302
    assert Event.objects.get().enrolment_closes_at == Event.objects.get().starts_at
