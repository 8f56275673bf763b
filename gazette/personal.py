"""The automatic blocks of an issue, filled for each reader: what was published in the
reader's thématiques since the previous issue, and the coming events of the reader's
région. A batch of readers is served by a fixed number of queries: the candidates for
the whole batch are loaded once, then shared out in Python.

Without a reader (the web version, a partner without a profile) the blocks show the
generic version: the network's novelties and coming events, everywhere."""

from dataclasses import dataclass, field

from django.db.models import Q
from django.utils import timezone

from editorial.models import ExperiencePage, NewsPage
from events.models import Event
from gazette import cards
from library.models import Resource
from participation.spaces.api import Visibility

# Each automatic block shows at most this many cards.
MAX_ITEMS = 5
# Candidates loaded per kind for a batch: the most recent, enough for every reader.
CANDIDATES = 300


@dataclass
class Reader:
    """One recipient as the automatic blocks see them."""

    thematique_ids: frozenset = frozenset()
    region_id: int | None = None
    novelties: list = field(default_factory=list)
    events: list = field(default_factory=list)

    @property
    def is_generic(self):
        return not self.thematique_ids and self.region_id is None


@dataclass(frozen=True)
class _Candidate:
    date: object
    thematique_ids: frozenset
    card: cards.Card


def _novelties(since, thematique_ids, limit=CANDIDATES):
    """Recent news, experiences and resources, newest first, in `thematique_ids` (all
    when None): the `limit` most recent of each kind."""

    def restrict(queryset):
        if thematique_ids is not None:
            queryset = queryset.filter(thematiques__in=thematique_ids).distinct()
        return queryset.prefetch_related("thematiques")

    pages = (
        (NewsPage, cards.news_card),
        (ExperiencePage, cards.experience_card),
    )
    found = []
    for model, card in pages:
        queryset = model.objects.live().public().filter(first_published_at__gte=since)
        for page in restrict(queryset).order_by("-first_published_at")[:limit]:
            found.append(
                _Candidate(
                    page.first_published_at,
                    frozenset(t.pk for t in page.thematiques.all()),
                    card(page),
                )
            )
    resources = restrict(Resource.objects.filter(created_at__gte=since))
    for resource in resources.order_by("-created_at")[:limit]:
        found.append(
            _Candidate(
                resource.created_at,
                frozenset(t.pk for t in resource.thematiques.all()),
                cards.resource_card(resource),
            )
        )
    found.sort(key=lambda candidate: candidate.date, reverse=True)
    return found


def _events(region_ids, now, limit=CANDIDATES):
    """Coming events that anyone may see (network-wide or in a public space), with their
    région, soonest first, in `region_ids` (all when None): the `limit` first."""
    events = Event.objects.upcoming(now).filter(
        Q(space__isnull=True) | Q(space__visibility=Visibility.PUBLIC, space__live=True)
    )
    if region_ids is not None:
        events = events.filter(departement__region__in=region_ids)
    events = events.select_related("departement")[:limit]
    return [(event.departement.region_id if event.departement else None, event) for event in events]


def fill(readers, since, now=None):
    """Fill the novelties and events of each reader, in a fixed number of queries."""
    now = now or timezone.now()
    personal = [reader for reader in readers if not reader.is_generic]
    generic = [reader for reader in readers if reader.is_generic]
    if personal:
        thematique_ids = set().union(*(reader.thematique_ids for reader in personal))
        region_ids = {reader.region_id for reader in personal} - {None}
        novelties = _novelties(since, thematique_ids) if thematique_ids else []
        events = _events(region_ids, now) if region_ids else []
        for reader in personal:
            reader.novelties = [
                c.card for c in novelties if c.thematique_ids & reader.thematique_ids
            ][:MAX_ITEMS]
            reader.events = [
                cards.event_card(event)
                for region_id, event in events
                if region_id is not None and region_id == reader.region_id
            ][:MAX_ITEMS]
    if generic:
        # The MAX_ITEMS newest of all kinds are among the MAX_ITEMS newest of each kind.
        novelties = [c.card for c in _novelties(since, None, MAX_ITEMS)[:MAX_ITEMS]]
        events = [cards.event_card(event) for _region, event in _events(None, now, MAX_ITEMS)]
        for reader in generic:
            reader.novelties, reader.events = novelties, events
    return readers


def reader_for(user):
    """The reader a member is, from their profile (generic without one)."""
    profile = getattr(user, "profile", None) if user is not None else None
    if profile is None:
        return Reader()
    return Reader(
        thematique_ids=frozenset(t.pk for t in profile.thematiques.all()),
        region_id=profile.region_id,
    )
