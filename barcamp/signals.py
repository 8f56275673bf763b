"""Signal handlers, connected in apps.py with their senders."""

from barcamp.models import BarcampSettings, Mode, Room, Session
from members.roles import EDITEURS, MODERATEURS

PERMISSIONS = [
    "add_barcampsettings",
    "change_barcampsettings",
    "delete_barcampsettings",
    "view_barcampsettings",
]


def grant_organiser_permissions(sender, apps, using="default", **kwargs):
    """Editors and moderators set up barcamps in the Wagtail admin: after each migration
    they get the permissions on its settings (with its inline rooms and slots)."""
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    permissions = Permission.objects.using(using).filter(
        content_type__app_label="barcamp", codename__in=PERMISSIONS
    )
    for group in Group.objects.using(using).filter(name__in=[EDITEURS, MODERATEURS]):
        group.permissions.add(*permissions)


def unplace_sessions(sender, instance, **kwargs):
    """A room or a slot removed in the admin takes its sessions out of the grid (both
    fields at once: a session has a slot and a room, or neither)."""
    field = "room" if sender is Room else "slot"
    Session.objects.filter(**{field: instance}).update(slot=None, room=None)


def settings_for_barcamp_events(sender, instance, **kwargs):
    """An event whose format is barcamp or open forum gets its barcamp settings (default
    rules, no room nor slot yet) as soon as it is saved, so that participants can pitch
    at once and organisers only add rooms and slots; changing the format later keeps the
    settings and their sessions."""
    if instance.format in Mode.values:
        BarcampSettings.objects.get_or_create(event=instance, defaults={"mode": instance.format})
