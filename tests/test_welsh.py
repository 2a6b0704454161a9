"""Welsh: every interface and email string has a Welsh translation, and Welsh users get it.

The completeness test extracts strings the way Django does (`makemessages`, GNU gettext) from a
copy of the source, merges them with our catalogue, and fails on any string that comes out
untranslated or fuzzy. So adding `{% translate "New words" %}` to a template without adding its
Welsh to peerpath/locale/cy/LC_MESSAGES/django.po fails the suite.
"""

import ast
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import django
import polib
import pytest
from django.core import mail
from django.urls import reverse
from django.utils import translation

import peerpath
from peerpath.accounts.models import Membership
from peerpath.accounts.services import invitation_send

SOURCE = Path(peerpath.__file__).resolve().parent
CATALOGUE = SOURCE / "locale" / "cy" / "LC_MESSAGES" / "django.po"
REPO = SOURCE.parent


def test_every_interface_string_has_a_welsh_translation(tmp_path):
    assert shutil.which("xgettext") and shutil.which("msgmerge"), (
        "GNU gettext is needed to extract strings; `make test` installs it (Debian: gettext)"
    )
    copy = tmp_path / "peerpath"
    shutil.copytree(
        SOURCE,
        copy,
        ignore=shutil.ignore_patterns("__pycache__", "static", "*.mo", "migrations"),
    )
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(tmp_path), str(REPO)]),
        "DJANGO_SETTINGS_MODULE": "tests.settings",
    }
    run = subprocess.run(
        [sys.executable, "-m", "django", "makemessages", "-l", "cy", "--no-location"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert run.returncode == 0, run.stderr
    merged = polib.pofile(str(copy / "locale" / "cy" / "LC_MESSAGES" / "django.po"))
    missing = [
        entry.msgid
        for entry in merged
        if not entry.obsolete and (not entry.translated() or "fuzzy" in entry.flags)
    ]
    assert len(merged) > 2000, "the extraction found far fewer strings than the interface has"
    assert missing == [], (
        f"{len(missing)} interface string(s) have no Welsh in {CATALOGUE.relative_to(REPO)}, "
        f"e.g. {missing[:10]}. Run `peerpath makemessages -l cy --no-location` and translate them."
    )


def test_welsh_catalogue_keeps_every_placeholder():
    """msgfmt --check rejects a translation that drops or renames %(name)s placeholders."""
    run = subprocess.run(
        ["msgfmt", "--check", "--output-file", os.devnull, str(CATALOGUE)],
        capture_output=True,
        text=True,
    )
    assert run.returncode == 0, run.stderr


def test_no_template_string_names_an_attribute_blocktranslate_cannot_read():
    """{{ a.b }} inside blocktranslate renders empty in every language; bind it with `with`."""
    dotted = [
        entry.msgid
        for entry in polib.pofile(str(CATALOGUE))
        if re.search(r"%\([a-z_]+\.[a-z_.]+\)s", entry.msgid + entry.msgid_plural)
    ]
    assert dotted == []


def test_welsh_catalogue_has_no_stale_or_fuzzy_entries():
    catalogue = polib.pofile(str(CATALOGUE))
    assert catalogue.fuzzy_entries() == []
    assert catalogue.metadata["Language"] == "cy"
    assert catalogue.percent_translated() == 100


def test_choosing_cymraeg_shows_the_interface_in_welsh(client, alice):
    client.force_login(alice)
    response = client.get(reverse("set-language", kwargs={"code": "cy"}) + "?next=/")
    assert response.status_code == 302
    page = client.get("/").content.decode()
    assert 'lang="cy"' in page
    assert "Neidio i’r prif gynnwys" in page or "Neidio i'r prif gynnwys" in page
    assert "Skip to main content" not in page

    client.get(reverse("set-language", kwargs={"code": "en-gb"}) + "?next=/")
    assert "Skip to main content" in client.get("/").content.decode()


def test_shipped_framework_says_it_is_in_english_only(client, alice, shipped_frameworks):
    from peerpath.frameworks.models import Framework

    framework = Framework.objects.filter(language="en").order_by("slug").first()
    client.force_login(alice)
    client.cookies["django_language"] = "cy"
    page = client.get(framework.get_absolute_url()).content.decode()
    with translation.override("cy"):
        note = translation.gettext("This framework is in English only, as its source is.")
    assert note != "This framework is in English only, as its source is."
    assert note in page.replace("&#x27;", "'").replace("&rsquo;", "’")


def test_invitation_email_goes_out_in_the_inviters_language(
    org, carol, django_capture_on_commit_callbacks
):
    carol.language = "cy"
    carol.save(update_fields=["language"])
    with translation.override("en-gb"), django_capture_on_commit_callbacks(execute=True):
        sent = invitation_send(
            organisation=org,
            email="newydd@example.org",
            role=Membership.Role.PARTICIPANT,
            invited_by=carol,
        )
    [message] = mail.outbox
    assert org.name in message.subject
    assert "You are invited" not in message.subject
    assert "You have been invited" not in message.body
    assert sent.link in message.body


def _django_messages_we_translate() -> list[tuple[str, str]]:
    """(msgid, msgid_plural) of each message listed in peerpath/lib/django_messages.py."""
    tree = ast.parse((SOURCE / "lib" / "django_messages.py").read_text())
    return [
        (call.args[0].value, call.args[1].value if len(call.args) > 1 else "")
        for call in ast.walk(tree)
        if isinstance(call, ast.Call)
        and getattr(call.func, "id", "") in {"gettext_noop", "ngettext_lazy"}
    ]


def test_django_messages_we_translate_are_still_djangos_and_have_welsh():
    django_dir = Path(django.__file__).resolve().parent
    django_ids = {
        (entry.msgid, entry.msgid_plural)
        for path in django_dir.glob("**/locale/en/LC_MESSAGES/django.po")
        for entry in polib.pofile(str(path))
    }
    ours = {entry.msgid: entry for entry in polib.pofile(str(CATALOGUE))}
    listed = _django_messages_we_translate()

    assert listed
    assert [m for m in listed if m not in django_ids] == []
    assert [m for m, _plural in listed if m not in ours or not ours[m].translated()] == []


def test_password_rules_and_their_errors_are_in_welsh(alice):
    from django.contrib.auth import password_validation

    from peerpath.accounts.forms import PasswordChangeForm
    from tests.factories import TEST_PASSWORD

    def errors(new, again=None):
        form = PasswordChangeForm(
            alice,
            data={
                "old_password": TEST_PASSWORD,
                "new_password1": new,
                "new_password2": new if again is None else again,
            },
        )
        form.is_valid()
        return [str(message) for message in form.errors.get("new_password2", [])]

    with translation.override("cy"):
        rules = str(password_validation.password_validators_help_text_html())
        numeric = errors("1234567890")
        short = errors("Qz7")
        similar = errors("alice@example.org")
        mismatch = errors("Quiet river 41", again="Quiet river 42")
        confirm_hint = str(PasswordChangeForm(alice)["new_password2"].help_text)

    assert "Rhaid i’ch cyfrinair gynnwys o leiaf 10 nod." in rules
    assert "Ni all eich cyfrinair fod yn rhifau i gyd." in rules
    assert "Ni all eich cyfrinair fod yn gyfrinair a ddefnyddir yn aml." in rules
    assert "Ni all eich cyfrinair fod yn rhy debyg i’ch gwybodaeth bersonol arall." in rules
    assert "Your password" not in rules
    assert "Mae’r cyfrinair hwn yn rhifau i gyd." in numeric
    assert "Mae’r cyfrinair hwn yn rhy gyffredin." in numeric
    assert "Mae’r cyfrinair hwn yn rhy fyr. Rhaid iddo gynnwys o leiaf 10 nod." in short
    assert "Mae’r cyfrinair yn rhy debyg i’ch cyfeiriad e-bost." in similar
    assert mismatch == ["Nid yw’r ddau gyfrinair yr un fath."]
    assert confirm_hint == "Rhowch yr un cyfrinair ag o’r blaen, i’w wirio."


def test_number_limits_say_the_right_thing_in_welsh():
    from django import forms

    field = forms.IntegerField(min_value=1, max_value=5)
    with translation.override("cy"):
        with pytest.raises(forms.ValidationError) as too_big:
            field.clean("6")
        assert too_big.value.messages == ["Sicrhewch fod y gwerth hwn yn llai na neu’n hafal i 5."]
        with pytest.raises(forms.ValidationError) as too_small:
            field.clean("0")
        assert too_small.value.messages == ["Sicrhewch fod y gwerth hwn yn fwy na neu’n hafal i 1."]


def test_evidence_upload_hint_is_welsh_on_welsh_pages():
    from peerpath.portfolio.forms import EvidenceFileForm

    with translation.override("cy"):
        html = str(EvidenceFileForm(prefix="file")["file"].as_field_group())

    assert "Hyd at 10 MB. Mathau a dderbynnir: PDF" in html
    assert "Accepted:" not in html
    assert 'aria-describedby="file-file-hint"' in html
