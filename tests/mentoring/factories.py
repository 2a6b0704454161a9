"""Builders for mentoring tests: schemes, rounds and applicants in one line each."""

import itertools

from django.utils import timezone

from peerpath.accounts.models import Membership, RoleLevel
from peerpath.mentoring.models import Application, Attendance, Cohort, TrainingSession
from peerpath.mentoring.services import cohort_create, scheme_create
from tests.factories import MembershipFactory, OrganisationFactory, UserFactory

_numbers = itertools.count(1)


def make_scheme(owner, coordinator, *, kind="mentoring", **fields):
    fields.setdefault("name", f"Peer mentoring {next(_numbers)}")
    fields.setdefault("summary", "Mentoring for library leaders.")
    return scheme_create(owner=owner, created_by=coordinator, kind=kind, **fields)


def make_cohort(scheme, *, phase=Cohort.Phase.MATCHING, **fields):
    fields.setdefault("name", "Second round")
    cohort = cohort_create(scheme=scheme, **fields)
    cohort.phase = phase
    cohort.save(update_fields=["phase"])
    return cohort


def make_person(*, organisation=None, name=None, email=None):
    n = next(_numbers)
    user = UserFactory(full_name=name or f"Person {n}", email=email or f"person.{n}@example.org")
    organisation = organisation or OrganisationFactory()
    MembershipFactory(user=user, organisation=organisation, role=Membership.Role.PARTICIPANT)
    return user


def make_application(
    cohort,
    role,
    *,
    user=None,
    organisation=None,
    status=Application.Status.ACCEPTED,
    level=RoleLevel.HEAD_OF_SERVICE,
    trained=True,
    **fields,
):
    """An application, accepted and trained unless told otherwise."""
    organisation = organisation or OrganisationFactory()
    user = user or make_person(organisation=organisation)
    fields.setdefault("nation", "england")
    application = Application.objects.create(
        cohort=cohort,
        applicant=user,
        organisation=organisation,
        role=role,
        role_level=level,
        status=status,
        submitted_at=timezone.now(),
        training_exempt=trained,
        **fields,
    )
    return application


def attend_training(cohort, applications):
    session = TrainingSession.objects.create(
        cohort=cohort, title="Mentoring skills", starts_at=timezone.now()
    )
    for application in applications:
        Attendance.objects.create(training_session=session, application=application)
    return session
