import secrets

from django.db import migrations


def give_every_page_a_slug(apps, schema_editor):
    LoopPage = apps.get_model("quality", "LoopPage")
    for page in LoopPage.objects.filter(slug__isnull=True).only("pk"):
        page.slug = secrets.token_urlsafe(16)
        page.save(update_fields=["slug"])


class Migration(migrations.Migration):

    dependencies = [
        ('quality', '0010_looppage_slug'),
    ]

    operations = [
        migrations.RunPython(give_every_page_a_slug, migrations.RunPython.noop),
    ]
