"""A new resource of the shared library reaches the followers of its thématiques and of
its territory, once the upload is committed (its thématiques are saved after the row).
A resource a member proposed enters the library when an editor publishes it; the private
file of a proposed resource leaves the disk with it, or when its author replaces it."""

from django.core.files import File
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.utils.translation import gettext as _
from wagtail.models import Collection
from wagtail.signals import published

from library.models import Resource, ResourceSubmission
from maillage.private_files import private_storage
from participation.notifications.api import notify

COPIED_FIELDS = (
    "title",
    "resource_type",
    "year",
    "source",
    "description",
    "region_id",
    "departement_id",
    "extracted_text",
)


def announce_new_resource(sender, instance, created, raw=False, **kwargs):
    if created and not raw:
        transaction.on_commit(lambda: announce(instance.pk))


def announce(pk):
    """Resources of a restricted collection are never announced."""
    resource = Resource.objects.public().filter(pk=pk).select_related("uploaded_by_user").first()
    if resource is not None:
        notify(resource.uploaded_by_user, _("a ajouté la ressource"), resource)


def publish_submission(sender, instance, **kwargs):
    """The published proposal becomes (or updates) its library document, credited to
    the member; the private file is copied into the documents' public storage."""
    resource = Resource.objects.filter(submission=instance).first() or Resource(
        collection=Collection.get_first_root_node(),
        uploaded_by_user=instance.submitted_by,
        contributed_by=instance.submitted_by,
        submission=instance,
    )
    for field in COPIED_FIELDS:
        setattr(resource, field, getattr(instance, field))
    if resource.pk is None:
        with instance.file.open("rb") as content:
            resource.file.save(instance.file_name, File(content), save=False)
        resource._set_document_file_metadata()
    resource.save()
    # The announcement of a new resource runs after commit, with these thématiques.
    resource.thematiques.set(instance.thematiques.all())


def discard_submission_file(name):
    """The private file `name` of a proposed resource (replaced by its author, or left by
    a deleted proposal) leaves the disk once the transaction commits: a rollback keeps
    it. A file another proposed resource still points at stays."""
    if not name:
        return

    def discard():
        if not ResourceSubmission.objects.filter(file=name).exists():
            private_storage().delete(name)

    transaction.on_commit(discard)


def submission_deleted(sender, instance, **kwargs):
    """By its author (a draft) or in the admin, or with its author's account."""
    discard_submission_file(instance.file.name)


def connect():
    post_save.connect(announce_new_resource, sender=Resource, dispatch_uid="library_announce")
    post_delete.connect(
        submission_deleted, sender=ResourceSubmission, dispatch_uid="library_submission_file"
    )
    published.connect(
        publish_submission, sender=ResourceSubmission, dispatch_uid="library_publish_submission"
    )
