"""Who may use each badges URL; merged into tests/test_permissions.py's table.

ACCESS maps a URL name to (method, kwargs, {role: outcome}); see test_permissions.py for
the outcomes. Upper-case string kwargs are placeholders that world() fills in.

Badges, issuers, keys and status lists are published for anyone to check. Managing an
issuer (revoking, rotating keys) is for its organisation's admins and site admins; to
everyone else those pages do not exist.
"""

# The outcome names of tests/test_permissions.py (not imported: it imports this module).
OK, LOGIN, REDIRECT, HIDDEN, BAD_REQUEST = "ok", "login", "redirect", "hidden", "bad-request"
ROLES = ["anonymous", "participant", "coordinator", "org_admin", "other_org_admin", "site_admin"]
EVERYONE = dict.fromkeys(ROLES, OK)
SIGNED_IN = {**EVERYONE, "anonymous": LOGIN}

ISSUER_ADMINS = {
    "anonymous": LOGIN,
    "participant": HIDDEN,
    "coordinator": HIDDEN,
    "org_admin": OK,
    "other_org_admin": HIDDEN,
    "site_admin": OK,
}
ISSUER_ADMIN_ACTIONS = {**ISSUER_ADMINS, "org_admin": REDIRECT, "site_admin": REDIRECT}
CREDENTIAL = {"credential_uuid": "CREDENTIAL"}
ISSUER = {"issuer_uuid": "ISSUER"}

# Files and machine-readable documents are walked with HEAD (same access rules as GET):
# the accessibility check opens every GET page in a browser, and these are not pages.
ACCESS: dict = {
    "badges:home": ("get", {}, SIGNED_IN),
    "badges:verify": ("get", {}, EVERYONE),
    "badges:verify-api": ("get", {}, dict.fromkeys(EVERYONE, BAD_REQUEST)),
    "badges:credential": ("get", CREDENTIAL, EVERYONE),
    "badges:credential-download": ("head", {**CREDENTIAL, "fmt": "png"}, EVERYONE),
    "badges:credential-revoke": ("get", CREDENTIAL, ISSUER_ADMINS),
    "badges:achievement": ("get", {"achievement_uuid": "ACHIEVEMENT"}, EVERYONE),
    "badges:achievement-image": (
        "head",
        {"achievement_uuid": "ACHIEVEMENT", "fmt": "svg"},
        EVERYONE,
    ),
    "badges:issuer": ("get", ISSUER, EVERYONE),
    "badges:issuer-jwks": ("head", ISSUER, EVERYONE),
    "badges:issuer-key": ("head", {**ISSUER, "key_uuid": "ISSUER_KEY"}, EVERYONE),
    "badges:status-list": ("head", ISSUER, EVERYONE),
    "badges:issuer-manage": ("get", ISSUER, ISSUER_ADMINS),
    "badges:issuer-rotate-keys": ("post", ISSUER, ISSUER_ADMIN_ACTIONS),
}


def world(people, org, other_org) -> dict:
    """Northfold's masterclass badge, awarded to the participant."""
    from peerpath.badges.services import achievement_ensure, credential_award
    from tests.badges.key_pool import pooled_keys

    achievement = achievement_ensure(
        key="northfold.masterclass",
        name="Masterclass: leading change",
        description="Took part in the masterclass.",
        criteria="Attended and reflected.",
        issuer=org,
    )
    with pooled_keys():
        credential = credential_award(achievement=achievement, recipient=people["participant"])
    return {
        "CREDENTIAL": credential.uuid,
        "ACHIEVEMENT": achievement.uuid,
        "ISSUER": credential.issuer.uuid,
        "ISSUER_KEY": credential.issuer.keys.first().uuid,
    }
