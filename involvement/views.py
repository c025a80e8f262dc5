from django.conf import settings
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db import connection
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import Resolver404, resolve, reverse, reverse_lazy
from django.utils.translation import gettext as _
from django.views.csrf import csrf_failure as django_csrf_failure
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST
from django.views.generic import FormView, ListView, UpdateView

from . import forms, selectors, services, sessions
from .guesses import guess_refused
from .middleware import SESSION_KEY
from .models import Invitation, Membership, Organisation, OrganisationLogo
from .permissions import OrganisationPermissionMixin, get_for_user, scope


def home(request):
    if not request.user.is_authenticated:
        return redirect("login")
    if request.organisation is None:
        return redirect("no-organisation")
    return redirect("activities:activity-list")


@login_required
def no_organisation(request):
    if request.organisation is not None:
        return redirect("home")
    return render(request, "involvement/no_organisation.html")


def healthz(request):
    """200 when the database (and the broker, when one is configured) answers; else 503."""
    checks = selectors.service_health(connection)
    status = 200 if all(checks.values()) else 503
    return JsonResponse(
        {name: "ok" if ok else "down" for name, ok in checks.items()}, status=status
    )


@require_POST
@login_required
def organisation_switch(request):
    # Chosen from the memberships the middleware loaded, so a tampered value is simply not found.
    wanted = request.POST.get("organisation", "")
    membership = next(
        (m for m in request.memberships if str(m.organisation_id) == wanted.strip()), None
    )
    if membership is None:
        raise Http404
    request.session[SESSION_KEY] = membership.organisation_id
    messages.success(
        request, _("You are now working in %(org)s.") % {"org": membership.organisation.name}
    )
    return redirect("home")


class LoginView(auth_views.LoginView):
    form_class = forms.LoginForm
    redirect_authenticated_user = True


class OrganisationSettingsView(OrganisationPermissionMixin, UpdateView):
    permission_required = "organisation.change"
    template_name = "involvement/organisation_form.html"
    form_class = forms.OrganisationSettingsForm
    success_url = reverse_lazy("organisation-settings")

    def get_object(self, queryset=None):
        # A fresh copy: an invalid form writes what was typed onto its instance, and the header
        # shows request.organisation.
        return Organisation.objects.get(pk=self.request.organisation.pk)

    def form_valid(self, form):
        services.organisation_settings_save(
            organisation=form.save(commit=False),
            logo_png=form.cleaned_data["logo"],
            remove_logo=form.cleaned_data["remove_logo"],
        )
        messages.success(self.request, _("Settings saved."))
        return redirect(self.success_url)

    def get_context_data(self, **kwargs):
        logo = OrganisationLogo.objects.filter(organisation=self.object).first()
        return super().get_context_data(logo_data=logo.as_base64() if logo else "", **kwargs)


class MembershipListView(OrganisationPermissionMixin, ListView):
    permission_required = "members.view"
    template_name = "involvement/membership_list.html"

    def get_queryset(self):
        return scope(Membership.objects.select_related("user"), self.request).order_by(
            "user__full_name"
        )

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            invitations=scope(
                Invitation.objects.filter(accepted_at__isnull=True), self.request
            ).select_related("invited_by"),
            **kwargs,
        )


class MembershipInviteView(OrganisationPermissionMixin, FormView):
    permission_required = "members.invite"
    template_name = "involvement/membership_invite.html"
    form_class = forms.InviteForm
    success_url = reverse_lazy("membership-list")

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "organisation": self.request.organisation}

    def form_valid(self, form):
        services.membership_invite(
            organisation=self.request.organisation,
            invited_by=self.request.user,
            **form.cleaned_data,
        )
        messages.success(
            self.request,
            _("The invitation to %(email)s will be sent by email shortly.") % form.cleaned_data,
        )
        return super().form_valid(form)


class MembershipRoleUpdateView(OrganisationPermissionMixin, UpdateView):
    permission_required = "members.change"
    template_name = "involvement/membership_form.html"
    form_class = forms.MembershipRoleForm
    success_url = reverse_lazy("membership-list")

    def get_object(self, queryset=None):
        return get_for_user(
            self.request,
            Membership.objects.select_related("user"),
            "members.change",
            pk=self.kwargs["pk"],
        )

    def form_valid(self, form):
        try:
            services.membership_change_role(membership=self.object, role=form.cleaned_data["role"])
        except ValidationError as error:
            form.add_error(None, error)
            return self.form_invalid(form)
        messages.success(self.request, _("Role changed for %(name)s.") % {"name": self.object.user})
        return redirect(self.success_url)


# The invitation this session opened through its link: the pages after the link check it.
INVITATION_GRANT = "invitation_grant"


@require_GET
@never_cache
def invitation_start(request, token):
    """Exchange the emailed link for a grant in the session and move on to a URL without the
    token (as feedback links do), so the token is in no later page, log line or `?next=`."""
    invitation = selectors.invitation_for_token(token)
    if invitation is None:
        response = _invitation_link_refused(request)
    else:
        # A new session key on the way in, so a session planted before cannot ride on it.
        request.session.cycle_key()
        request.session[INVITATION_GRANT] = invitation.pk
        response = redirect("invitation-accept", pk=invitation.pk)
    response["Referrer-Policy"] = "no-referrer"
    return response


def _invitation_link_refused(request):
    """A link that opens nothing: counted against its address, and past the limit refused
    with 429 (involvement/guesses.py)."""
    limited = guess_refused(request, group="invitation-link", rate=settings.INVITATION_LINK_GUESSES)
    context = {"too_many": limited}
    status = 429 if limited else 404
    return render(request, "involvement/invitation_link_not_working.html", context, status=status)


@never_cache
def invitation_accept(request, pk):
    """Join an organisation through the link's grant: as the signed-in person, or a new
    account."""
    if request.session.get(INVITATION_GRANT) != pk:
        return render(request, "involvement/invitation_link_not_working.html", status=404)
    invitation = get_object_or_404(Invitation.objects.select_related("organisation"), pk=pk)
    user = request.user if request.user.is_authenticated else None
    early = _invitation_refusal(request, invitation, user)
    if early:
        return early
    form = None
    if request.method == "POST" and user is None:
        form = forms.InvitationAcceptForm(request.POST, invitation=invitation)
    if request.method == "POST" and (user is not None or form.is_valid()):
        try:
            return _invitation_join(request, invitation, user, form)
        except ValidationError:
            # Used or expired between showing the page and pressing the button.
            return render(request, "involvement/invitation_used.html", status=410)
    if user is None:
        form = form or forms.InvitationAcceptForm(invitation=invitation)
    return render(
        request, "involvement/invitation_accept.html", {"invitation": invitation, "form": form}
    )


def _invitation_refusal(request, invitation, user):
    """The page to show instead of the accept form, if any."""
    if not invitation.is_usable():
        return render(request, "involvement/invitation_used.html", status=410)
    if user and user.email.lower() != invitation.email:
        context = {"invitation": invitation}
        return render(request, "involvement/invitation_wrong_user.html", context, status=403)
    if user is None and selectors.user_exists(invitation.email):
        login_url = reverse("login") + "?next=" + request.path
        context = {"invitation": invitation, "login_url": login_url}
        return render(request, "involvement/invitation_sign_in.html", context)
    return None


def _invitation_join(request, invitation, user, form):
    if user is not None:
        membership = services.invitation_accept(invitation=invitation, user=user)
        request.session.pop(INVITATION_GRANT, None)
        request.session[SESSION_KEY] = membership.organisation_id
        return redirect("home")
    services.invitation_accept(
        invitation=invitation,
        full_name=form.cleaned_data["full_name"],
        password=form.cleaned_data["password1"],
    )
    request.session.pop(INVITATION_GRANT, None)
    messages.success(request, _("Your account is ready. Sign in to start."))
    return redirect("login")


@require_POST
@login_required
def session_keep_alive(request):
    """ "Stay signed in": counts as activity, so the idle time starts again."""
    sessions.start_idle_clock(request.session)
    return HttpResponse(status=204)


def csrf_failure(request, reason=""):
    """A refused CSRF token (one rotated by signing in elsewhere, or missing). Nothing is
    saved. A view that keeps what was typed in that case carries its own answer as
    `view.csrf_failure(request, **kwargs)` (the feedback pages behind a personal link put it
    back when the person returns); any other page gets Django's."""
    try:
        match = resolve(request.path_info)
    except Resolver404:
        match = None
    keep = getattr(match.func, "csrf_failure", None) if match else None
    if keep is not None:
        return keep(request, **match.kwargs)
    return django_csrf_failure(request, reason=reason)
