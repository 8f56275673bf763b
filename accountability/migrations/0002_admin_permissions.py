from django.contrib.auth.management import create_permissions
from django.db import migrations

# Group names before and after members' post_migrate renames Wagtail's own groups.
MODERATORS = ["Modérateurs", "Moderators"]
CODENAMES = ["add_status", "change_status", "delete_status", "view_status"]


def grant(apps, schema_editor):
    """Moderators set each space's statuses in the Wagtail admin (Extraits › États de
    suivi). Permissions are created here: on a fresh database they would otherwise only
    exist after migrate."""
    app_config = apps.get_app_config("accountability")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    Group = apps.get_model("auth.Group")
    Permission = apps.get_model("auth.Permission")
    permissions = Permission.objects.filter(
        content_type__app_label="accountability", codename__in=CODENAMES
    )
    for group in Group.objects.filter(name__in=MODERATORS):
        group.permissions.add(*permissions)


class Migration(migrations.Migration):
    dependencies = [
        ("accountability", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("wagtailcore", "0002_initial_data"),
    ]
    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
