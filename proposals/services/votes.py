"""Supports: one per member and proposal, a per-space limit held under concurrency."""

from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Count, F, Q

from participation.spaces.api import can, closed_action, is_visible_to
from proposals.models import Proposal, ProposalSettings, State, Vote
from proposals.rules import VOTE


class VoteLimitReached(Exception):
    pass


def is_votable(proposal):
    """Whether the proposal itself takes votes (the phase and the member aside)."""
    return (
        proposal.is_published
        and not proposal.is_withdrawn
        and not proposal.is_merged
        and not proposal.is_hidden
        and proposal.state != State.REJECTED
    )


def used_votes(user, space):
    """Votes that count against the member's limit: those on withdrawn proposals are
    frozen on the proposal but given back to the member."""
    return Vote.objects.filter(user=user, space=space, proposal__withdrawn_at__isnull=True).count()


def _lock(user, proposal):
    """Lock the member's row first (it serialises their votes from every tab), then the
    proposal's; no other code locks them in the other order."""
    get_user_model().objects.select_for_update().get(pk=user.pk)
    return Proposal.objects.select_for_update().get(pk=proposal.pk)


def _check(user, proposal):
    if not (can(user, VOTE, proposal.space) and is_visible_to(proposal, user)):
        raise PermissionDenied


def vote(user, proposal):
    """Support the proposal; returns False when the member had already done so (seen
    before taking any lock: a second click costs one query, not five)."""
    _check(user, proposal)
    if is_votable(proposal) and Vote.objects.filter(proposal=proposal, user=user).exists():
        return False
    limit = ProposalSettings.for_space(proposal.space).vote_limit
    with transaction.atomic():
        locked = _lock(user, proposal)
        if not is_votable(locked):
            raise PermissionDenied
        # Whether the member supports it already and the votes counting against the
        # limit, in one query over the member's votes in the space.
        counts = Vote.objects.filter(user=user, space_id=locked.space_id).aggregate(
            mine=Count("pk", filter=Q(proposal=locked)),
            used=Count("pk", filter=Q(proposal__withdrawn_at__isnull=True)),
        )
        if counts["mine"]:
            return False
        if limit is not None and counts["used"] >= limit:
            raise VoteLimitReached
        Vote.objects.create(proposal=locked, user=user, space_id=locked.space_id)
        Proposal.objects.filter(pk=locked.pk).update(vote_count=F("vote_count") + 1)
    return True


def unvote(user, proposal):
    """Withdraw one's support while voting is open; returns False when there was none."""
    _check(user, proposal)
    with transaction.atomic():
        locked = _lock(user, proposal)
        if not is_votable(locked):
            raise PermissionDenied
        deleted, _rows = Vote.objects.filter(proposal=locked, user=user).delete()
        if deleted:
            Proposal.objects.filter(pk=locked.pk).update(vote_count=F("vote_count") - 1)
    return bool(deleted)


@dataclass
class VoteStatus:
    """What the vote button shows to one member for one proposal."""

    can_vote: bool
    has_voted: bool
    limit: int | None
    remaining: int | None
    counts_hidden: bool
    retained: bool
    reason: str  # why the member cannot vote: login, phase, proposal, limit, forbidden
    closed: object = None  # the space's ClosedAction when the phase is the reason


def space_vote_context(user, space, settings=None):
    """Computed once per page: the member's right to vote here and the votes left."""
    settings = settings or ProposalSettings.for_space(space)
    allowed = can(user, VOTE, space)
    remaining = None
    if allowed and settings.vote_limit is not None:
        remaining = max(settings.vote_limit - used_votes(user, space), 0)
    if allowed:
        reason = ""
    elif not user.is_authenticated:
        reason = "login"
    elif not space.opens(VOTE):
        reason = "phase"
    else:
        reason = "forbidden"
    return {
        "settings": settings,
        "allowed": allowed,
        "remaining": remaining,
        "reason": reason,
        "closed": closed_action(space, VOTE) if reason == "phase" else None,
    }


def vote_status(proposal, has_voted, context):
    settings = context["settings"]
    reason = context["reason"]
    if not reason and not is_votable(proposal):
        reason = "proposal"
    if not reason and not has_voted and context["remaining"] == 0:
        reason = "limit"
    return VoteStatus(
        can_vote=not reason,
        has_voted=has_voted,
        limit=settings.vote_limit,
        remaining=context["remaining"],
        counts_hidden=settings.counts_hidden,
        retained=settings.is_retained(proposal),
        reason=reason,
        closed=context["closed"] if reason == "phase" else None,
    )
