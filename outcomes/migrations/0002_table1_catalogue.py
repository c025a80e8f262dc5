"""Give every organisation Table 1's outcome measures (new ones get them on creation)."""

from django.db import migrations

from outcomes.catalogue import table1_measures


def load(apps, schema_editor):
    Organisation = apps.get_model("involvement", "Organisation")
    Aim = apps.get_model("activities", "Aim")
    Measure = apps.get_model("outcomes", "Measure")
    aims = {aim.key: aim for aim in Aim.objects.all()}
    items = [item for item in table1_measures() if item["aim_key"] in aims]
    for organisation in Organisation.objects.all():
        Measure.objects.bulk_create(
            [
                Measure(organisation=organisation, aim=aims[item["aim_key"]],
                        **{k: v for k, v in item.items() if k != "aim_key"})
                for item in items
            ],
            ignore_conflicts=True,
        )


class Migration(migrations.Migration):
    dependencies = [("outcomes", "0001_initial"), ("activities", "0003_reference_catalogues")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
