"""Editors and moderators set up barcamps in the Wagtail admin: after each migration they
get the permissions on its settings (with its inline rooms and slots)."""

from members.roles import EDITEURS, MODERATEURS

PERMISSIONS = [
    "add_barcampsettings",
    "change_barcampsettings",
    "delete_barcampsettings",
    "view_barcampsettings",
]


def grant_organiser_permissions(sender, apps, using="default", **kwargs):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    permissions = Permission.objects.using(using).filter(
        content_type__app_label="barcamp", codename__in=PERMISSIONS
    )
    for group in Group.objects.using(using).filter(name__in=[EDITEURS, MODERATEURS]):
        group.permissions.add(*permissions)
