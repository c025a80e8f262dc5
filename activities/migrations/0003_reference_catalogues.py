"""Load approaches, influence levels and Table 1's aims from involvement/reference/."""

from django.db import migrations

from involvement.reference import load_reference


def load(apps, schema_editor):
    frameworks = load_reference("frameworks")
    table1 = load_reference("table1-outcome-measures")
    rows = {
        "Approach": frameworks["approaches"],
        "InfluenceLevel": frameworks["influence_levels"],
        "Aim": [{"key": a["key"], "name": a["name"], "meaning": a.get("description", "")}
                for a in table1["aims"]],
    }
    for model_name, items in rows.items():
        model = apps.get_model("activities", model_name)
        for position, item in enumerate(items, start=1):
            model.objects.update_or_create(
                key=item["key"],
                defaults={"name": item["name"], "meaning": item.get("meaning", ""),
                          "position": position})


class Migration(migrations.Migration):
    dependencies = [("activities", "0002_initial")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
