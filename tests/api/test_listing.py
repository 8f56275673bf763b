"""Each endpoint's filters and cursor pagination: a filtered list walked two rows at a
time gives exactly the matching rows, once each, in the stable order (most recently
modified first, then id); and a page costs the same number of queries whatever its size."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import Page

from debates.models import Debate
from events.models import Event
from members.models import StructureType
from proposals.models import Proposal
from taxonomy.models import Departement, Region
from tests.api.helpers import get, walk
from tests.factories import (
    DebateFactory,
    EventFactory,
    ExperiencePageFactory,
    NewsPageFactory,
    ProposalFactory,
    ResourceFactory,
    StructureFactory,
    ThematiqueFactory,
    make_space,
)

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()


def _news():
    theme = ThematiqueFactory(slug="emploi-api")
    dated = [NewsPageFactory(date=TODAY - timedelta(days=n), thematiques=[theme]) for n in (1, 2)]
    NewsPageFactory(date=TODAY - timedelta(days=40), thematiques=[theme])  # too old
    params = {"thematique": "emploi-api", "date_min": str(TODAY - timedelta(days=10))}
    return dated, params


def _experiences():
    departement = Departement.objects.get(code="69")
    wanted = [
        ExperiencePageFactory(region=departement.region, departement=departement) for _ in range(2)
    ]
    ExperiencePageFactory(region=Region.objects.get(code="11"))
    return wanted, {"region": departement.region.code, "departement": "69"}


def _resources():
    theme = ThematiqueFactory(slug="sante-api")
    wanted = [ResourceFactory(thematiques=[theme], resource_type="guide") for _ in range(3)]
    ResourceFactory(thematiques=[theme], resource_type="etude")
    ResourceFactory(resource_type="guide")
    return wanted, {"thematique": "sante-api", "type": "guide"}


def _spaces():
    wanted = [
        make_space(f"Démarche en cours {n}", start_date=TODAY - timedelta(days=n), end_date=None)
        for n in (1, 2)
    ]
    make_space(
        "Démarche finie", start_date=TODAY - timedelta(days=90), end_date=TODAY - timedelta(days=60)
    )
    return wanted, {"date_min": str(TODAY - timedelta(days=30))}


def _proposals():
    space, other = make_space("Propositions"), make_space("Autre démarche")
    wanted = ProposalFactory.create_batch(3, space=space, state="accepted")
    ProposalFactory(space=space, state="rejected")
    ProposalFactory(space=other, state="accepted")
    return wanted, {"demarche": space.pk, "etat": "accepted"}


def _debates():
    space = make_space("Débats")
    wanted = DebateFactory.create_batch(3, space=space)
    DebateFactory(space=space, closed_at=timezone.now())
    DebateFactory(space=make_space("Autres débats"))
    return wanted, {"demarche": space.pk, "etat": "open"}


def _events():
    lyon = Departement.objects.get(code="69")
    soon = timezone.now() + timedelta(days=3)
    wanted = EventFactory.create_batch(3, departement=lyon, start_at=soon, end_at=soon)
    EventFactory(
        departement=lyon, start_at=soon + timedelta(days=90), end_at=soon + timedelta(days=90)
    )
    EventFactory(departement=Departement.objects.get(code="75"), start_at=soon, end_at=soon)
    params = {"region": "84", "date_max": str((soon + timedelta(days=10)).date())}
    return wanted, params


def _structures():
    region = Region.objects.get(code="84")
    wanted = StructureFactory.create_batch(3, type=StructureType.COMMUNE, region=region)
    StructureFactory(type=StructureType.EPCI, region=region)
    StructureFactory(type=StructureType.COMMUNE, validated=False, region=region)
    return wanted, {"type": "commune", "region": "84"}


CASES = {
    "actualites": _news,
    "retours-experience": _experiences,
    "ressources": _resources,
    "demarches": _spaces,
    "propositions": _proposals,
    "debats": _debates,
    "evenements": _events,
    "structures": _structures,
}


def _make_newer(rows):
    """Touch the first row so that it moves to the top of the modification order."""
    first = rows[0]
    if isinstance(first, (Proposal, Debate, Event)):
        first.save()


@pytest.mark.parametrize("endpoint", CASES)
def test_filters_and_cursor_pages_give_each_matching_row_once_in_order(client, endpoint):
    wanted, params = CASES[endpoint]()
    _make_newer(wanted)
    url = f"/api/v1/{endpoint}/"

    rows, pages = walk(client, url, limite=2, **params)

    assert sorted(row["id"] for row in rows) == sorted(obj.pk for obj in wanted)
    assert pages == (len(wanted) + 1) // 2
    keys = [(row["modifie_le"], row["id"]) for row in rows]
    assert keys == sorted(keys, reverse=True)
    # The same walk again gives the same sequence: the order is stable.
    assert walk(client, url, limite=2, **params)[0] == rows
    # The shared resolvers (`api.schemas.LinkedOut`, `TaggedOut`): absolute address, slugs.
    objects = {obj.pk: obj for obj in wanted}
    for row in rows:
        obj = objects[row["id"]]
        if "url" in row:
            path = obj.url if isinstance(obj, Page) else obj.get_absolute_url()
            assert row["url"] == f"http://testserver{path}"
        if "thematiques" in row:
            assert row["thematiques"] == [theme.slug for theme in obj.thematiques.all()]


@pytest.mark.parametrize(
    ("url", "params", "expected"),
    [
        ("/api/v1/thematiques/", {}, None),
        ("/api/v1/territoires/regions/", {}, 18),
        ("/api/v1/territoires/departements/", {"region": "84"}, 12),
    ],
)
def test_reference_lists_are_paged_by_id(client, url, params, expected):
    rows, pages = walk(client, url, limite=5, **params)
    ids = [row["id"] for row in rows]
    assert ids == sorted(set(ids))
    assert expected is None or len(rows) == expected
    assert pages == -(-len(rows) // 5)


ENDPOINTS = [
    "actualites",
    "retours-experience",
    "ressources",
    "thematiques",
    "territoires/regions",
    "territoires/departements",
    "demarches",
    "propositions",
    "debats",
    "evenements",
    "structures",
]


def test_a_page_costs_the_same_queries_whatever_its_size(client):
    theme = ThematiqueFactory()
    space = make_space("Démarche mesurée", modules=["proposals", "debates", "events"])
    lyon = Departement.objects.get(code="69")
    for _ in range(2):
        NewsPageFactory(thematiques=[theme])
        ExperiencePageFactory(thematiques=[theme], region=lyon.region, departement=lyon)
        ResourceFactory(thematiques=[theme], region=lyon.region, departement=lyon)
        proposal = ProposalFactory(space=space, region=lyon.region)
        proposal.thematiques.add(theme)
        DebateFactory(space=space).thematiques.add(theme)
        EventFactory(space=space, departement=lyon).thematiques.add(theme)
        StructureFactory(region=lyon.region, departement=lyon)
    make_space("Deuxième démarche", modules=["proposals"])
    for endpoint in ENDPOINTS:
        get(client, f"/api/v1/{endpoint}/")  # warms the content types' cache
        counts = []
        for size in (1, 2):
            with CaptureQueriesContext(connection) as queries:
                response = get(client, f"/api/v1/{endpoint}/", limite=size)
            assert len(response.json()["resultats"]) == size, endpoint
            counts.append(len(queries))
        assert counts[0] == counts[1], (endpoint, counts)
        assert counts[1] <= 5, (endpoint, counts)
