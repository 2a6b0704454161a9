"""Builders for mentoring tests: schemes, rounds and applicants in one line each."""

import itertools

from django.utils import timezone

from peerpath.accounts.models import Membership, RoleLevel
from peerpath.mentoring.models import Application, Attendance, Cohort, TrainingSession
from peerpath.mentoring.services import (
    agreement_save,
    cohort_create,
    pairing_create,
    scheme_create,
)
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


def make_pair_in(cohort, mentee_user=None, *, mentor_user=None, signed=True, **mentee_fields):
    """A pair in `cohort` (new people unless told), its agreement signed by both unless told."""
    peer = cohort.scheme.is_peer
    mentee = make_application(
        cohort, "peer" if peer else "mentee", user=mentee_user, **mentee_fields
    )
    mentor = make_application(cohort, "peer" if peer else "mentor", user=mentor_user)
    pairing = pairing_create(mentee=mentee, mentor=mentor, how_made="coordinator", by=None)
    if signed:
        agreement = pairing.agreement
        agreement.frequency = "Every four weeks"
        agreement.commit_professional_learning = agreement.commit_self_care = True
        for person in (pairing.mentor, pairing.mentee):
            agreement = agreement_save(agreement=agreement, by=person, sign=True)
        pairing.refresh_from_db()
    return pairing
