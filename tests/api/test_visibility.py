"""The visibility matrix: for each kind of content, an item nobody may read through the
API (unpublished, restricted, hidden by moderation, draft, merged, not validated, in an
unpublished space, the connection link of an event, the name of a member out of the
directory), one only members may read and one only the invited members of a private
space may read. Every endpoint is crawled, filters included, for each caller: nothing
leaks, and what a caller may read is there."""

from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone
from wagtail.models import Collection, CollectionViewRestriction, PageViewRestriction

from proposals.models import ProposalSettings
from taxonomy.models import Departement
from tests.api.helpers import bearer
from tests.factories import (
    DebateFactory,
    EventFactory,
    NewsPageFactory,
    ProposalFactory,
    ResourceFactory,
    StructureFactory,
    ThematiqueFactory,
    UserFactory,
    make_space,
    panorama_member,
)

pytestmark = pytest.mark.django_db

NEVER = "sentinelle-7f3a9c"
MEMBERS = "reservee-membres-5c2d18"
INVITED = "reservee-invites-b41e07"
THEME = "theme-matrice-e2"

# Thématiques, territories and the panorama hold nobody's items (the panorama's counts
# are checked below); every other list of the schema is crawled, a module's endpoint
# added through api.registry included.
REFERENCE = {"/api/v1/thematiques/", "/api/v1/panorama/"}


def _lists(client):
    """(path, whether it filters by démarche) of each content list of the schema."""
    paths = client.get("/api/v1/openapi.json").json()["paths"]
    return [
        (path, any(p["name"] == "demarche" for p in spec["get"].get("parameters", [])))
        for path, spec in paths.items()
        if path not in REFERENCE and not path.startswith("/api/v1/territoires/")
    ]


def _collection(name, restriction_type, **fields):
    collection = Collection.get_first_root_node().add_child(name=name)
    restriction = CollectionViewRestriction.objects.create(
        collection=collection, restriction_type=restriction_type, **fields
    )
    return collection, restriction


def _space_contents(space, marker, theme, lyon):
    proposal = ProposalFactory(space=space, title=f"Proposition {marker}", region=lyon.region)
    proposal.thematiques.add(theme)
    DebateFactory(space=space, title=f"Débat {marker}").thematiques.add(theme)
    EventFactory(space=space, title=f"Événement {marker}", departement=lyon).thematiques.add(theme)


@pytest.fixture
def world():
    """Every kind of content, public and not; returns the invited member and the spaces."""
    theme = ThematiqueFactory(slug=THEME)
    lyon = Departement.objects.get(code="69")
    invited = UserFactory()
    today = timezone.localdate()
    vote = {
        "title": "Vote",
        "start_date": today - timedelta(days=1),
        "end_date": today + timedelta(days=9),
        "actions": ["vote", "comment"],
    }
    public = make_space("Démarche publique", phases=[vote], modules=["proposals", "debates"])
    ProposalSettings.objects.create(space=public, hide_counts_during_vote=True)
    members_space = make_space(f"Démarche {MEMBERS}", visibility="members")
    private = make_space(f"Démarche {INVITED}", visibility="private", memberships=[invited])
    unpublished = make_space(f"Démarche {NEVER}")
    unpublished.unpublish()
    _space_contents(members_space, MEMBERS, theme, lyon)
    _space_contents(private, INVITED, theme, lyon)
    _space_contents(unpublished, NEVER, theme, lyon)

    out_of_directory = UserFactory(display_name=f"Membre {NEVER}")
    shown = ProposalFactory(
        space=public, author=out_of_directory, title="Proposition publique visible", vote_count=7
    )
    shown.thematiques.add(theme)
    for fields in ({"is_hidden": True}, {"published_at": None}, {"merged_into": shown}):
        ProposalFactory(space=public, title=f"Proposition {NEVER}", **fields).thematiques.add(theme)
    DebateFactory(space=public, title=f"Débat {NEVER}", is_hidden=True).thematiques.add(theme)
    EventFactory(title="Rencontre publique", online_url=f"https://visio.exemple.fr/{NEVER}")

    NewsPageFactory(title=f"Actualité {NEVER}", thematiques=[theme]).unpublish()
    restricted = NewsPageFactory(title=f"Actualité protégée {NEVER}", thematiques=[theme])
    PageViewRestriction.objects.create(
        page=restricted, restriction_type=PageViewRestriction.PASSWORD, password="secret"
    )

    login_only, _ = _collection("Réservée aux membres", CollectionViewRestriction.LOGIN)
    below = login_only.add_child(name="Sous-collection")
    nobody_group, restriction = _collection("Groupe", CollectionViewRestriction.GROUPS)
    restriction.groups.create(name="Groupe sans membre")
    password, _ = _collection("Mot de passe", CollectionViewRestriction.PASSWORD, password="secret")
    for collection, marker in ((login_only, MEMBERS), (below, MEMBERS), (nobody_group, NEVER)):
        ResourceFactory(title=f"Ressource {marker}", collection=collection, thematiques=[theme])
    ResourceFactory(title=f"Ressource {NEVER}", collection=password, thematiques=[theme])
    ResourceFactory(title="Ressource publique", thematiques=[theme])

    StructureFactory(name=f"Structure {NEVER}", validated=False, region=lyon.region)
    return {"invited": invited, "spaces": [public, members_space, private, unpublished]}


def _crawl(client, headers, spaces):
    """Every content list, plain and filtered, and by each space: all the texts."""
    texts = []
    for path, by_space in _lists(client):
        for query in ({"limite": 100}, {"thematique": THEME, "region": "84", "limite": 100}):
            response = client.get(path, query, **headers)
            assert response.status_code == 200, (path, response.content)
            texts.append(response.content.decode())
        for space in spaces if by_space else ():
            response = client.get(path, {"demarche": space.pk}, **headers)
            assert response.status_code in (200, 400)
            texts.append(response.content.decode())
    return "\n".join(texts)


def test_nothing_private_reaches_any_caller_and_each_reads_what_it_may(world, member):
    public, members_space, private, unpublished = world["spaces"]
    callers = {
        "anonyme": ({}, set()),
        "membre non invité": (bearer(member), {MEMBERS}),
        "membre invité": (bearer(world["invited"]), {MEMBERS, INVITED}),
    }
    for role, (headers, may_read) in callers.items():
        text = _crawl(Client(), headers, [members_space, private, unpublished])
        assert NEVER not in text, role
        for marker in (MEMBERS, INVITED):
            assert (marker in text) == (marker in may_read), (role, marker)
        assert "Proposition publique visible" in text and "Ressource publique" in text, role

    # The session cookie is not read: a logged-in browser gets the anonymous answer.
    logged_in = Client()
    logged_in.force_login(member)
    assert MEMBERS not in logged_in.get("/api/v1/demarches/").content.decode()

    # A space one may not see is as unknown as one that does not exist.
    outsider = bearer(member, "Autre")
    refused = Client().get("/api/v1/propositions/", {"demarche": private.pk}, **outsider)
    missing = Client().get("/api/v1/propositions/", {"demarche": 999999}, **outsider)
    assert refused.status_code == missing.status_code == 400
    assert refused.json()["detail"] == missing.json()["detail"].replace("999999", str(private.pk))

    # Vote counts stay hidden while the space hides them.
    (shown,) = Client().get("/api/v1/propositions/", {"demarche": public.pk}).json()["resultats"]
    assert shown["votes"] is None and shown["retenue"] is None


def test_panorama_counts_only_members_who_agreed_and_hides_small_counts(client):
    for _ in range(5):
        panorama_member("69")
    UserFactory(display_name="Hors panorama")  # not counted
    body = client.get("/api/v1/panorama/", {"region": "84"}).json()
    assert body["total"] == 5
    regions = next(chart for chart in body["agregats"] if chart["titre"] == "Régions")
    assert regions["lignes"] == [
        {"modalite": "Auvergne-Rhône-Alpes", "effectif": 5, "affichage": "5", "part": 100.0}
    ]
    departements = next(c for c in body["agregats"] if c["titre"] == "Départements")
    small = [row for row in departements["lignes"] if row["effectif"] is None]
    assert small and all(row["affichage"] == "moins de 5" for row in small)

    body = client.get("/api/v1/panorama/", {"type_structure": "commune"}).json()
    assert body["total"] is None and body["total_affichage"] == "moins de 5"
