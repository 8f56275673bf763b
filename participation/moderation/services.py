"""Reports, hiding and the moderators' decisions; every decision is logged."""

from django.conf import settings
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _

from participation.moderation.models import (
    Moderatable,
    ModerationAction,
    ModerationActionKind,
    Report,
)
from participation.notifications.api import set_hidden
from participation.registry import moderatable_models
from participation.utils import content_type_for


class AlreadyReported(Exception):
    pass


def report(reporter, obj, reason, details=""):
    """File a report; the content is hidden, pending review, once it has
    MAILLAGE_REPORTS_HIDE_THRESHOLD open reports."""
    content_type = content_type_for(obj)
    with transaction.atomic():
        # Locking the reported row serialises concurrent reports, so the count holds.
        type(obj)._base_manager.select_for_update().filter(pk=obj.pk).first()
        try:
            with transaction.atomic():
                created = Report.objects.create(
                    reporter=reporter,
                    content_type=content_type,
                    object_id=obj.pk,
                    reason=reason,
                    details=details,
                )
        except IntegrityError as error:
            raise AlreadyReported from error
        open_reports = Report.objects.open().filter(content_type=content_type, object_id=obj.pk)
        if (
            isinstance(obj, Moderatable)
            and not obj.is_hidden
            and open_reports.count() >= settings.MAILLAGE_REPORTS_HIDE_THRESHOLD
        ):
            _set_hidden(obj, True)
            _log(None, ModerationActionKind.AUTO_HIDE, obj, _("Seuil de signalements atteint."))
    return created


def has_open_reports(model, ids):
    """Whether one of the objects of `model` whose ids are given (a list or a subquery)
    has a report not yet reviewed."""
    return (
        Report.objects.open()
        .filter(content_type=content_type_for(model), object_id__in=ids)
        .exists()
    )


def hide(moderator, obj, reason=""):
    _set_hidden(obj, True)
    _log(moderator, ModerationActionKind.HIDE, obj, reason)


def unhide(moderator, obj, reason=""):
    """Restoring content closes its reports: it has been reviewed."""
    _set_hidden(obj, False)
    _close_reports(obj)
    _log(moderator, ModerationActionKind.UNHIDE, obj, reason)


def dismiss_reports(moderator, obj, reason=""):
    _close_reports(obj)
    _log(moderator, ModerationActionKind.DISMISS, obj, reason)


def warn(moderator, member, reason):
    body = render_to_string(
        "participation/emails/warning.txt", {"member": member, "reason": reason}
    )
    send_mail(_("Un message de la modération de Maillage"), body, None, [member.email])
    _log(moderator, ModerationActionKind.WARN, None, reason, member=member)


def block(moderator, member, reason):
    """A blocked member cannot log in (inactive account) and their content is hidden until
    moderators review it."""
    with transaction.atomic():
        type(member).objects.filter(pk=member.pk).update(is_active=False)
        member.is_active = False
        for model in moderatable_models():
            authored = model._base_manager.filter(**{model.moderation_author_field: member})
            ids = list(authored.filter(is_hidden=False).values_list("pk", flat=True))
            authored.filter(pk__in=ids).update(is_hidden=True)
            set_hidden(model, ids, True)
        _log(moderator, ModerationActionKind.BLOCK, None, reason, member=member)


def unblock(moderator, member, reason=""):
    type(member).objects.filter(pk=member.pk).update(is_active=True)
    member.is_active = True
    _log(moderator, ModerationActionKind.UNBLOCK, None, reason, member=member)


def _set_hidden(obj, hidden):
    type(obj)._base_manager.filter(pk=obj.pk).update(is_hidden=hidden)
    obj.is_hidden = hidden
    if hidden or not getattr(obj, "is_deleted", False):
        set_hidden(type(obj), [obj.pk], hidden)


def _close_reports(obj):
    Report.objects.open().filter(content_type=content_type_for(obj), object_id=obj.pk).update(
        dismissed_at=timezone.now()
    )


def _log(moderator, kind, obj, reason, member=None):
    if member is None and obj is not None:
        member = getattr(obj, "moderation_author", None)
    ModerationAction.objects.create(
        moderator=moderator,
        kind=kind,
        content_type=content_type_for(obj) if obj is not None else None,
        object_id=obj.pk if obj is not None else None,
        member=member,
        reason=reason,
    )
