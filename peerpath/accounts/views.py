import time

import segno
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth import views as auth_views
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse, reverse_lazy
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from peerpath.drafts.selectors import draft_newer_than
from peerpath.lib import totp

from . import selectors, services, throttle, two_factor
from .access import org_admin, public, signed_in
from .forms import (
    BIO_DRAFT_KEY,
    AcceptInvitationForm,
    ApiTokenForm,
    CodeForm,
    InvitationForm,
    NameForm,
    PasswordChangeForm,
    PasswordResetForm,
    ProfileForm,
    SetPasswordForm,
    SignInForm,
)
from .models import Invitation, Membership, User

PENDING_USER = "two_factor_pending_user"
PENDING_NEXT = "two_factor_pending_next"
PENDING_AT = "two_factor_pending_at"
PENDING_SECONDS = 300


class SignInView(auth_views.LoginView):
    """Password first; people with two-step sign-in then give a code before they are in."""

    template_name = "accounts/sign_in.html"
    authentication_form = SignInForm
    redirect_authenticated_user = True

    def get_context_data(self, **kwargs):
        # LoginView names the site after the host it was asked for; the header and the
        # page title show Peerpath's own name, as on every other page.
        return super().get_context_data(**kwargs) | {"site_name": settings.SITE_NAME}

    def form_valid(self, form):
        user = form.get_user()
        if not two_factor.two_factor_enabled(user):
            return super().form_valid(form)
        self.request.session[PENDING_USER] = user.pk
        self.request.session[PENDING_NEXT] = self.get_success_url()
        self.request.session[PENDING_AT] = time.time()
        return redirect("accounts:sign-in-code")


sign_in = public(SignInView.as_view())


@public
def sign_in_code(request):
    """The second step: the code from the person's authenticator app."""
    session = request.session
    pending = session.get(PENDING_USER)
    if pending is None or time.time() - session.get(PENDING_AT, 0) > PENDING_SECONDS:
        messages.info(request, _("Sign in again: the time for entering a code ran out."))
        return redirect("accounts:login")
    user = get_object_or_404(User, pk=pending, is_active=True)
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        address = throttle.client_address(request)
        if throttle.is_locked(user.email, address):
            form.add_error("code", SignInForm.error_messages["throttled"])
        elif two_factor.code_accept(device=user.totp_device, code=form.cleaned_data["code"]):
            target = session.get(PENDING_NEXT) or reverse("home")
            for key in (PENDING_USER, PENDING_NEXT, PENDING_AT):
                session.pop(key, None)
            login(request, user, backend="django.contrib.auth.backends.ModelBackend")
            throttle.record_success(user.email)
            return redirect(target)
        else:
            throttle.record_failure(user.email, address)
            form.add_error(
                "code", _("That code is not right. Check the app and try the newest code.")
            )
    return render(request, "accounts/sign_in_code.html", {"form": form})


@signed_in
def two_factor_settings(request):
    """Turn two-step sign-in on (scan, then confirm a code) or off (confirm a code)."""
    enabled = two_factor.two_factor_enabled(request.user)
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        device = request.user.totp_device
        if two_factor.code_accept(device=device, code=form.cleaned_data["code"]):
            if enabled:
                two_factor.device_remove(user=request.user)
                messages.success(request, _("Two-step sign-in is off."))
            else:
                messages.success(
                    request,
                    _("Two-step sign-in is on. You will need a code each time you sign in."),
                )
            return redirect("accounts:profile")
        form.add_error("code", _("That code is not right. Check the app and try the newest code."))
    context = {"form": form, "enabled": enabled}
    if not enabled:
        _device, secret = two_factor.device_start(user=request.user)
        uri = totp.provisioning_uri(secret, request.user.email, settings.SITE_NAME)
        context.update(
            secret=" ".join(secret[i : i + 4] for i in range(0, len(secret), 4)),
            qr_svg=segno.make(uri, error="m").svg_inline(scale=4, title=_("QR code to scan")),
        )
    return render(request, "accounts/two_factor.html", context)


sign_out = public(auth_views.LogoutView.as_view())
password_reset = public(
    auth_views.PasswordResetView.as_view(
        template_name="accounts/password_reset.html",
        form_class=PasswordResetForm,
        email_template_name="accounts/email/password_reset.txt",
        subject_template_name="accounts/email/password_reset_subject.txt",
        success_url=reverse_lazy("accounts:password-reset-sent"),
        extra_email_context={"site_name": settings.SITE_NAME},
    )
)
password_reset_sent = public(
    auth_views.PasswordResetDoneView.as_view(template_name="accounts/password_reset_sent.html")
)
password_reset_confirm = public(
    auth_views.PasswordResetConfirmView.as_view(
        template_name="accounts/password_reset_confirm.html",
        form_class=SetPasswordForm,
        success_url=reverse_lazy("accounts:password-reset-complete"),
    )
)
password_reset_complete = public(
    auth_views.PasswordResetCompleteView.as_view(
        template_name="accounts/password_reset_complete.html"
    )
)
password_change = signed_in(
    auth_views.PasswordChangeView.as_view(
        template_name="accounts/password_change.html",
        form_class=PasswordChangeForm,
        success_url=reverse_lazy("accounts:profile"),
    )
)


@signed_in
def profile(request):
    return render(
        request,
        "accounts/profile.html",
        {
            "profile": selectors.profile_of(request.user),
            "memberships": request.user.memberships.select_related("organisation"),
        },
    )


@signed_in
def profile_edit(request):
    profile = selectors.profile_of(request.user)
    if request.method == "POST":
        name_form = NameForm(request.POST, instance=request.user, prefix="person")
        profile_form = ProfileForm(request.POST, instance=profile, prefix="profile")
        if name_form.is_valid() and profile_form.is_valid():
            services.profile_save(
                user_form=name_form,
                profile_form=profile_form,
                expertise=profile_form.expertise_names(),
            )
            messages.success(request, _("Your profile has been saved."))
            return redirect("accounts:profile")
    else:
        name_form = NameForm(instance=request.user, prefix="person")
        profile_form = ProfileForm(instance=profile, prefix="profile")
        draft = draft_newer_than(request.user, BIO_DRAFT_KEY, profile.updated_at, profile.bio)
        if draft is not None:
            profile_form.initial["bio"] = draft.text
            messages.info(request, _("We put back the text you had not saved yet."))
    return render(
        request,
        "accounts/profile_edit.html",
        {"name_form": name_form, "profile_form": profile_form},
    )


@public
def invitation(request, token):
    """The page an invitation link opens. Forged, used and expired links change nothing."""
    found = services.invitation_find(token)
    if found is None or not found.is_usable:
        return render(
            request, "accounts/invitation_unusable.html", {"invitation": found}, status=410
        )
    user = request.user if request.user.is_authenticated else None
    form = None
    if user is None:
        form = AcceptInvitationForm(
            request.POST or None, email=found.email, initial={"full_name": found.full_name}
        )
    if request.method == "POST" and (form is None or form.is_valid()):
        try:
            accepted = services.invitation_accept(
                invitation=found,
                user=user,
                full_name=form.cleaned_data["full_name"] if form else "",
                password=form.cleaned_data["password1"] if form else "",
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return redirect("home")
        if user is None:
            login(request, accepted, backend="django.contrib.auth.backends.ModelBackend")
        messages.success(
            request,
            _("Welcome. You are now a %(role)s in %(organisation)s.")
            % {"role": found.get_role_display().lower(), "organisation": found.organisation},
        )
        return redirect("home")
    return render(request, "accounts/invitation.html", {"invitation": found, "form": form})


@org_admin
def organisation(request, organisation):
    if request.method == "POST":
        form = InvitationForm(request.POST)
        if form.is_valid():
            try:
                sent = services.invitation_send(
                    organisation=organisation,
                    invited_by=request.user,
                    base_url=request.build_absolute_uri("/").rstrip("/"),
                    **form.cleaned_data,
                )
            except ValidationError as error:
                form.add_error("email", error)
            else:
                sent_to = {"email": sent.invitation.email}
                if sent.replaced:
                    message = _(
                        "Invitation sent to %(email)s. It replaces the invitation sent to them "
                        "before, whose link no longer works."
                    )
                else:
                    message = _("Invitation sent to %(email)s.")
                messages.success(request, message % sent_to)
                return redirect(organisation)
    else:
        form = InvitationForm()
    return render(
        request,
        "accounts/organisation.html",
        {
            "organisation": organisation,
            "form": form,
            "members": selectors.members_of(organisation),
            "invitations": organisation.invitations.order_by("-created_at")[:50],
            "frameworks": organisation.frameworks.order_by("name", "version"),
        },
    )


@org_admin
@require_POST
def invitation_revoke(request, organisation, invitation_id):
    found = get_object_or_404(Invitation, pk=invitation_id, organisation=organisation)
    services.invitation_revoke(invitation=found, by=request.user)
    messages.success(
        request, _("The invitation to %(email)s was withdrawn.") % {"email": found.email}
    )
    return redirect(organisation)


@org_admin
@require_POST
def membership_remove(request, organisation, membership_id):
    membership = get_object_or_404(Membership, pk=membership_id, organisation=organisation)
    try:
        services.membership_revoke(membership=membership, by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The role was removed."))
    return redirect(organisation)


@org_admin
def audit_log(request, organisation):
    """What coordinators and admins did to people's data in this organisation."""
    events = selectors.audit_events_for(organisation, page=request.GET.get("page"))
    return render(
        request, "accounts/audit_log.html", {"organisation": organisation, "events": events}
    )


@signed_in
def api_tokens(request):
    """Personal API tokens: make one (shown once) or revoke one."""
    created = None
    form = ApiTokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        _token, created = services.api_token_create(
            user=request.user, name=form.cleaned_data["name"]
        )
        form = ApiTokenForm()
    return render(
        request,
        "accounts/api_tokens.html",
        {
            "form": form,
            "created": created,
            "tokens": request.user.api_tokens.filter(revoked_at__isnull=True),
        },
    )


@signed_in
@require_POST
def api_token_revoke(request, token_id):
    token = get_object_or_404(request.user.api_tokens, pk=token_id)
    services.api_token_revoke(token=token)
    messages.success(request, _("The token %(name)s no longer works.") % {"name": token.name})
    return redirect("accounts:api-tokens")
