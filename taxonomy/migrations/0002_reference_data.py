from django.db import migrations

from taxonomy.reference_data import load_territories, load_thematiques


def load(apps, schema_editor):
    load_territories(apps.get_model("taxonomy", "Region"), apps.get_model("taxonomy", "Departement"))
    load_thematiques(apps.get_model("taxonomy", "Thematique"))


class Migration(migrations.Migration):
    dependencies = [("taxonomy", "0001_initial")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
