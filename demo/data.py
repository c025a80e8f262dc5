"""The demo organisations' data, read from involvement/reference/demo/ (one file per
organisation and topic, each saying what its keys mean). The builders beside this module turn
it into rows through the real services; none of it is needed in production."""

from functools import cache

from involvement.reference import load_reference


@cache
def load(name: str):
    """One file's data, read once; callers copy what they change."""
    return load_reference(f"demo/{name}")


def organisation(slug: str) -> dict:
    return next(item for item in load("organisations")["organisations"] if item["slug"] == slug)
