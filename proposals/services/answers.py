"""What moderators do: official answers and merging duplicates."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from participation.notifications.api import move_followers, notify
from participation.spaces.api import can
from proposals.models import Proposal, Vote


def can_moderate(user, proposal):
    return user.is_authenticated and can(user, "moderate", proposal.space)


def answer(moderator, proposal, state, text):
    """Set the state and the public answer; authors (who follow their proposal) and the
    other followers are notified."""
    if not can_moderate(moderator, proposal) or not proposal.is_published:
        raise PermissionDenied
    with transaction.atomic():
        Proposal.objects.filter(pk=proposal.pk).update(
            state=state, answer=text, answered_at=timezone.now(), answered_by=moderator
        )
        proposal.refresh_from_db()
        notify(moderator, _("a répondu officiellement à la proposition"), proposal)
    return proposal


def merge(moderator, duplicate, kept):
    """Fold `duplicate` into `kept`: its votes move, a member who supported both keeps a
    single vote (the other is given back), its followers follow `kept`, and the merged
    proposal links to the one kept."""
    if not can_moderate(moderator, duplicate):
        raise PermissionDenied
    if duplicate.pk == kept.pk or duplicate.space_id != kept.space_id:
        raise ValidationError(_("Choisissez une autre proposition de la même démarche."))
    with transaction.atomic():
        locked = {
            p.pk: p
            for p in Proposal.objects.select_for_update().filter(pk__in=[duplicate.pk, kept.pk])
        }
        duplicate, kept = locked[duplicate.pk], locked[kept.pk]
        if duplicate.is_merged or kept.is_merged or not kept.is_published:
            raise ValidationError(_("Ces propositions ne peuvent pas être fusionnées."))
        both = Vote.objects.filter(proposal=kept).values("user")
        Vote.objects.filter(proposal=duplicate, user__in=both).delete()
        Vote.objects.filter(proposal=duplicate).update(proposal=kept)
        Proposal.objects.filter(pk=kept.pk).update(
            vote_count=Vote.objects.filter(proposal=kept).count()
        )
        Proposal.objects.filter(pk=duplicate.pk).update(vote_count=0, merged_into=kept)
        move_followers(duplicate, kept)
        duplicate.refresh_from_db()
        notify(moderator, _("a fusionné avec une proposition semblable"), duplicate)
    kept.refresh_from_db()
    return kept
