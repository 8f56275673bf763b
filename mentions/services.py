"""Recording the mentions of a saved text and telling the mentioned members, through
participation's one entry point (`notify`), only when they can see the content, and once
per object and member: an edit records new mentions and forgets those it took out of the
text; a member still mentioned is never notified twice."""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from mentions.models import Mention
from mentions.parsing import resolve
from participation.notifications.api import notify
from participation.spaces.api import is_visible_to, space_of
from participation.utils import content_type_for, object_title

VERB = _("vous a mentionné sur")
KIND = "mention"


def record(obj, text, author, *, subject=None, edited=False):
    """The members `text` (of `obj`, written by `author`) mentions are recorded; those
    not yet told and who can see `obj` now are notified. `subject` is what the
    notification names (a comment's proposal), `obj` by default. The new text of an
    `edited` object drops the mentions it no longer has (mentioned again later, the
    member is told again: it is a new mention). Returns who was notified."""
    users = [user for user in resolve(text) if user.pk != getattr(author, "pk", None)]
    content_type = content_type_for(obj)
    if edited:
        Mention.objects.filter(content_type=content_type, object_id=obj.pk).exclude(
            user__in=users
        ).delete()
    if not users:
        return []
    Mention.objects.bulk_create(
        [Mention(user=user, content_type=content_type, object_id=obj.pk) for user in users],
        ignore_conflicts=True,
    )
    with transaction.atomic():
        pending = list(
            Mention.objects.select_for_update()
            .filter(content_type=content_type, object_id=obj.pk, notified_at=None)
            .select_related("user")
        )
        if not pending:
            return []
        # A fresh copy: the rules may cache what they read (a proposal's authors), and
        # the caller's instance must not keep what was true before its save finished.
        obj = type(obj)._default_manager.get(pk=obj.pk)
        told = [mention for mention in pending if is_visible_to(obj, mention.user)]
        if told:
            notify(
                author,
                VERB,
                obj,
                recipients=[mention.user for mention in told],
                space=space_of(obj),
                title=object_title(subject or obj),
                public=False,
                kind=KIND,
            )
            Mention.objects.filter(pk__in=[m.pk for m in told]).update(notified_at=timezone.now())
    return [mention.user for mention in told]
