"""The demo organisations' data, read from involvement/reference/demo/ (one file per
organisation and topic, each saying what its keys mean). The builders beside this module turn
it into rows through the real services; none of it is needed in production."""

from functools import cache
from pathlib import Path

import yaml

DIRECTORY = Path(__file__).resolve().parents[1] / "involvement" / "reference" / "demo"


@cache
def load(name: str):
    """One file's data, read once; callers copy what they change."""
    return yaml.safe_load((DIRECTORY / f"{name}.yaml").read_text(encoding="utf-8"))


def organisation(slug: str) -> dict:
    return next(item for item in load("organisations")["organisations"] if item["slug"] == slug)
