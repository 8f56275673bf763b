"""A new resource of the shared library reaches the followers of its thématiques and of
its territory, once the upload is committed (its thématiques are saved after the row)."""

from django.db import transaction
from django.db.models.signals import post_save
from django.utils.translation import gettext as _

from library.models import Resource
from participation.notifications.api import notify


def announce_new_resource(sender, instance, created, raw=False, **kwargs):
    if created and not raw:
        transaction.on_commit(lambda: announce(instance.pk))


def announce(pk):
    """Resources of a restricted collection are never announced."""
    resource = Resource.objects.public().filter(pk=pk).select_related("uploaded_by_user").first()
    if resource is not None:
        notify(resource.uploaded_by_user, _("a ajouté la ressource"), resource, url=resource.url)


def connect():
    post_save.connect(announce_new_resource, sender=Resource, dispatch_uid="library_announce")
