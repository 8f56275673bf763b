"""Attachments stored by earlier versions under MEDIA_ROOT (public media) move to the
private root; their names stay the same, so the rows do not change."""

from django.db import migrations

from maillage.private_files import move_from_media


def move_attachments(apps, schema_editor):
    Attachment = apps.get_model("proposals", "Attachment")
    move_from_media(Attachment.objects.values_list("file", flat=True).iterator())


class Migration(migrations.Migration):
    dependencies = [("proposals", "0004_attachments_private_storage")]

    operations = [migrations.RunPython(move_attachments, migrations.RunPython.noop)]
