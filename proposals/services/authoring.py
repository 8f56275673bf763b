"""Drafting, publishing, editing, withdrawing, and co-authors."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from participation.notifications.api import follow, notify, unfollow
from participation.spaces.api import can, is_visible_to
from proposals.models import Coauthorship, Proposal
from proposals.rules import PROPOSE


def can_propose(user, space):
    return space.uses("proposals") and can(user, PROPOSE, space)


def create_draft(user, space, *, thematiques=(), tags=(), **fields):
    """A draft only its authors see, until they publish it from the preview."""
    if not can_propose(user, space):
        raise PermissionDenied
    with transaction.atomic():
        proposal = Proposal.objects.create(space=space, author=user, **fields)
        Coauthorship.objects.create(proposal=proposal, user=user, accepted_at=timezone.now())
        proposal.thematiques.set(thematiques)
        proposal.tags.set(list(tags))
    return proposal


def can_edit(user, proposal):
    """Authors edit a draft freely, a published proposal until its first vote."""
    return (
        proposal.is_author(user)
        and not proposal.is_withdrawn
        and not proposal.is_merged
        and not proposal.is_hidden
        and not proposal.is_answered
        and proposal.vote_count == 0
    )


def update(user, proposal, *, thematiques=None, tags=None, **fields):
    with transaction.atomic():
        # The row lock makes "no vote yet" hold until the edit commits.
        locked = Proposal.objects.select_for_update().get(pk=proposal.pk)
        if not can_edit(user, proposal) or locked.vote_count:
            raise PermissionDenied
        for name, value in fields.items():
            setattr(locked, name, value)
        locked.save()
        if thematiques is not None:
            locked.thematiques.set(thematiques)
        if tags is not None:
            locked.tags.set(list(tags))
    return locked


def publish(user, proposal):
    """Publishing needs the phase to still open proposals; followers of the space, of the
    author and of the thématiques are notified."""
    if not proposal.is_author(user) or proposal.is_published:
        raise PermissionDenied
    if not can_propose(user, proposal.space):
        raise PermissionDenied
    with transaction.atomic():
        proposal.published_at = timezone.now()
        proposal.save(update_fields=["published_at", "updated_at"])
        for author in proposal.authors:
            follow(author, proposal)
        notify(user, _("a proposé"), proposal)
    return proposal


def can_withdraw(user, proposal):
    return (
        proposal.is_published
        and proposal.is_author(user)
        and not proposal.is_withdrawn
        and not proposal.is_merged
    )


def withdraw(user, proposal):
    """The proposal stays visible as "retirée"; its votes are frozen (and no longer count
    against the voters' limit)."""
    if not can_withdraw(user, proposal):
        raise PermissionDenied
    with transaction.atomic():
        Proposal.objects.filter(pk=proposal.pk).update(withdrawn_at=timezone.now())
        notify(user, _("a retiré sa proposition"), proposal)


def delete_draft(user, proposal):
    if proposal.is_published or not proposal.is_author(user):
        raise PermissionDenied
    proposal.delete()


# --- Co-authors ---------------------------------------------------------------------------
def can_invite(user, proposal):
    return proposal.is_author(user) and not proposal.is_withdrawn and not proposal.is_merged


def invite(user, proposal, invitee):
    """The invitee gets a notification leading to the proposal, where they accept or
    decline. The activity is private: it never shows in public feeds."""
    if not can_invite(user, proposal):
        raise PermissionDenied
    if invitee == user or not invitee.is_active:
        raise ValidationError(_("Ce membre ne peut pas être invité."))
    if not is_visible_to(proposal.space, invitee):
        raise ValidationError(_("Ce membre n’a pas accès à cette démarche."))
    with transaction.atomic():
        coauthorship, created = Coauthorship.objects.get_or_create(
            proposal=proposal, user=invitee, defaults={"invited_by": user}
        )
        if not created:
            raise ValidationError(_("Ce membre est déjà auteur ou invité."))
        notify(
            user,
            _("vous invite à co-signer"),
            proposal,
            recipients=[invitee],
            url=proposal.get_absolute_url() + "#invitation",
            public=False,
        )
    return coauthorship


def pending_invitation(user, proposal):
    if not user.is_authenticated:
        return None
    return Coauthorship.objects.pending().filter(proposal=proposal, user=user).first()


def answer_invitation(user, proposal, accept):
    with transaction.atomic():
        invitation = (
            Coauthorship.objects.pending()
            .select_for_update()
            .filter(proposal=proposal, user=user)
            .first()
        )
        if invitation is None:
            raise PermissionDenied
        if not accept:
            invitation.delete()
            return None
        invitation.accepted_at = timezone.now()
        invitation.save(update_fields=["accepted_at"])
        if proposal.is_published:
            follow(user, proposal)
    return invitation


def can_leave(user, proposal):
    return proposal.is_author(user) and len(proposal.author_rows) > 1


def leave(user, proposal):
    """An author steps down; the proposal always keeps at least one author."""
    with transaction.atomic():
        rows = list(Coauthorship.objects.accepted().select_for_update().filter(proposal=proposal))
        if len(rows) < 2 or user.pk not in {row.user_id for row in rows}:
            raise PermissionDenied
        Coauthorship.objects.filter(proposal=proposal, user=user).delete()
        unfollow(user, proposal)
