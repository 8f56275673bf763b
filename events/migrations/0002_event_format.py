from django.db import migrations, models


class Migration(migrations.Migration):
    """The event "type" becomes its format, with the national gathering among the choices
    (the barcamp module reads it)."""

    dependencies = [
        ("events", "0001_initial"),
    ]

    operations = [
        migrations.RemoveIndex(model_name="event", name="events_even_event_t_2bab82_idx"),
        migrations.RenameField(model_name="event", old_name="event_type", new_name="format"),
        migrations.AlterField(
            model_name="event",
            name="format",
            field=models.CharField(
                choices=[
                    ("rencontre", "Rencontre thématique"),
                    ("visite", "Visite de site"),
                    ("webinaire", "Webinaire"),
                    ("national", "Rassemblement national"),
                    ("barcamp", "Barcamp"),
                    ("forum", "Forum ouvert"),
                    ("autre", "Autre"),
                ],
                default="rencontre",
                max_length=20,
                verbose_name="format",
            ),
        ),
        migrations.AddIndex(
            model_name="event",
            index=models.Index(fields=["format", "start_at"], name="events_even_format_7b46b0_idx"),
        ),
    ]
