"""The app now judges "changes made are communicated to those involved" from the loop:
mark the Table 2 marker so in every organisation that already has it."""

from django.db import migrations

KEY = "changes-made-are-communicated-to-those-involved"


def judge_by_app(apps, schema_editor):
    QualityMarker = apps.get_model("quality", "QualityMarker")
    QualityMarker.objects.filter(catalogue_key=KEY).update(judged_by="changes_communicated")


def judge_by_staff(apps, schema_editor):
    QualityMarker = apps.get_model("quality", "QualityMarker")
    QualityMarker.objects.filter(catalogue_key=KEY).update(judged_by="")


class Migration(migrations.Migration):
    dependencies = [("quality", "0007_tell_and_rate")]
    operations = [migrations.RunPython(judge_by_app, judge_by_staff)]
