"""The project's own copy of the seeds' frameworks (Table 1, Table 2, the ladders) as YAML,
and the one function that reads them. No models here, so data migrations can use it."""

from pathlib import Path

import yaml

REFERENCE = Path(__file__).resolve().parent


def load_reference(name: str):
    """The parsed YAML file `involvement/reference/<name>.yaml`: the one reader of the
    reference files, for the data migrations as for the catalogues."""
    return yaml.safe_load((REFERENCE / f"{name}.yaml").read_text(encoding="utf-8"))
