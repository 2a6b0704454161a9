"""Who may apply to a round, and who may be paired: the checks, in words people understand.

Each function returns a list of problems (empty when all is well), so a form can show
every reason at once and the matching pages can say why a pair is not allowed.
"""

from django.utils.translation import gettext as _

from peerpath.accounts.models import RoleLevel

from .models import Application, Cohort, Pairing


def application_problems(cohort: Cohort, application: Application) -> list[str]:
    """Why this application does not meet the round's eligibility rules (empty if it does)."""
    problems = []
    scheme = cohort.scheme
    organisation = application.organisation
    if organisation is None:
        problems.append(_("Choose the organisation you are applying from."))
    elif scheme.open_to == scheme.OpenTo.LISTED and not (
        organisation.pk == scheme.owner_id
        or scheme.member_organisations.filter(pk=organisation.pk).exists()
    ):
        problems.append(
            _("%(organisation)s is not one of the organisations in this scheme.")
            % {"organisation": organisation.name}
        )
    if cohort.eligible_nations and application.nation not in cohort.eligible_nations:
        problems.append(
            _("This round is open to people working in %(nations)s.")
            % {"nations": cohort.nations_text}
        )
    if cohort.min_role_level and (application.role_level or 0) < cohort.min_role_level:
        level = RoleLevel(cohort.min_role_level).label
        if not cohort.emerging_leaders_welcome:
            problems.append(
                _("This round is open to people at %(level)s level or above.") % {"level": level}
            )
        elif not application.emerging_leader:
            problems.append(
                _("This round is open to people at %(level)s level or above, or emerging leaders.")
                % {"level": level}
            )
    if scheme.is_peer and application.role != Application.Role.PEER:
        problems.append(_("In this scheme everyone takes part as a peer."))
    if not scheme.is_peer and application.role == Application.Role.PEER:
        problems.append(_("Say whether you would like a mentor or would like to mentor."))
    if application.offers_support and application.capacity > cohort.max_capacity:
        problems.append(
            _("In this round one person can take on at most %(n)s.") % {"n": cohort.max_capacity}
        )
    return problems


def pair_problems(
    first: Application, second: Application, *, excluded: bool = False, paired_before: bool = False
) -> list[str]:
    """Why these two may not be paired under the scheme's rules (empty if they may).

    `first` is the mentee (or the peer who asked), `second` the mentor (or the peer asked).
    """
    scheme = first.cohort.scheme
    problems = []
    if first.applicant_id == second.applicant_id:
        return [_("Nobody can be paired with themselves.")]
    if scheme.is_peer:
        if Application.Role.PEER not in (first.role, second.role) or first.role != second.role:
            problems.append(_("Both people must be taking part as peers."))
    elif (first.role, second.role) != (Application.Role.MENTEE, Application.Role.MENTOR):
        problems.append(_("A pair needs one mentee and one mentor."))
    if scheme.forbid_same_organisation and first.organisation_id == second.organisation_id:
        problems.append(_("This scheme pairs people from different organisations."))
    if (
        not scheme.is_peer
        and scheme.mentor_level_at_least_mentee
        and (second.role_level or 0) < (first.role_level or 0)
    ):
        problems.append(_("The mentor's role level is below the mentee's."))
    emails = (first.applicant.email.lower(), second.applicant.email.lower())
    if (
        first.line_manager_email.lower() == emails[1]
        or second.line_manager_email.lower() == emails[0]
    ):
        problems.append(_("One manages the other."))
    if emails[1] in first.conflict_emails() or emails[0] in second.conflict_emails():
        problems.append(_("One of them declared a conflict of interest with the other."))
    if excluded:
        problems.append(_("The coordinator removed this pair."))
    if paired_before:
        problems.append(_("They were paired before in this round and it ended."))
    return problems


def ended_pairs(cohort: Cohort) -> set[tuple[int, int]]:
    """(mentee application, mentor application) pairs that ended early: not proposed again."""
    rows = Pairing.objects.filter(cohort=cohort, status=Pairing.Status.ENDED_EARLY).values_list(
        "mentee_application_id", "mentor_application_id"
    )
    return {(a, b) for a, b in rows} | {(b, a) for a, b in rows}
