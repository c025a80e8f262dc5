"""Demo outcome measures for seed_demo (filled in below)."""


def ensure_demo_outcomes(people) -> list[tuple[str, str]]:
    return []
