"""Demo organisations and people, so every page has something real to show.

Fictional names throughout. Every demo account uses DEMO_PASSWORD; this data is for a
laptop or a training site, never for a service with real people on it.
"""

from django.db import transaction

from peerpath.accounts.models import Membership, Organisation, RoleLevel, User
from peerpath.accounts.services import membership_grant, profile_set_expertise, user_create

DEMO_PASSWORD = "peerpath-demo"  # noqa: S105 - printed to the developer on purpose
DEMO_DOMAIN = "example.org"

ORGANISATIONS = [
    # name, slug, kind, nation, region
    ("Glenmorven Council", "glenmorven", "local-authority", "scotland", "Highlands and Islands"),
    ("Cwm Derwen County Council", "cwm-derwen", "local-authority", "wales", "South West Wales"),
    ("Northfold Libraries", "northfold-libraries", "library-service", "england", "North East"),
    ("Lough Carra Library Service", "lough-carra", "library-service", "northern-ireland", "West"),
    ("Early Years Alliance Cymru", "early-years-cymru", "voluntary", "wales", "North Wales"),
    ("Peer Leadership Network", "peer-leadership-network", "national-body", "england", "National"),
]

EXPERTISE = [
    "budgeting",
    "capital projects",
    "restructures",
    "service transformation",
    "working with elected members",
    "technical knowledge",
    "community engagement",
    "safeguarding",
    "digital inclusion",
    "partnership working",
]

# email local part, full name, organisation slug, roles, job title, role level, sector
PEOPLE = [
    (
        "admin",
        "Sam Admin",
        "peer-leadership-network",
        ["org-admin"],
        "Platform manager",
        RoleLevel.MIDDLE_MANAGER,
        "Leadership development",
    ),
    (
        "coordinator",
        "Priya Coordinator",
        "peer-leadership-network",
        ["coordinator"],
        "Mentoring scheme coordinator",
        RoleLevel.MIDDLE_MANAGER,
        "Leadership development",
    ),
    (
        "participant",
        "Alex Participant",
        "northfold-libraries",
        ["participant"],
        "Library service manager",
        RoleLevel.MIDDLE_MANAGER,
        "Libraries",
    ),
    (
        "eilidh.macleod",
        "Eilidh MacLeod",
        "glenmorven",
        ["participant", "org-admin"],
        "Head of Community Learning and Development",
        RoleLevel.HEAD_OF_SERVICE,
        "Community learning",
    ),
    (
        "calum.ross",
        "Calum Ross",
        "glenmorven",
        ["participant"],
        "Senior youth worker",
        RoleLevel.SUPERVISOR,
        "Youth work",
    ),
    (
        "morag.fraser",
        "Morag Fraser",
        "glenmorven",
        ["participant"],
        "Adult learning worker",
        RoleLevel.PRACTITIONER,
        "Adult learning",
    ),
    (
        "iain.munro",
        "Iain Munro",
        "glenmorven",
        ["participant"],
        "Community development officer",
        RoleLevel.PRACTITIONER,
        "Community development",
    ),
    (
        "rhian.evans",
        "Rhian Evans",
        "cwm-derwen",
        ["participant", "org-admin"],
        "Chief Education Officer",
        RoleLevel.SENIOR_OFFICER,
        "Education",
    ),
    (
        "dafydd.jones",
        "Dafydd Jones",
        "cwm-derwen",
        ["participant"],
        "Head of Inclusion Services",
        RoleLevel.HEAD_OF_SERVICE,
        "Education",
    ),
    (
        "carys.williams",
        "Carys Williams",
        "cwm-derwen",
        ["participant"],
        "School improvement manager",
        RoleLevel.MIDDLE_MANAGER,
        "Education",
    ),
    (
        "gareth.price",
        "Gareth Price",
        "cwm-derwen",
        ["participant"],
        "Children's services team leader",
        RoleLevel.SUPERVISOR,
        "Children's services",
    ),
    (
        "sian.thomas",
        "Siân Thomas",
        "cwm-derwen",
        ["participant"],
        "Family support worker",
        RoleLevel.PRACTITIONER,
        "Children's services",
    ),
    (
        "helen.armstrong",
        "Helen Armstrong",
        "northfold-libraries",
        ["participant", "org-admin"],
        "Head of Libraries and Culture",
        RoleLevel.HEAD_OF_SERVICE,
        "Libraries",
    ),
    (
        "tom.whitfield",
        "Tom Whitfield",
        "northfold-libraries",
        ["participant"],
        "Libraries development manager",
        RoleLevel.MIDDLE_MANAGER,
        "Libraries",
    ),
    (
        "amira.khan",
        "Amira Khan",
        "northfold-libraries",
        ["participant"],
        "Branch library supervisor",
        RoleLevel.SUPERVISOR,
        "Libraries",
    ),
    (
        "joe.bell",
        "Joe Bell",
        "northfold-libraries",
        ["participant"],
        "Library assistant",
        RoleLevel.PRACTITIONER,
        "Libraries",
    ),
    (
        "niamh.oneill",
        "Niamh O'Neill",
        "lough-carra",
        ["participant", "org-admin"],
        "Head of Library Service",
        RoleLevel.HEAD_OF_SERVICE,
        "Libraries",
    ),
    (
        "ciaran.doherty",
        "Ciarán Doherty",
        "lough-carra",
        ["participant"],
        "Area libraries manager",
        RoleLevel.MIDDLE_MANAGER,
        "Libraries",
    ),
    (
        "aoife.byrne",
        "Aoife Byrne",
        "lough-carra",
        ["participant"],
        "Reader development librarian",
        RoleLevel.PRACTITIONER,
        "Libraries",
    ),
    (
        "mark.kelly",
        "Mark Kelly",
        "lough-carra",
        ["participant"],
        "Digital services librarian",
        RoleLevel.SUPERVISOR,
        "Libraries",
    ),
    (
        "bethan.hughes",
        "Bethan Hughes",
        "early-years-cymru",
        ["participant", "org-admin"],
        "Chief Executive",
        RoleLevel.SENIOR_OFFICER,
        "Early years",
    ),
    (
        "llinos.parry",
        "Llinos Parry",
        "early-years-cymru",
        ["participant"],
        "Nursery manager",
        RoleLevel.MIDDLE_MANAGER,
        "Early learning and childcare",
    ),
    (
        "owain.roberts",
        "Owain Roberts",
        "early-years-cymru",
        ["participant"],
        "Room leader",
        RoleLevel.SUPERVISOR,
        "Early learning and childcare",
    ),
    (
        "ffion.lewis",
        "Ffion Lewis",
        "early-years-cymru",
        ["participant"],
        "Early years practitioner",
        RoleLevel.PRACTITIONER,
        "Early learning and childcare",
    ),
    (
        "grace.okafor",
        "Grace Okafor",
        "peer-leadership-network",
        ["participant", "coordinator"],
        "Lead coach",
        RoleLevel.HEAD_OF_SERVICE,
        "Coaching",
    ),
    (
        "david.chen",
        "David Chen",
        "northfold-libraries",
        ["participant"],
        "Emerging leader",
        RoleLevel.MIDDLE_MANAGER,
        "Libraries",
    ),
    (
        "fiona.grant",
        "Fiona Grant",
        "glenmorven",
        ["participant"],
        "Head of Adult Social Care",
        RoleLevel.HEAD_OF_SERVICE,
        "Social care",
    ),
    (
        "euan.stewart",
        "Euan Stewart",
        "glenmorven",
        ["participant"],
        "Care home manager",
        RoleLevel.MIDDLE_MANAGER,
        "Social care",
    ),
    (
        "lowri.morgan",
        "Lowri Morgan",
        "cwm-derwen",
        ["participant"],
        "Youth service manager",
        RoleLevel.MIDDLE_MANAGER,
        "Youth work",
    ),
    (
        "patrick.walsh",
        "Patrick Walsh",
        "lough-carra",
        ["participant"],
        "Libraries NI liaison",
        RoleLevel.MIDDLE_MANAGER,
        "Libraries",
    ),
]
SITE_ADMIN = ("siteadmin", "Site Admin")


def demo_email(local_part: str) -> str:
    return f"{local_part}@{DEMO_DOMAIN}"


def database_is_empty() -> bool:
    return not User.objects.exists() and not Organisation.objects.exists()


def seed_demo() -> dict:
    """Create the demo organisations and people in one transaction; returns counts."""
    with transaction.atomic():
        organisations = {
            slug: Organisation.objects.create(
                name=name, slug=slug, kind=kind, nation=nation, region=region
            )
            for name, slug, kind, nation, region in ORGANISATIONS
        }
        for index, (local, name, org_slug, roles, title, level, sector) in enumerate(PEOPLE):
            user = user_create(email=demo_email(local), full_name=name, password=DEMO_PASSWORD)
            organisation = organisations[org_slug]
            profile = user.profile
            profile.job_title = title
            profile.role_level = level
            profile.sector = sector
            profile.region = organisation.region
            profile.bio = (
                f"{title} at {organisation.name}. Interested in peer support and in "
                "learning how other services solve the problems we share."
            )
            profile.save()
            profile_set_expertise(
                profile=profile,
                names=[EXPERTISE[(index + k) % len(EXPERTISE)] for k in range(index % 3 + 1)],
            )
            for role in roles:
                membership_grant(user=user, organisation=organisation, role=role)
        local, name = SITE_ADMIN
        User.objects.create_superuser(demo_email(local), DEMO_PASSWORD, full_name=name)
    return {"organisations": len(organisations), "people": len(PEOPLE) + 1}


def demo_logins() -> list[tuple[str, str]]:
    """(what the account shows, email) for the README and `make run`'s banner."""
    return [
        ("participant", demo_email("participant")),
        ("coordinator", demo_email("coordinator")),
        ("organisation admin", demo_email("admin")),
        ("site admin (Django admin)", demo_email(SITE_ADMIN[0])),
    ]


__all__ = ["DEMO_PASSWORD", "Membership", "database_is_empty", "demo_logins", "seed_demo"]
