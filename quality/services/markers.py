"""Writes for quality markers: each organisation's catalogue and each activity's checklist."""

from django.db import transaction
from django.db.models import Max

from activities.models import Activity
from involvement.catalogue import ensure_catalogue
from involvement.models import Organisation, User

from ..models import MarkerAssessment, QualityMarker
from ..selectors.cached import figures_changed
from ..table2 import table2_markers


def ensure_marker_catalogue(*, organisation: Organisation) -> int:
    """Give the organisation every Table 2 marker it does not have yet; returns how many
    were added. Markers it has retired are left retired."""
    return ensure_catalogue(organisation=organisation, model=QualityMarker, items=table2_markers())


@transaction.atomic
def marker_create(*, organisation: Organisation, data: dict) -> QualityMarker:
    """An organisation's own marker, judged by staff. The same words at the same stage
    again (a double submit) give back the first."""
    existing = QualityMarker.objects.filter(
        organisation=organisation, stage=data["stage"], text=data["text"]
    ).first()
    if existing:
        return existing
    last = QualityMarker.objects.filter(organisation=organisation).aggregate(last=Max("position"))[
        "last"
    ]
    return QualityMarker.objects.create(
        organisation=organisation,
        actor=QualityMarker.Actor.ORGANISATION,
        position=(last or 0) + 1,
        **data,
    )


def marker_retire(*, marker: QualityMarker) -> QualityMarker:
    """Stop asking about the marker; assessments already made are kept."""
    marker.retire()
    figures_changed(organisation_id=marker.organisation_id)
    return marker


def marker_restore(*, marker: QualityMarker) -> QualityMarker:
    marker.restore()
    figures_changed(organisation_id=marker.organisation_id)
    return marker


@transaction.atomic
def marker_assessments_save(
    *, activity: Activity, assessments: dict[int, tuple[str, str]], assessed_by: User
) -> int:
    """Save staff's judgements, {marker id: (status, evidence)}, for markers staff judge;
    a blank status removes one. Markers the app judges, retired markers and another
    organisation's markers are ignored. Returns how many changed."""
    markers = QualityMarker.objects.filter(
        organisation_id=activity.organisation_id,
        pk__in=assessments,
        judged_by="",
    ).in_use()
    existing = {a.marker_id: a for a in MarkerAssessment.objects.filter(activity=activity)}
    changed = 0
    for marker in markers:
        status, evidence = assessments[marker.pk]
        current = existing.get(marker.pk)
        if not status:
            if current:
                current.delete()
                changed += 1
            continue
        if current and (current.status, current.evidence) == (status, evidence):
            continue
        MarkerAssessment.objects.update_or_create(
            activity=activity,
            marker=marker,
            defaults={
                "organisation_id": activity.organisation_id,
                "status": status,
                "evidence": evidence,
                "assessed_by": assessed_by,
            },
        )
        changed += 1
    return changed
