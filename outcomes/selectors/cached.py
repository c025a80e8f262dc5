"""The organisation dashboard's computed figures, kept in the shared cache.

Counting distinct people over a year of involvements and answers is the dashboard's main
cost (about 300 ms for 50,000 people on a 2-core machine). The figures change only when the
rows they count change, so each organisation has a version in the cache that any such write
replaces (`outcomes.services.figures_changed`, called from signals in OutcomesConfig); a
figure is cached per quarter under that version, with an expiry for writes that skip
signals (see involvement/figures_cache.py).
"""

from django.core.cache import cache

from involvement.figures_cache import EXPIRY_SECONDS, FiguresCache
from involvement.models import Organisation

from ..periods import Period
from .computed import Figure, computed_figures

FIGURES = FiguresCache("outcomes")


def new_version(organisation_id: int) -> None:
    FIGURES.new_version(organisation_id)


def cached_computed_figures(
    organisation: Organisation, periods: list[Period]
) -> dict[str, list[Figure]]:
    """As `computed_figures(organisation, periods)`, working out only the quarters the
    cache does not hold for the organisation's current version."""
    base = FIGURES.key(organisation, organisation.suppression_threshold)
    keys = {period: f"{base}:{period.key}" for period in periods}
    held = cache.get_many(list(keys.values()))
    missing = [period for period in periods if keys[period] not in held]
    if missing:
        fresh = computed_figures(organisation, missing)
        for index, period in enumerate(missing):
            held[keys[period]] = {key: figures[index] for key, figures in fresh.items()}
        cache.set_many({keys[p]: held[keys[p]] for p in missing}, EXPIRY_SECONDS)
    by_period = [held[keys[period]] for period in periods]
    return {key: [figures[key] for figures in by_period] for key in by_period[0]}
