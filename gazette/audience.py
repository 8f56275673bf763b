"""Who an issue goes to. Without criteria: every active subscriber, partners included.
With criteria: the subscribed members who meet each criterion filled in (any of the
thématiques, régions or départements, structure types, roles ticked; following the
chosen space). Partners have no profile, so criteria leave them out."""

from django.db.models import Exists, OuterRef, Q

from gazette.models import Subscriber
from participation.notifications.api import follower_ids


def _partners_not_members(subscribers):
    """A partner address that is also a subscribed member's gets the member's copy only."""
    member_copy = Subscriber.objects.active().filter(user__email__iexact=OuterRef("email"))
    return subscribers.exclude(Q(user__isnull=True) & Exists(member_copy))


def _with(subscribers, **lookup):
    """Subscribers matching a lookup across a many-valued relation, without duplicates."""
    return subscribers.filter(pk__in=Subscriber.objects.filter(**lookup).values("pk"))


def recipients(issue):
    """The active subscribers `issue` goes to, as a queryset."""
    subscribers = Subscriber.objects.active()
    if not issue.has_audience:
        return _partners_not_members(subscribers)
    members = subscribers.members()
    thematiques = [thematique.pk for thematique in issue.audience_thematiques.all()]
    if thematiques:
        members = _with(members, user__profile__thematiques__in=thematiques)
    regions = [region.pk for region in issue.audience_regions.all()]
    departements = [departement.pk for departement in issue.audience_departements.all()]
    if regions or departements:
        members = members.filter(
            Q(user__profile__region__in=regions) | Q(user__profile__departement__in=departements)
        )
    if issue.audience_structure_types:
        members = members.filter(user__profile__structure_type__in=issue.audience_structure_types)
    if issue.audience_roles:
        members = _with(members, user__groups__name__in=issue.audience_roles)
    if issue.audience_space_id:
        members = members.filter(user__in=follower_ids(issue.audience_space))
    return members
