"""Figures worked out from many rows, kept in the shared cache until those rows change.

Each kind of figures (`FiguresCache("outcomes")`, `FiguresCache("quality")`) has a version
per organisation in the cache. Its app's signals call `changed()` on any save or delete of a
row the figures count, which replaces the version, so figures cached under the old one are
never read again. Writes that skip signals (bulk_create, queryset.update) are caught by the
expiry, which also bounds how long a figure that depends on the time (sessions held, what is
overdue) can lag.
"""

import uuid
from collections.abc import Callable

from django.core.cache import cache
from django.db import transaction

from .models import Organisation

EXPIRY_SECONDS = 15 * 60


class FiguresCache:
    def __init__(self, name: str):
        self.name = name

    def version_key(self, organisation_id: int) -> str:
        return f"{self.name}:figures-version:{organisation_id}"

    def new_version(self, organisation_id: int) -> None:
        cache.set(self.version_key(organisation_id), uuid.uuid4().hex, None)

    def changed(self, organisation_id: int) -> None:
        """Rows the figures count have changed: they are worked out again. Again after
        commit too, so figures another request worked out from the rows as they were before
        the commit are not kept under the new version."""
        self.new_version(organisation_id)
        transaction.on_commit(lambda: self.new_version(organisation_id))

    def _version(self, organisation_id: int) -> str:
        key = self.version_key(organisation_id)
        version = cache.get(key)
        if version is None:
            cache.add(key, uuid.uuid4().hex, None)
            version = cache.get(key)
        return version

    def key(self, organisation: Organisation, *parts) -> str:
        """The key for the organisation's figures as the rows are now, told apart by
        `parts`. The creation time tells apart organisations that reuse an id (SQLite,
        tests)."""
        born = int(organisation.created_at.timestamp())
        version = self._version(organisation.pk)
        return ":".join(map(str, [self.name, "figures", organisation.pk, born, version, *parts]))

    def get_or_compute(self, key: str, compute: Callable[[], object]):
        """The figures under `key`, worked out by `compute()` when the cache lacks them."""
        figures = cache.get(key)
        if figures is None:
            figures = compute()
            cache.set(key, figures, EXPIRY_SECONDS)
        return figures
