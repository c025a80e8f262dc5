"""Load approaches, influence levels and Table 1's aims from involvement/reference/."""

from pathlib import Path

import yaml
from django.db import migrations

REFERENCE = Path(__file__).resolve().parents[2] / "involvement" / "reference"


def load(apps, schema_editor):
    frameworks = yaml.safe_load((REFERENCE / "frameworks.yaml").read_text())
    table1 = yaml.safe_load((REFERENCE / "table1-outcome-measures.yaml").read_text())
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
