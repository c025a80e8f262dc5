"""Give every organisation Table 2's quality markers (new ones get them on creation)."""

from django.db import migrations

from quality.table2 import table2_markers


def load(apps, schema_editor):
    Organisation = apps.get_model("involvement", "Organisation")
    QualityMarker = apps.get_model("quality", "QualityMarker")
    items = table2_markers()
    for organisation in Organisation.objects.all():
        QualityMarker.objects.bulk_create(
            [QualityMarker(organisation=organisation, **item) for item in items],
            ignore_conflicts=True,
        )


class Migration(migrations.Migration):
    dependencies = [("quality", "0004_quality_markers")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
