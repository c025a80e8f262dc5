# Adding a unique field with a random default to a table that may have rows, in three steps
# (Django's "migrations that add unique fields"): the column, a slug for each row, then unique.

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('quality', '0009_feedbackresponse_may_quote'),
    ]

    operations = [
        migrations.AddField(
            model_name='looppage',
            name='slug',
            field=models.CharField(max_length=32, null=True, editable=False, verbose_name='address'),
        ),
    ]
