"""The one catalogue mechanism: reference lists (read from involvement/reference/ with
`load_reference`) copied into every organisation, whose items are then its own to edit,
retire and bring back.

An app with a catalogue defines a `CatalogueItem` model (involvement/models.py), a function
`ensure_<item>_catalogue(*, organisation)` that calls `ensure_catalogue` with its reference
items, registers that function with `catalogue_register` in its AppConfig.ready, and makes
its retire and restore URLs with `catalogue_item_action`.
"""

from collections.abc import Callable

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect
from django.urls import reverse
from django.views.decorators.http import require_POST

from .models import CatalogueItem, Organisation
from .permissions import get_for_user

_catalogues: list[Callable[..., int]] = []


def ensure_catalogue(
    *, organisation: Organisation, model: type[CatalogueItem], items: list[dict]
) -> int:
    """Give the organisation every reference item (fields of `model`, with `catalogue_key`)
    it does not have yet; returns how many were added. Items it has edited or retired are
    left as they are: they are matched on `model.catalogue_identity`, not on their words."""
    identity = model.catalogue_identity
    have = set(
        model.objects.filter(organisation=organisation)
        .exclude(catalogue_key="")
        .values_list(*identity)
    )
    rows = [
        model(organisation=organisation, **item)
        for item in items
        if tuple(item[field] for field in identity) not in have
    ]
    # A second request adding the same organisation's catalogue at once adds nothing.
    model.objects.bulk_create(rows, ignore_conflicts=True)
    return len(rows)


def catalogue_register(ensure: Callable[..., int]) -> None:
    """`ensure(organisation=…)` copies one app's catalogue; every new organisation gets it."""
    if ensure not in _catalogues:
        _catalogues.append(ensure)


def ensure_catalogues(*, organisation: Organisation) -> None:
    """Every registered catalogue, in the order the apps registered them."""
    for ensure in _catalogues:
        ensure(organisation=organisation)


def catalogues_for_new_organisation(sender, instance, created, raw=False, **kwargs) -> None:
    """post_save receiver on Organisation (connected in InvolvementConfig.ready)."""
    # A new organisation starts with every catalogue, as migrated ones did; rows loaded
    # from a fixture (raw) bring their own.
    if created and not raw:
        ensure_catalogues(organisation=instance)


def catalogue_item_action(
    *,
    model: type[CatalogueItem],
    permission: str,
    change: Callable[[CatalogueItem], object],
    message: str,
    list_url: str,
    anchor: str = "",
):
    """A POST-only view for retiring or bringing back one catalogue item: fetch it with
    permission, `change(item)` (the app's service), say `message` (may use %(name)s) and
    go back to the list, at the item's row when `anchor` names the rows' id prefix."""

    @require_POST
    @login_required
    def action(request, pk):
        item = get_for_user(request, model.objects, permission, pk=pk)
        change(item)
        messages.success(request, message % {"name": str(item)})
        url = reverse(list_url)
        return redirect(f"{url}#{anchor}-{item.pk}" if anchor else url)

    return action
