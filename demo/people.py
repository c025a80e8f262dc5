"""The demo organisations and personas: the same people tests use (tests/conftest.py)."""

from involvement.models import Membership, Organisation, Role, User

DEMO_PASSWORD = "involve-demo-2026"

ORGANISATIONS = [
    {"slug": "brightwater", "name": "Brightwater Health and Care Trust"},
    {"slug": "northgate", "name": "Northgate Council"},
]

# (organisation slug, persona, email, full name, role)
PERSONAS = [
    ("brightwater", "org_admin", "admin@brightwater.example", "Amara Okafor", Role.ADMIN),
    ("brightwater", "staff", "staff@brightwater.example", "Sam Patel", Role.STAFF),
    ("brightwater", "trustee", "trustee@brightwater.example", "Helen Marsh", Role.TRUSTEE),
    ("brightwater", "service_user", "member@brightwater.example", "Jordan Reid", Role.SERVICE_USER),
    ("northgate", "other_org_admin", "admin@northgate.example", "Priya Shah", Role.ADMIN),
    ("northgate", "other_org_staff", "staff@northgate.example", "Tom Evans", Role.STAFF),
    ("northgate", "other_org_trustee", "trustee@northgate.example", "Grace Lloyd", Role.TRUSTEE),
    (
        "northgate",
        "other_org_service_user",
        "member@northgate.example",
        "Alex Kerr",
        Role.SERVICE_USER,
    ),
]


def ensure_demo_people(password: str = DEMO_PASSWORD) -> dict[str, User]:
    """Create (or reset) the two organisations and one person per role in each."""
    organisations = {
        item["slug"]: Organisation.objects.update_or_create(
            slug=item["slug"], defaults={"name": item["name"]}
        )[0]
        for item in ORGANISATIONS
    }
    people = {}
    for slug, persona, email, name, role in PERSONAS:
        user, _created = User.objects.get_or_create(email=email, defaults={"full_name": name})
        user.full_name = name
        user.set_password(password)
        user.save()
        Membership.objects.update_or_create(
            organisation=organisations[slug], user=user, defaults={"role": role}
        )
        people[persona] = user
    return people
