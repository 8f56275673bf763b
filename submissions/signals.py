"""The "Relecture" workflow moves a submission: approved (published: credited and
announced to its author), changes requested (the editor's comment sent to its author,
who may edit again), cancelled (back to a draft, unless an editor refused it)."""

from django.contrib.contenttypes.models import ContentType
from django.db.models.signals import post_delete
from django.utils.translation import gettext as _
from wagtail.models import WorkflowState
from wagtail.signals import workflow_approved, workflow_cancelled, workflow_rejected

from editorial.models import ExperiencePage
from library.models import ResourceSubmission
from submissions.models import Status, Submission
from submissions.services import notify_author

# What a member's submission can be: the models whose rows a Submission follows.
CONTENT_MODELS = (ResourceSubmission, ExperiencePage)


def _submission(state):
    """The member submission the workflow state is about, or None (an editor's page)."""
    return (
        Submission.objects.filter(content_type_id=state.content_type_id, object_id=state.object_id)
        .select_related("author")
        .first()
    )


def published(sender, instance, user=None, **kwargs):
    submission = _submission(instance)
    if submission is None:
        return
    obj = submission.content_object
    # A resource is public through the library document its publication created.
    public = getattr(obj, "resource", None) or obj
    submission.status = Status.PUBLISHED
    submission.message = ""
    submission.title = public.title
    submission.url = public.get_url() if hasattr(public, "get_url") else public.get_absolute_url()
    submission.save()
    notify_author(submission, user, _("a publié votre contribution"))


def changes_requested(sender, instance, user=None, **kwargs):
    submission = _submission(instance)
    if submission is None:
        return
    submission.status = Status.CHANGES_REQUESTED
    submission.message = instance.current_task_state.comment or ""
    submission.save()
    notify_author(submission, user, _("demande des modifications à votre contribution"))


def cancelled(sender, instance, user=None, **kwargs):
    submission = _submission(instance)
    if submission is None or submission.status == Status.REFUSED:
        return
    submission.status = Status.DRAFT
    submission.save()


def forget(sender, instance, **kwargs):
    """A submission's content deleted in the admin takes its row along."""
    Submission.objects.filter(
        content_type=ContentType.objects.get_for_model(sender), object_id=instance.pk
    ).delete()


def connect():
    for model in CONTENT_MODELS:
        post_delete.connect(
            forget, sender=model, dispatch_uid=f"submissions_forget_{model._meta.model_name}"
        )
    for signal, receiver in (
        (workflow_approved, published),
        (workflow_rejected, changes_requested),
        (workflow_cancelled, cancelled),
    ):
        signal.connect(
            receiver, sender=WorkflowState, dispatch_uid=f"submissions_{receiver.__name__}"
        )
