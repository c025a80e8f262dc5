"""The demo organisations and personas: the same people tests use (tests/conftest.py). They
are in involvement/reference/demo/organisations.yaml."""

from involvement.models import Membership, Organisation, Role, User

from .data import load

DEMO_PASSWORD = "involve-demo-2026"

ORGANISATIONS = load("organisations")["organisations"]

# (organisation slug, persona, email, full name, role), in the order seed_demo prints them.
PERSONAS = [
    (item["slug"], persona["persona"], persona["email"], persona["name"], Role(persona["role"]))
    for item in ORGANISATIONS
    for persona in item["personas"]
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
