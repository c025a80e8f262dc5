from .models import Membership

SESSION_KEY = "organisation_id"


class OrganisationMiddleware:
    """Sets `request.organisation` and `request.membership` for a signed-in member.

    A person in several organisations works in one at a time, chosen on the switch page and
    kept in the session; the first membership is the default.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.membership = None
        request.organisation = None
        request.memberships = []
        if request.user.is_authenticated:
            memberships = Membership.objects.filter(user=request.user).select_related(
                "organisation"
            )
            wanted = request.session.get(SESSION_KEY)
            membership = next((m for m in memberships if m.organisation_id == wanted), None)
            membership = membership or next(iter(memberships), None)
            if membership:
                request.membership = membership
                request.organisation = membership.organisation
                request.memberships = list(memberships)
        return self.get_response(request)
