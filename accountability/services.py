"""What moderators do with a space's follow-up: statuses, results, timeline entries and
results made from accepted proposals. Views, the CSV import and the demo call these."""

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from accountability import notifications
from accountability.models import ProgressEntry, Result, Status
from accountability.rules import can_manage
from participation.spaces.api import SpacePage
from proposals.models import Proposal, State

# The statuses a space starts with, when its first result is created.
DEFAULT_STATUSES = [
    (gettext_lazy("À lancer"), 0),
    (gettext_lazy("En cours"), 50),
    (gettext_lazy("Réalisé"), 100),
    (gettext_lazy("Abandonné"), None),
]


def _require(user, space):
    if not can_manage(user, space):
        raise PermissionDenied


def statuses(space):
    """The space's statuses, in their order; the default ones are created the first time."""
    existing = list(Status.objects.filter(space=space))
    if existing:
        return existing
    Status.objects.bulk_create(
        [
            Status(space=space, name=str(name), progress=progress, order=index)
            for index, (name, progress) in enumerate(DEFAULT_STATUSES)
        ],
        ignore_conflicts=True,
    )
    return list(Status.objects.filter(space=space))


def accepted_without_result(space):
    """Accepted proposals of the space that no result answers yet."""
    return (
        Proposal.objects.listed()
        .filter(space=space, state=State.ACCEPTED, accountability_results__isnull=True)
        .order_by("-vote_count", "pk")
    )


@transaction.atomic
def save_result(
    user,
    result,
    *,
    thematiques=None,
    proposals=None,
    debates=None,
    events=None,
    resources=None,
    previous_status_id=None,
):
    """Save a result built by a form (or the import); a new status is recorded in the
    timeline and announced."""
    _require(user, result.space)
    is_new = result.pk is None
    result.full_clean()
    result.save()
    for name, values in (
        ("thematiques", thematiques),
        ("proposals", proposals),
        ("debates", debates),
        ("events", events),
        ("resources", resources),
    ):
        if values is not None:
            getattr(result, name).set(values)
    if not is_new and result.status_id and result.status_id != previous_status_id:
        add_entry(
            user,
            result,
            _("Nouvel état : %(status)s.") % {"status": result.status.name},
            status=result.status,
        )
    return result


@transaction.atomic
def add_entry(user, result, text, *, date=None, status=None, attachment=None, document=None):
    """A new step of the result's timeline; with `status`, the result reaches that status.
    Followers and the linked proposals' authors and supporters are told, once each."""
    _require(user, result.space)
    if status is not None and status.space_id != result.space_id:
        raise PermissionDenied
    entry = ProgressEntry(
        result=result,
        date=date or timezone.localdate(),
        text=text,
        status=status,
        document=document,
        author=user,
    )
    if attachment is not None:
        entry.attachment_name = attachment.name[:255]
        entry.attachment = attachment
    entry.save()
    if status is not None and result.status_id != status.pk:
        result.status = status
        result.save(update_fields=["status", "updated_at"])
    notifications.announce(user, result, entry)
    return entry


@transaction.atomic
def create_from_proposals(user, space, proposal_ids):
    """One result per accepted proposal chosen (among those without a result yet), linked
    to it, with its title, text, thématiques and territory, in the space's first status.
    The space's row is locked so that two moderators clicking at once make no duplicate."""
    _require(user, space)
    SpacePage.objects.select_for_update().filter(pk=space.pk).first()
    proposals = list(
        accepted_without_result(space).filter(pk__in=proposal_ids).prefetch_related("thematiques")
    )
    first_status = statuses(space)[0]
    results = []
    for proposal in proposals:
        result = Result.objects.create(
            space=space,
            title=proposal.title[:200],
            description=proposal.body,
            region_id=proposal.region_id,
            departement_id=proposal.departement_id,
            status=first_status,
        )
        result.thematiques.set(proposal.thematiques.all())
        result.proposals.add(proposal)
        results.append(result)
    return results
