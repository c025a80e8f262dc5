"""THE one place that says who may do what.

- `RULES`: the role × action matrix, as data.
- `scope()`: a queryset cut down to the user's organisation, and for a service user to their
  own records. Every list and every object lookup starts here.
- `get_for_user()`: one object, 404 outside scope, 403 when the role lacks the action.
Views and templates ask only this module; nothing else compares roles.
"""

from django.core.exceptions import PermissionDenied
from django.db.models import Model, Q, QuerySet
from django.http import Http404

from .models import Role
from .sessions import KeepsTypingMixin

ADMIN, STAFF, TRUSTEE, SERVICE_USER = Role.ADMIN, Role.STAFF, Role.TRUSTEE, Role.SERVICE_USER
EVERYONE = frozenset(Role.values)

RULES: dict[str, frozenset[str]] = {
    "activities.view": EVERYONE,
    "activities.add": frozenset({ADMIN, STAFF}),
    "activities.change": frozenset({ADMIN, STAFF}),
    "activities.agree": frozenset({ADMIN, STAFF}),
    "activities.overview": frozenset({ADMIN, STAFF, TRUSTEE}),
    "participants.view": frozenset({ADMIN, STAFF}),
    "participants.change": frozenset({ADMIN, STAFF}),
    "participants.export": frozenset({ADMIN, STAFF}),
    # Erasure cannot be undone: only an organisation admin.
    "participants.erase": frozenset({ADMIN}),
    "feedback.view": frozenset({ADMIN, STAFF}),
    "feedback.send": frozenset({ADMIN, STAFF}),
    # Counts of who is involved, suppressed; never a person's answers.
    "involvement.view": frozenset({ADMIN, STAFF, TRUSTEE}),
    "population.change": frozenset({ADMIN, STAFF}),
    # Outcome measures (Table 1): trustees read progress; staff choose and record.
    "outcomes.view": frozenset({ADMIN, STAFF, TRUSTEE}),
    "outcomes.record": frozenset({ADMIN, STAFF}),
    "measures.change": frozenset({ADMIN, STAFF}),
    # Quality of involvement (Table 2, 4Pi): trustees read ratings; staff assess.
    "quality.view": frozenset({ADMIN, STAFF, TRUSTEE}),
    "quality.assess": frozenset({ADMIN, STAFF}),
    "markers.change": frozenset({ADMIN, STAFF}),
    # "You said, we did": who said what is for staff; trustees see the figures.
    "contributions.view": frozenset({ADMIN, STAFF}),
    "contributions.change": frozenset({ADMIN, STAFF}),
    # Impact reports: trustees read and download; staff also ask for them.
    "reports.view": frozenset({ADMIN, STAFF, TRUSTEE}),
    "reports.request": frozenset({ADMIN, STAFF}),
    "organisation.change": frozenset({ADMIN}),
    "members.view": frozenset({ADMIN}),
    "members.invite": frozenset({ADMIN}),
    "members.change": frozenset({ADMIN}),
}

# How a service user's own records are found, per model: any one of the lookups leading to
# their account. A model not listed here is hidden from service users entirely.
OWN_RECORDS: dict[str, tuple[str, ...]] = {
    "activities.activity": (
        "agreement__participants__user",
        "involvements__participant__user",
    ),
    "activities.session": (
        "activity__agreement__participants__user",
        "activity__involvements__participant__user",
    ),
    "activities.agreementevent": (
        "agreement__participants__user",
        "agreement__activity__involvements__participant__user",
    ),
}


def role_of(request) -> str | None:
    membership = getattr(request, "membership", None)
    return membership.role if membership else None


def can(request, action: str) -> bool:
    """True when the signed-in person's role in the current organisation allows `action`."""
    if action not in RULES:
        raise KeyError(f"Unknown action {action!r}: add it to permissions.RULES")
    return role_of(request) in RULES[action]


def require(request, action: str) -> None:
    if not can(request, action):
        raise PermissionDenied


def scope(queryset: QuerySet, request) -> QuerySet:
    """Only rows of the current organisation; for a service user, only their own."""
    organisation = getattr(request, "organisation", None)
    if organisation is None:
        return queryset.none()
    queryset = queryset.filter(organisation=organisation)
    if role_of(request) == SERVICE_USER:
        lookups = OWN_RECORDS.get(queryset.model._meta.label_lower)
        if not lookups:
            return queryset.none()
        mine = Q()
        for lookup in lookups:
            mine |= Q(**{lookup: request.user})
        own = queryset.model.objects.filter(mine).values("pk")
        queryset = queryset.filter(pk__in=own)
    return queryset


def get_for_user(request, queryset: QuerySet, action: str, **lookup) -> Model:
    """The object, or 404 when it is outside the user's scope, or 403 when the role lacks
    `action`. 404 comes first so another organisation's objects are not even confirmed."""
    try:
        obj = scope(queryset, request).get(**lookup)
    except queryset.model.DoesNotExist as exc:
        raise Http404 from exc
    require(request, action)
    return obj


class OrganisationPermissionMixin(KeepsTypingMixin):
    """The one permission mixin for views. (Every signed-in form view uses it, so it also
    brings back what was typed when a session ended: involvement/sessions.py.)

    Anonymous people go to sign in; people with no organisation see a page that says so; a
    role without `permission_required` gets 403. Object views fetch through `get_for_user`.
    """

    permission_required: str = ""

    def fetch_objects(self) -> None:
        """Load the objects the URL names (through `get_for_user`) as attributes, for views
        that are not about one object. Runs before the role check, so 404 comes first."""

    def dispatch(self, request, *args, **kwargs):
        from django.contrib.auth.views import redirect_to_login
        from django.shortcuts import redirect

        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if request.organisation is None:
            return redirect("no-organisation")
        self.fetch_objects()
        if not can(request, self.permission_required):
            if kwargs and hasattr(self, "get_object"):
                # 404 before 403: another organisation's object is not even confirmed.
                self.get_object()
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)
