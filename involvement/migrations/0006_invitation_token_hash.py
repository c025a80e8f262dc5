"""Invitations keep only the SHA-256 of their link's token, as feedback links do. Each stored
token is replaced by its hash, so links already emailed keep working. Going back leaves the
hashes in the token column: links sent before then stop working (ask for new ones)."""

import hashlib

from django.db import migrations, models

import involvement.models


def hash_tokens(apps, schema_editor):
    Invitation = apps.get_model("involvement", "Invitation")
    for invitation in Invitation.objects.only("pk", "token_hash").iterator():
        hashed = hashlib.sha256(invitation.token_hash.encode()).hexdigest()
        Invitation.objects.filter(pk=invitation.pk).update(token_hash=hashed)


class Migration(migrations.Migration):
    dependencies = [
        ("involvement", "0005_organisation_logo"),
    ]

    operations = [
        migrations.RenameField(model_name="invitation", old_name="token", new_name="token_hash"),
        migrations.AlterField(
            model_name="invitation",
            name="token_hash",
            field=models.CharField(
                default=involvement.models._unusable_token_hash, max_length=64, unique=True
            ),
        ),
        migrations.RunPython(hash_tokens, migrations.RunPython.noop),
        migrations.AddField(
            model_name="invitation",
            name="email_queued_at",
            field=models.DateTimeField(blank=True, null=True),
        ),
    ]
