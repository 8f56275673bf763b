"""Where mentions are read: a comment when posted or edited, a proposal or a debate when
created or edited (its title and text). Connected in `MentionsConfig.ready()` with
explicit senders."""

from django.apps import apps
from django.db.models.signals import post_save

from mentions.services import record
from participation.comments.api import Comment, comment_edited

# Model label -> the fields whose text may mention members.
TEXTS = {
    "proposals.Proposal": ("title", "body"),
    "debates.Debate": ("title", "description"),
}
# A save that touches none of these leaves the mentions as they were (a vote count).
WATCHED = {"published_at", "is_hidden", "status"}


def comment_posted(sender, instance, created, **kwargs):
    if created and not instance.is_deleted:
        record(instance, instance.comment, instance.user, subject=instance.content_object)


def comment_changed(sender, comment, text, **kwargs):
    record(comment, text, comment.user, subject=comment.content_object, edited=True)


def content_saved(sender, instance, created=False, update_fields=None, **kwargs):
    fields = TEXTS[sender._meta.label]
    if update_fields is not None and not set(update_fields) & (set(fields) | WATCHED):
        return
    text = "\n".join(getattr(instance, field) for field in fields)
    record(instance, text, instance.author, edited=not created)


def connect():
    post_save.connect(comment_posted, sender=Comment, dispatch_uid="mentions_comment")
    comment_edited.connect(comment_changed, sender=Comment, dispatch_uid="mentions_comment_edit")
    for label in TEXTS:
        model = apps.get_model(label)
        post_save.connect(content_saved, sender=model, dispatch_uid=f"mentions_{label}")
