"""Who may write to whom. Each rule answers with the French sentence shown to the member
who may not (None when they may), so that pages and services say the same thing."""

from datetime import timedelta

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _

from members.models import Profile
from messaging.models import Block, MessagingPreference, name_of

NEW_MEMBER_DAYS = 7


def is_new_member(user):
    """Accounts younger than MAILLAGE_MESSAGING_NEW_MEMBER_DAYS have stricter limits."""
    days = getattr(settings, "MAILLAGE_MESSAGING_NEW_MEMBER_DAYS", NEW_MEMBER_DAYS)
    return user.date_joined > timezone.now() - timedelta(days=days)


def refuses_messages(user_ids):
    """The ids among `user_ids` of members who refuse messages."""
    return set(
        MessagingPreference.objects.filter(user__in=user_ids, accepts_messages=False).values_list(
            "user", flat=True
        )
    )


def blocks_between(user, others):
    """(ids of `others` who blocked `user`, ids of `others` whom `user` blocked)."""
    others = [other.pk for other in others]
    blocked_by, blocking = set(), set()
    for blocker, blocked in Block.objects.filter(
        blocker__in=[*others, user.pk], blocked__in=[*others, user.pk]
    ).values_list("blocker", "blocked"):
        if blocked == user.pk and blocker in others:
            blocked_by.add(blocker)
        elif blocker == user.pk and blocked in others:
            blocking.add(blocked)
    return blocked_by, blocking


def refusal_to_write(sender, recipients, blocks=None):
    """Why `sender` may not start a conversation with `recipients`, or None (`blocks`: as
    for `refusal_to_reply`)."""
    if not sender.is_authenticated or not sender.is_active:
        return _("Connectez-vous pour écrire à un membre.")
    if any(recipient.pk == sender.pk for recipient in recipients):
        return _("Vous ne pouvez pas vous écrire à vous-même.")
    listed = set(
        Profile.objects.in_directory()
        .filter(user__in=[r.pk for r in recipients])
        .values_list("user", flat=True)
    )
    if any(recipient.pk not in listed for recipient in recipients):
        return _("On ne peut écrire qu’aux membres qui figurent dans l’annuaire.")
    return _refusal_of_others(sender, recipients, one_to_one=True, blocks=blocks)


def refusal_to_reply(sender, others, *, one_to_one, blocks=None):
    """Why `sender` may not post in a conversation with `others` (its other active
    participants), or None. In a group, members who refuse messages may leave it.
    `blocks`: what `blocks_between(sender, others)` returned, when already known."""
    return _refusal_of_others(sender, others, one_to_one=one_to_one, blocks=blocks)


def _refusal_of_others(sender, others, *, one_to_one, blocks=None):
    blocked_by, blocking = blocks or blocks_between(sender, others)
    refusing = refuses_messages([other.pk for other in others]) if one_to_one else set()
    names = {other.pk: name_of(other) for other in others}
    for ids, sentence in (
        (blocked_by, _("%(name)s ne souhaite pas recevoir vos messages.")),
        (blocking, _("Vous avez bloqué %(name)s : débloquez ce membre pour lui écrire.")),
        (refusing, _("%(name)s ne reçoit pas de messages pour le moment.")),
    ):
        if ids:
            return sentence % {"name": names[min(ids)]}
    return None
