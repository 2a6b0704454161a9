"""`peerpath verify-credential FILE` exits 0 only for a valid badge."""

import json
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from peerpath.badges.baking import bake_png
from peerpath.badges.images import badge_png
from peerpath.badges.services import credential_revoke


def run(path) -> tuple[int, str]:
    out = StringIO()
    try:
        call_command("verify_credential", str(path), stdout=out)
    except SystemExit as exit:
        return exit.code, out.getvalue()
    return 0, out.getvalue()


def test_a_valid_baked_png_exits_zero(alices_badge, tmp_path):
    path = tmp_path / "badge.png"
    path.write_bytes(bake_png(badge_png("#1d70b8"), alices_badge.signed_jwt))
    code, output = run(path)
    assert code == 0
    assert output.startswith("VALID")


def test_a_revoked_badge_exits_non_zero_with_the_reason(alices_badge, tmp_path):
    path = tmp_path / "badge.json"
    path.write_text(json.dumps(alices_badge.signed_json))
    credential_revoke(credential=alices_badge, reason="Duplicate award")
    code, output = run(path)
    assert code == 1
    assert "REVOKED" in output and "Duplicate award" in output


def test_a_tampered_jwt_file_exits_non_zero(alices_badge, tmp_path):
    head, body, signature = alices_badge.signed_jwt.split(".")
    path = tmp_path / "badge.jwt"
    path.write_text(f"{head}.{body[:-4]}AAAA.{signature}")
    code, _output = run(path)
    assert code == 1


def test_a_missing_file_is_a_clear_error(db, tmp_path):
    with pytest.raises(CommandError, match="Cannot read"):
        call_command("verify_credential", str(tmp_path / "nope.png"))
