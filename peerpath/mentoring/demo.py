"""Demo mentoring data on top of peerpath.demo's people (fictional throughout).

`seed_mentoring_demo()` adds two schemes:

* a national libraries peer-mentoring scheme like the seed's second round: 22 applicants,
  21 accepted and trained (one declined: the round is not open to Scotland), ready for the
  coordinator (Priya Coordinator) to propose and publish 11 pairs; Grace Okafor is its
  lead coach and Alex Participant one of its mentees;
* a CLD professional peer-support scheme where Eilidh MacLeod (Glenmorven) chose Lowri
  Morgan (Cwm Derwen) as her peer: agreement signed, three dated sessions on agreed
  themes (in both learning logs), private notes, check-ins and one planned session.
"""

from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from peerpath.accounts.models import Organisation, RoleLevel, User
from peerpath.frameworks.models import Framework, Statement

from . import services
from .models import Application, Attendance, Cohort, PeerInvitation, Session, TrainingSession

DOMAIN = "example.org"
LIBRARIES_TOPICS = [
    "Capital projects",
    "Restructures",
    "Service transformation",
    "Working with elected members",
    "Budgeting",
    "Technical knowledge",
    "Confidence and influencing",
    "Making time for reflection",
]
TIMES = ["Weekday mornings", "Weekday afternoons", "Early evenings", "Online meetings"]
# email local part, capacity; everyone else in MENTEES is a mentee.
MENTORS = [
    ("rhian.evans", 2),
    ("dafydd.jones", 1),
    ("helen.armstrong", 1),
    ("niamh.oneill", 1),
    ("bethan.hughes", 1),
    ("tom.whitfield", 1),
    ("ciaran.doherty", 1),
    ("carys.williams", 1),
    ("llinos.parry", 1),
    ("lowri.morgan", 1),
]
MENTEES = [
    "participant",
    "amira.khan",
    "joe.bell",
    "david.chen",
    "aoife.byrne",
    "mark.kelly",
    "gareth.price",
    "sian.thomas",
    "owain.roberts",
    "ffion.lewis",
    "patrick.walsh",
]
THEMED_SESSIONS = [
    # days ago, themes, own theme, actions, evidence, private note, usefulness
    (
        75,
        ["THEMES.1", "THEMES.6"],
        "",
        "Block out an hour every other Friday for reflection.",
        "Staff survey comments on how I run team meetings.",
        "Finding it hard to switch off since the restructure was announced.",
        4,
    ),
    (
        45,
        ["THEMES.5", "THEMES.7"],
        "Budget cuts to youth provision",
        "Write up the options paper before asking my manager.",
        "Two decisions this month I made without checking upwards.",
        "Talked through the conversation with my manager I have been avoiding.",
        5,
    ),
    (
        14,
        ["THEMES.8"],
        "Working with elected members",
        "Ask to shadow the portfolio holder's briefing.",
        "Councillor feedback after the community forum.",
        "",
        4,
    ),
]


def _user(local: str) -> User:
    return User.objects.get(email=f"{local}@{DOMAIN}")


def _framework(slug: str) -> Framework | None:
    return Framework.objects.published().current().filter(slug=slug).first()


def _application(cohort, user, role, index, **fields) -> Application:
    membership = user.memberships.select_related("organisation").first()
    organisation = membership.organisation
    framework = cohort.scheme.evaluation_framework
    confidence = {}
    if framework is not None:
        for k, code in enumerate(framework.domains.values_list("code", flat=True)):
            confidence[code] = 1 + (index + k) % 4
    fields.setdefault("status", Application.Status.ACCEPTED)
    fields.setdefault("topics", [LIBRARIES_TOPICS[(index + k) % 8] for k in range(3)])
    fields.setdefault("availability", [TIMES[(index + k) % len(TIMES)] for k in range(2)])
    return Application.objects.create(
        cohort=cohort,
        applicant=user,
        organisation=organisation,
        role=role,
        role_level=user.profile.role_level,
        nation=organisation.nation,
        region=organisation.region,
        goals=f"{user.profile.job_title}: I want to grow as a leader and learn from others.",
        confidence=confidence,
        submitted_at=timezone.now() - timedelta(days=60),
        **fields,
    )


def _libraries_scheme() -> Cohort:
    network = Organisation.objects.get(slug="peer-leadership-network")
    scheme = services.scheme_create(
        owner=network,
        created_by=_user("coordinator"),
        name="Libraries peer mentoring",
        kind="mentoring",
        summary="Mentoring for heads of library services and emerging leaders, in rounds.",
        description=(
            "Building resilient, well-supported library leaders: compassionate leadership "
            "and listening, confidence and influence, time to reflect, company for leaders "
            "who feel isolated, and practical help with capital projects, restructures, "
            "service change, elected members and budgets.\n\nEach round starts with "
            "training for mentors and mentees, led by the scheme's lead coach."
        ),
        evaluation_framework=_framework("six-leadership-capabilities"),
    )
    services.staff_add(scheme=scheme, email=f"grace.okafor@{DOMAIN}", role="lead-coach")
    today = timezone.localdate()
    cohort = services.cohort_create(
        scheme=scheme,
        name="Second round",
        topics=LIBRARIES_TOPICS,
        availability_options=TIMES,
        eligible_nations=["england", "wales", "northern-ireland", "crown-dependencies"],
        min_role_level=RoleLevel.HEAD_OF_SERVICE,
        emerging_leaders_welcome=True,
        extra_questions=["What would make this worthwhile for you?"],
        allow_shortlist=True,
        applications_open=today - timedelta(days=70),
        applications_close=today - timedelta(days=40),
        training_by=today - timedelta(days=7),
        matching_by=today + timedelta(days=7),
        planned_end=today + timedelta(days=270),
        evaluation_by=today + timedelta(days=300),
    )
    cohort.phase = Cohort.Phase.MATCHING
    cohort.save(update_fields=["phase"])
    return cohort


def _libraries_round() -> Cohort:
    cohort = _libraries_scheme()
    applications = [
        _application(cohort, _user(local), "mentor", k, capacity=capacity)
        for k, (local, capacity) in enumerate(MENTORS)
    ] + [
        _application(cohort, _user(local), "mentee", k, emerging_leader=True)
        for k, local in enumerate(MENTEES)
    ]
    _application(
        cohort,
        _user("fiona.grant"),
        "mentor",
        0,
        status=Application.Status.DECLINED,
        decision_reason="This round is open to England, Wales, Northern Ireland and the Crown "
        "Dependencies. A Scottish round is planned for next year.",
    )
    training = TrainingSession.objects.create(
        cohort=cohort,
        title="Mentoring skills: listening and questioning",
        starts_at=timezone.now() - timedelta(days=10),
        duration_minutes=180,
        where="Online",
    )
    Attendance.objects.bulk_create(
        Attendance(training_session=training, application=a) for a in applications
    )
    return cohort


def _cld_pairing():
    glenmorven = Organisation.objects.get(slug="glenmorven")
    eilidh, lowri = _user("eilidh.macleod"), _user("lowri.morgan")
    scheme = services.scheme_create(
        owner=glenmorven,
        created_by=eilidh,
        name="CLD professional peer support",
        kind="peer-support",
        summary="Choose a peer from your own or another authority for support and challenge.",
        forbid_same_organisation=False,
        evaluation_framework=_framework("cld-peer-self-evaluation"),
    )
    cohort = services.cohort_create(
        scheme=scheme,
        name="2026",
        rolling_applications=True,
        auto_accept=True,
        training_required=False,
    )
    cohort.phase = Cohort.Phase.ACTIVE
    cohort.save(update_fields=["phase"])
    mine = _application(cohort, eilidh, "peer", 1, topics=[], availability=[])
    _application(cohort, lowri, "peer", 2, topics=[], availability=[])
    invitation = services.peer_invite(
        inviter=mine, email=lowri.email, message="Would you be my peer for this year?"
    )
    pairing = services.peer_invitation_answer(invitation=invitation, user=lowri, accept=True)
    agreement = pairing.agreement
    agreement.frequency = "Once a month, more often if either of us needs it"
    agreement.session_minutes = 90
    agreement.goals = (
        "Keep each other resilient through the service review; challenge, not just support."
    )
    agreement.commit_professional_learning = agreement.commit_self_care = True
    for person in (eilidh, lowri):
        agreement = services.agreement_save(agreement=agreement, by=person, sign=True)
    pairing.refresh_from_db()
    return pairing, invitation


def _themed_sessions(pairing) -> None:
    eilidh, lowri = pairing.mentee, pairing.mentor
    for days, codes, own, actions, evidence, note, rating in THEMED_SESSIONS:
        session = Session(
            pairing=pairing,
            starts_at=timezone.now() - timedelta(days=days),
            duration_minutes=90,
            format="online",
            own_themes=own,
            actions=actions,
            evidence=evidence,
        )
        themes = Statement.objects.filter(
            framework__slug="peer-support-discussion-themes", code__in=codes
        )
        session = services.session_log(session=session, by=eilidh, themes=themes, notes=note)
        services.session_confirm(session=session, by=lowri)
        for person in (eilidh, lowri):
            services.check_in_record(session=session, person=person, usefulness=rating)
    services.session_plan(
        pairing=pairing,
        by=lowri,
        starts_at=timezone.now() + timedelta(days=16),
        duration_minutes=90,
        format="online",
    )


def seed_mentoring_demo() -> dict:
    """Add the demo schemes (call after peerpath.demo.seed_demo and loading frameworks)."""
    with transaction.atomic():
        cohort = _libraries_round()
        pairing, _invitation = _cld_pairing()
        _themed_sessions(pairing)
    return {
        "applicants": cohort.applications.count(),
        "cld_sessions": pairing.sessions.count(),
        "invitations": PeerInvitation.objects.count(),
    }
