from django.db import migrations, models

import quality.models.loop


class Migration(migrations.Migration):

    dependencies = [
        ('quality', '0011_looppage_slug_fill'),
    ]

    operations = [
        migrations.AlterField(
            model_name='looppage',
            name='slug',
            field=models.CharField(default=quality.models.loop.new_loop_page_slug, editable=False, max_length=32, unique=True, verbose_name='address'),
        ),
    ]
