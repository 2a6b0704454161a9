"""Everything Peerpath holds about a person: download it, or erase it.

The hook: each app may have a module `peerpath/<app>/personal_data.py` with

    export(user) -> dict            # JSON-ready: everything the app holds about the person
    erase(user) -> None             # delete their content; anonymise what others keep
    export_files(user)              # optional: (path in the download, Django File) pairs

`erase` runs inside one transaction with every other app's, before the account itself is
anonymised, so it can still find the person's rows; it must not delete the User. Rows
others legitimately keep (a cohort's counts, a pairing's sessions, a comment on someone
else's plan) stay, pointing at the anonymised account or with the name removed.

Accounts and drafts are foundation apps without a hook of their own yet; their part is
here (`_account_export`, `_account_erase`).
"""

import importlib
import json
import zipfile
from typing import IO

from django.db import transaction
from django.utils import timezone

from peerpath.accounts.audit import audit_record
from peerpath.accounts.models import ApiToken, AuditEvent, Invitation, Profile
from peerpath.drafts.models import Draft

PERSONAL_DATA_APPS = ["assessments", "programmes", "badges", "mentoring", "portfolio"]
FORMAT = "peerpath-personal-data"
SCHEMA_VERSION = 1
ERASED_NAME = "Erased person"


def _hooks():
    for app in PERSONAL_DATA_APPS:
        name = f"peerpath.{app}.personal_data"
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as error:
            if error.name != name:
                raise  # a hook that fails to import must not be skipped silently
            continue
        yield app, module


def personal_data(user) -> dict:
    """The whole download as one JSON-ready dict, section per app."""
    return {
        "format": FORMAT,
        "schema_version": SCHEMA_VERSION,
        "generated_at": timezone.now().isoformat(),
        "account": _account_export(user),
        "apps": {app: hook.export(user) for app, hook in _hooks()},
    }


def write_personal_data_zip(user, target: IO[bytes]) -> None:
    """personal-data.json plus every file any app keeps for the person."""
    data = personal_data(user)
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(
            "personal-data.json", json.dumps(data, ensure_ascii=False, indent=2, default=str)
        )
        for _app, hook in _hooks():
            for path, stored in getattr(hook, "export_files", lambda _u: [])(user):
                with stored.open("rb") as source, archive.open(path, "w") as sink:
                    for chunk in iter(lambda: source.read(1 << 16), b""):
                        sink.write(chunk)


def person_erase(*, user) -> None:
    """Erase a person: every app's hook, then the account, in one transaction.

    Guarantees: all or nothing; the person can no longer sign in (and their other
    sessions end, as the password changes); the account row stays, anonymised and
    inactive, so records others keep still count.
    """
    with transaction.atomic():
        for _app, hook in _hooks():
            hook.erase(user)
        _account_erase(user)


def _account_export(user) -> dict:
    profile = Profile.objects.filter(user=user).first()
    return {
        "email": user.email,
        "full_name": user.full_name,
        "language": user.language,
        "date_joined": user.date_joined.isoformat(),
        "last_login": user.last_login.isoformat() if user.last_login else None,
        "profile": {
            "job_title": profile.job_title,
            "role_level": profile.get_role_level_display() if profile.role_level else None,
            "sector": profile.sector,
            "region": profile.region,
            "bio": profile.bio,
            "expertise": [area.name for area in profile.expertise.all()],
        }
        if profile
        else None,
        "roles": [
            {"organisation": m.organisation.name, "role": m.role, "since": m.created_at.isoformat()}
            for m in user.memberships.select_related("organisation")
        ],
        "invitations_received": [
            {
                "organisation": i.organisation.name,
                "role": i.role,
                "sent_at": i.created_at.isoformat(),
            }
            for i in Invitation.objects.filter(email=user.email).select_related("organisation")
        ],
        "api_tokens": [
            {"name": t.name, "created_at": t.created_at.isoformat(), "revoked": bool(t.revoked_at)}
            for t in ApiToken.objects.filter(user=user)
        ],
        "actions_on_my_data": [
            {"at": e.at.isoformat(), "by": e.actor_name, "summary": e.summary}
            for e in AuditEvent.objects.filter(subject=user)
        ],
        "unsaved_drafts": [
            {"box": d.key, "text": d.text, "saved_at": d.updated_at.isoformat()}
            for d in Draft.objects.filter(owner=user)
        ],
    }


def _account_erase(user) -> None:
    Draft.objects.filter(owner=user).delete()
    ApiToken.objects.filter(user=user).delete()
    # The audit log stays (organisations rely on it), without the person's name.
    AuditEvent.objects.filter(subject=user).update(subject_name=ERASED_NAME)
    AuditEvent.objects.filter(actor=user).update(actor_name=ERASED_NAME)
    erased_email = f"erased-{user.pk}@erased.invalid"
    Invitation.objects.filter(email=user.email).update(email=erased_email, full_name="")
    profile = Profile.objects.filter(user=user).first()
    if profile is not None:
        profile.expertise.clear()
        Profile.objects.filter(pk=profile.pk).update(
            job_title="", role_level=None, sector="", region="", bio=""
        )
    user.email = erased_email
    user.full_name = ERASED_NAME
    user.is_active = False
    user.is_staff = False
    user.is_superuser = False
    user.last_login = None
    user.set_unusable_password()
    user.save()
    user.groups.clear()
    user.user_permissions.clear()
    for membership in user.memberships.select_related("organisation"):
        audit_record(
            actor=None,
            action="person-erased",
            summary="A person erased their account; their content was deleted.",
            organisation=membership.organisation,
            subject=user,
        )
