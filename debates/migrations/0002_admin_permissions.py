from django.contrib.auth.management import create_permissions
from django.db import migrations

# Group names before and after members' post_migrate renames Wagtail's own groups.
EDITORS = ["Éditeurs", "Editors"]
MODERATORS = ["Modérateurs", "Moderators"]
GRANTS = {
    "add_debate": MODERATORS,
    "change_debate": MODERATORS,
    "view_debate": EDITORS + MODERATORS,
}


def grant(apps, schema_editor):
    """Moderators open, edit and close debates in the Wagtail admin; editors see them.
    Permissions are created here, on a fresh database
    they would otherwise only exist after migrate."""
    app_config = apps.get_app_config("debates")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    Group = apps.get_model("auth.Group")
    Permission = apps.get_model("auth.Permission")
    for codename, groups in GRANTS.items():
        permission = Permission.objects.get(content_type__app_label="debates", codename=codename)
        for group in Group.objects.filter(name__in=groups):
            group.permissions.add(permission)


class Migration(migrations.Migration):
    dependencies = [
        ("debates", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("wagtailcore", "0002_initial_data"),
    ]
    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
