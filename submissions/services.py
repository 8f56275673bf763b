"""What happens to a member's submission: saved as a draft, submitted to the
"Relecture" workflow, refused by an editor, deleted while still a draft. Views call
these; the workflow's own moves (published, changes requested) are in `signals`."""

from django.db import transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _
from wagtail.coreutils import find_available_slug

from editorial.models import ExperienceIndexPage
from library.models import ResourceSubmission
from library.signals import discard_submission_file
from participation.notifications.api import notify
from submissions.models import Kind, Status, Submission

NOTIFICATION_KIND = "submissions.review"


def _track(submission, obj, user, kind):
    """Create or update the row that follows `obj` for "Mes contributions"."""
    if submission is None:
        submission = Submission(author=user, kind=kind, content_object=obj)
    submission.title = obj.title
    submission.save()
    return submission


@transaction.atomic
def save_resource(resource, user, submission=None):
    """Save a `ResourceSubmission` (thématiques set on the instance, as a form's
    `save_m2m` leaves them) as a draft revision; a new one belongs to `user`. A file the
    member replaced leaves the disk after commit."""
    if submission is None:
        resource.submitted_by = user
        resource.live = False
    stored = ResourceSubmission.objects.filter(pk=resource.pk).values_list("file", flat=True)
    replaced = stored.first() if resource.pk else None
    resource.save()
    resource.save_revision(user=user)
    if replaced != resource.file.name:
        discard_submission_file(replaced)
    return _track(submission, resource, user, Kind.RESOURCE)


@transaction.atomic
def save_experience(page, user, submission=None):
    """Save an ExperiencePage as a draft revision; a new one is created unpublished under
    the experiences index, owned by `user` and credited to them."""
    if submission is None:
        index = ExperienceIndexPage.objects.get()
        page.slug = find_available_slug(index, slugify(page.title)[:60] or "retour")
        page.live = False
        page.owner = user
        page.contributed_by = user
        index.add_child(instance=page)
    page.save_revision(user=user)
    return _track(submission, page, user, Kind.EXPERIENCE)


@transaction.atomic
def submit(submission, user):
    """Into the "Relecture" workflow: started for a draft, resumed after changes. The row
    is locked so that a double click submits once (Wagtail allows one active workflow
    per object); a submission no longer editable is left as it is."""
    locked = Submission.objects.select_for_update().get(pk=submission.pk)
    if not locked.is_editable:
        return
    obj = submission.content_object
    state = obj.current_workflow_state
    if state is not None and state.status == state.STATUS_NEEDS_CHANGES:
        state.resume(user=user)
    else:
        obj.get_workflow().start(obj, user)
    submission.status = Status.IN_REVIEW
    submission.message = ""
    submission.save()


@transaction.atomic
def delete_draft(submission):
    """A draft disappears with its content and, after commit, its private file (the row
    follows its content: `signals.forget`; the file, library's `submission_deleted`)."""
    submission.content_object.delete()


@transaction.atomic
def refuse(submission, editor, reason):
    """Wagtail's workflows only approve or ask for changes: a refusal cancels the
    workflow and leaves the submission refused for good, its reason sent to the member."""
    submission.status = Status.REFUSED
    submission.message = reason
    submission.save()
    state = submission.content_object.current_workflow_state
    if state is not None:
        state.cancel(user=editor)
    notify_author(submission, editor, _("a refusé votre contribution"))


def notify_author(submission, editor, verb):
    """A private notification to the author, with the editor's message when there is one."""
    notify(
        editor,
        verb,
        submission,
        recipients=[submission.author],
        public=False,
        kind=NOTIFICATION_KIND,
        title=" : ".join(filter(None, [submission.title, submission.message]))[:255],
        url=submission.url or submission.get_absolute_url(),
    )
