"""Signal handlers, connected in apps.py with their senders."""

from members.roles import EDITEURS


def grant_rebuild_permission(sender, apps, using="default", **kwargs):
    """Editors may ask for a rebuild of the open data files: after each migration their
    group holds the permission (administrators hold every permission)."""
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    permission = Permission.objects.using(using).filter(
        content_type__app_label="opendata", codename="rebuild_open_data"
    )
    for group in Group.objects.using(using).filter(name=EDITEURS):
        group.permissions.add(*permission)
