"""Optional two-step sign-in with an authenticator app (RFC 6238 codes)."""

import time

import time_machine
from django.contrib.auth import get_user
from django.urls import reverse

from peerpath.accounts.models import TotpDevice
from peerpath.accounts.two_factor import PURPOSE
from peerpath.lib import totp
from peerpath.lib.sealing import unseal
from tests.factories import TEST_PASSWORD


def test_codes_match_the_rfc_6238_test_vectors():
    secret = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"  # base32 of "12345678901234567890"
    assert totp.code_at(secret, 59 // 30, digits=8) == "94287082"
    assert totp.code_at(secret, 1111111109 // 30, digits=8) == "07081804"
    assert totp.code_at(secret, 2000000000 // 30, digits=8) == "69279037"


def turn_on(client, user) -> str:
    client.get(reverse("accounts:two-factor"))
    secret = unseal(TotpDevice.objects.get(user=user).sealed_secret, PURPOSE)
    response = client.post(
        reverse("accounts:two-factor"), {"code": totp.code_at(secret, totp.current_step())}
    )
    assert response["Location"] == reverse("accounts:profile")
    return secret


def test_the_secret_is_sealed_in_the_database(client_for, carol):
    secret = turn_on(client_for(carol), carol)
    assert secret not in TotpDevice.objects.get(user=carol).sealed_secret


def test_with_two_step_on_a_password_alone_does_not_sign_in(client_for, client, carol):
    secret = turn_on(client_for(carol), carol)
    response = client.post(
        reverse("accounts:login"), {"username": carol.email, "password": TEST_PASSWORD}
    )
    assert response["Location"] == reverse("accounts:sign-in-code")
    assert not get_user(client).is_authenticated
    with time_machine.travel(time.time() + 30):
        code = totp.code_at(secret, totp.current_step())
        response = client.post(reverse("accounts:sign-in-code"), {"code": code})
    assert response["Location"] == reverse("home")
    assert get_user(client) == carol


def test_a_code_cannot_be_used_twice(client_for, client, carol):
    secret = turn_on(client_for(carol), carol)  # uses the current step's code
    client.post(reverse("accounts:login"), {"username": carol.email, "password": TEST_PASSWORD})
    page = client.post(
        reverse("accounts:sign-in-code"), {"code": totp.code_at(secret, totp.current_step())}
    )
    assert "That code is not right" in page.content.decode()
    assert not get_user(client).is_authenticated


def test_a_wrong_code_is_refused_with_a_message(client_for, client, carol):
    turn_on(client_for(carol), carol)
    client.post(reverse("accounts:login"), {"username": carol.email, "password": TEST_PASSWORD})
    page = client.post(reverse("accounts:sign-in-code"), {"code": "000000"}).content.decode()
    assert "There is a problem" in page and "That code is not right" in page


def test_the_code_step_times_out_after_five_minutes(client_for, client, carol):
    secret = turn_on(client_for(carol), carol)
    client.post(reverse("accounts:login"), {"username": carol.email, "password": TEST_PASSWORD})
    with time_machine.travel(time.time() + 301):
        code = totp.code_at(secret, totp.current_step())
        response = client.post(reverse("accounts:sign-in-code"), {"code": code})
    assert response["Location"] == reverse("accounts:login")
    assert not get_user(client).is_authenticated


def test_turning_it_off_needs_a_code(client_for, carol):
    client = client_for(carol)
    secret = turn_on(client, carol)
    client.post(reverse("accounts:two-factor"), {"code": "123456"})
    assert TotpDevice.objects.filter(user=carol, confirmed_at__isnull=False).exists()
    with time_machine.travel(time.time() + 30):
        client.post(
            reverse("accounts:two-factor"), {"code": totp.code_at(secret, totp.current_step())}
        )
    assert not TotpDevice.objects.filter(user=carol).exists()


def test_coordinators_and_admins_are_asked_to_turn_it_on(client_for, alice, bob, carol):
    assert "turn on two-step sign-in" not in client_for(alice).get("/").content.decode()
    assert "turn on two-step sign-in" in client_for(bob).get("/").content.decode()
    client = client_for(carol)
    turn_on(client, carol)
    assert "turn on two-step sign-in" not in client.get("/").content.decode()
