"""The organisation dashboard's computed figures, kept in the shared cache.

Counting distinct people over a year of involvements and answers is the dashboard's main
cost (about 300 ms for 50,000 people on a 2-core machine). The figures change only when the
rows they count change, so each organisation has a version in the cache that any such write
replaces (`outcomes.services.figures_changed`, called from signals in OutcomesConfig); a
figure is cached per quarter under that version. Writes that skip signals (bulk_create,
queryset.update) are caught by the expiry, which also bounds how long "sessions held" can
lag behind a session's start time.
"""

import uuid

from django.core.cache import cache

from involvement.models import Organisation

from ..periods import Period
from .computed import Figure, computed_figures

EXPIRY_SECONDS = 15 * 60


def version_key(organisation_id: int) -> str:
    return f"outcomes:figures-version:{organisation_id}"


def new_version(organisation_id: int) -> None:
    cache.set(version_key(organisation_id), uuid.uuid4().hex, None)


def _version(organisation: Organisation) -> str:
    key = version_key(organisation.pk)
    version = cache.get(key)
    if version is None:
        cache.add(key, uuid.uuid4().hex, None)
        version = cache.get(key)
    return version


def _period_key(organisation: Organisation, version: str, period: Period) -> str:
    # The creation time tells apart organisations that reuse an id (SQLite, tests).
    born = int(organisation.created_at.timestamp())
    threshold = organisation.suppression_threshold
    return f"outcomes:figures:{organisation.pk}:{born}:{threshold}:{version}:{period.key}"


def cached_computed_figures(
    organisation: Organisation, periods: list[Period]
) -> dict[str, list[Figure]]:
    """As `computed_figures(organisation, periods)`, working out only the quarters the
    cache does not hold for the organisation's current version."""
    version = _version(organisation)
    keys = {period: _period_key(organisation, version, period) for period in periods}
    held = cache.get_many(list(keys.values()))
    missing = [period for period in periods if keys[period] not in held]
    if missing:
        fresh = computed_figures(organisation, missing)
        for index, period in enumerate(missing):
            held[keys[period]] = {key: figures[index] for key, figures in fresh.items()}
        cache.set_many({keys[p]: held[keys[p]] for p in missing}, EXPIRY_SECONDS)
    by_period = [held[keys[period]] for period in periods]
    return {key: [figures[key] for figures in by_period] for key in by_period[0]}
