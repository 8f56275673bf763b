"""Give the reference data already loaded its typographic apostrophes ("Val-d’Oise").

Only rows that still hold the text shipped before, with straight apostrophes, are changed:
a name or description an editor has rewritten stays theirs. Matching stays on codes and
slugs, which the apostrophe does not enter."""

from django.db import migrations

from taxonomy.reference_data import retypeset_apostrophes


def forwards(apps, schema_editor):
    retypeset_apostrophes(
        apps.get_model("taxonomy", "Region"),
        apps.get_model("taxonomy", "Departement"),
        apps.get_model("taxonomy", "Thematique"),
    )


class Migration(migrations.Migration):
    dependencies = [("taxonomy", "0003_thematique_slug_help")]
    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
