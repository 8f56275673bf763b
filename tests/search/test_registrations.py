"""Each module's content is found by the network search in French, and leaves it when it is
unpublished, hidden, a draft or deleted; private spaces stay with their invited members."""

import io

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.files.base import ContentFile
from django.core.management import call_command
from wagtail.models import Collection, CollectionViewRestriction
from wagtail.rich_text import RichText

from devtools.demo.library import build_pdf
from library.models import Resource
from participation.models import SpaceMembership, Visibility
from participation.moderation import services as moderation
from proposals.services import answers, authoring
from search.models import SearchEntry
from search.registry import registry
from taxonomy.models import Departement, Thematique
from tests.factories import (
    CommentFactory,
    DebateFactory,
    EventFactory,
    ExperienceIndexPageFactory,
    ExperiencePageFactory,
    NewsIndexPageFactory,
    NewsPageFactory,
    ProposalFactory,
    ResultFactory,
    ThematiqueIndexPageFactory,
    ThematiquePageFactory,
    UserFactory,
    make_space,
)
from tests.search.test_visibility import kind_counts, search_as

pytestmark = pytest.mark.django_db

VISITOR = AnonymousUser()


def titles(text, user=VISITOR, **filters):
    return {hit.title for hit in search_as(user, text, **filters).hits}


@pytest.fixture
def indexed(django_capture_on_commit_callbacks):
    """Run what the search does after each commit, right away."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


@pytest.fixture
def sante():
    return Thematique.objects.get(slug="sante")


# --- Editorial pages ------------------------------------------------------------------------
def test_news_is_found_by_its_body_without_accents_and_leaves_when_unpublished(indexed, sante):
    with indexed():
        news = NewsPageFactory(
            parent=NewsIndexPageFactory(),
            title="Ce qui change pour les contrats de ville",
            introduction="Le point après un an de mise en œuvre.",
            body=[
                ("heading", {"text": "Des comités de pilotage élargis", "level": "h2"}),
                ("paragraph", RichText("<p>Les <b>évaluations</b> associent les habitants.</p>")),
            ],
            thematiques=[sante],
            tags=["pilotage"],
        )

    results = search_as(VISITOR, "evaluation habitant")
    assert [(h.title, h.kind, h.url) for h in results.hits] == [(news.title, "actualite", news.url)]
    assert results.hits[0].thematiques == ["sante"]
    assert titles("comité pilotage") == {news.title}
    assert titles("section") == set()  # a heading's level is not a word of the page

    with indexed():
        news.unpublish()
    assert titles("evaluation") == set()


def test_experience_is_found_with_its_territory_and_year_and_leaves_when_deleted(indexed):
    essonne = Departement.objects.get(code="91")
    with indexed():
        experience = ExperiencePageFactory(
            parent=ExperienceIndexPageFactory(),
            title="Une maison du projet ouverte le samedi",
            departement=essonne,
            commune="Grigny",
            year=2023,
            approach="<p>Permanences des bailleurs sur la rénovation des logements.</p>",
        )

    results = search_as(VISITOR, "renovations logement")
    assert [h.title for h in results.hits] == [experience.title]
    assert {c.value for c in results.facets["territory"]} == {"departement:91", "region:11"}
    assert [(c.value, c.count) for c in results.facets["year"]] == [("2023", 1)]
    assert titles("grigny", territory=("region:11",)) == {experience.title}

    with indexed():
        experience.delete()
    assert titles("renovation") == set()


def test_thematique_page_follows_its_thematique_and_leaves_when_unpublished(indexed, sante):
    with indexed():
        page = ThematiquePageFactory(
            parent=ThematiqueIndexPageFactory(), title="Santé", thematique=sante
        )
    assert titles("sante") == {"Santé"}

    with indexed():
        sante.description = "Accès aux soins, médiation sanitaire, santé mentale."
        sante.save()
    assert titles("mediations sanitaires") == {"Santé"}

    with indexed():
        page.unpublish()
    assert titles("sante") == set()


# --- Library ----------------------------------------------------------------------------------
def make_resource(title, text, **fields):
    resource = Resource(
        title=title, file=ContentFile(build_pdf(title, [text]), name="document.pdf"), **fields
    )
    resource._set_document_file_metadata()  # what every Wagtail upload view calls
    resource.save()
    return resource


def test_resource_is_found_by_the_text_of_its_pdf(indexed):
    with indexed():
        resource = make_resource(
            "Guide des instances", "Les conseils citoyens réunissent les habitants.", year=2024
        )

    results = search_as(VISITOR, "conseil citoyen")
    assert [(h.title, h.kind, h.url) for h in results.hits] == [
        ("Guide des instances", "ressource", resource.get_absolute_url())
    ]
    assert [(c.value, c.count) for c in results.facets["year"]] == [("2024", 1)]

    with indexed():
        resource.delete()
    assert titles("conseil citoyen") == set()


def test_resource_under_a_restricted_collection_is_never_found(indexed):
    private = Collection.get_first_root_node().add_child(name="Groupe de travail")
    below = private.add_child(name="Comptes rendus")
    with indexed():
        resource = make_resource("Compte rendu interne", "Les conseils citoyens en difficulté.")
        resource.collection = below
        resource.save()
    assert titles("conseil citoyen") == {"Compte rendu interne"}

    with indexed():
        CollectionViewRestriction.objects.create(
            collection=private, restriction_type=CollectionViewRestriction.LOGIN
        )
    assert titles("conseil citoyen") == set()


# --- Participation: spaces and proposals ------------------------------------------------------
@pytest.fixture
def spaces(indexed, sante):
    invited = UserFactory()
    with indexed():
        public = make_space("Jardins partagés au quartier")
        private = make_space(
            "Jardins partagés du groupe régional",
            visibility=Visibility.PRIVATE,
            memberships=[invited],
        )
        for space in (public, private):
            space.thematiques = [sante]
            space.save()
        ProposalFactory(space=public, title="Participer à l’entretien des jardins")
        ProposalFactory(space=private, title="Participer aux jardins du groupe").thematiques.set(
            [sante]
        )
    return public, private, invited


PUBLIC = {"Jardins partagés au quartier", "Participer à l’entretien des jardins"}
PRIVATE = {"Jardins partagés du groupe régional", "Participer aux jardins du groupe"}


def test_private_space_and_its_proposals_are_found_by_invited_members_only(spaces):
    *_, invited = spaces

    for outsider in (VISITOR, UserFactory()):
        results = search_as(outsider, "jardin")
        assert {h.title for h in results.hits} == PUBLIC
        assert results.total == 2
        assert kind_counts(results) == {"demarche": 1, "proposition": 1}
        assert [(c.value, c.count) for c in results.facets["thematique"]] == [("sante", 1)]
        assert search_as(outsider, "jardin", kind=("proposition",)).total == 1

    results = search_as(invited, "jardin")
    assert {h.title for h in results.hits} == PUBLIC | PRIVATE
    assert kind_counts(results) == {"demarche": 2, "proposition": 2}
    assert [(c.value, c.count) for c in results.facets["thematique"]] == [("sante", 3)]


def test_inviting_a_member_or_opening_the_space_updates_who_finds_it(spaces, indexed):
    _, private, _ = spaces
    newcomer = UserFactory()
    with indexed():
        SpaceMembership.objects.create(space=private, user=newcomer)
    assert titles("jardin", newcomer) == PUBLIC | PRIVATE

    with indexed():
        private.visibility = Visibility.MEMBERS
        private.save_revision().publish()
    assert titles("jardin", UserFactory()) == PUBLIC | PRIVATE
    assert titles("jardin") == PUBLIC


def test_unpublished_space_takes_its_proposals_out(spaces, indexed):
    public, *_ = spaces
    with indexed():
        public.unpublish()
    assert titles("jardin") == set()


def test_drafts_are_never_found_and_publishing_adds_them(spaces, indexed):
    public, *_ = spaces
    with indexed():
        draft = ProposalFactory(
            space=public, title="Composter au pied des immeubles", published_at=None
        )
    assert titles("compost") == set()

    with indexed():
        draft.published_at = draft.created_at
        draft.save()
    assert titles("compost") == {"Composter au pied des immeubles"}


def test_hidden_proposal_leaves_and_comes_back_when_restored(spaces, indexed):
    public, *_ = spaces
    proposal = public.proposals.get()
    with indexed():
        moderation.hide(None, proposal)
    assert titles("jardin") == {"Jardins partagés au quartier"}

    with indexed():
        moderation.unhide(None, proposal)
    assert titles("jardin") == PUBLIC


def test_blocking_an_author_takes_their_proposals_out(spaces, indexed):
    public, *_ = spaces
    proposal = public.proposals.get()
    with indexed():
        moderation.block(UserFactory(), proposal.author, "Spam")
    assert titles("jardin") == {"Jardins partagés au quartier"}


def test_withdrawn_proposal_stays_and_says_so_merged_one_leaves(spaces, indexed):
    public, *_ = spaces
    kept = public.proposals.get()
    with indexed():
        duplicate = ProposalFactory(space=public, title="Participer aux jardins en famille")
    assert "Participer aux jardins en famille" in titles("jardin")

    with indexed():
        kept = answers.merge(UserFactory(is_superuser=True), duplicate, kept)
        authoring.withdraw(kept.author, kept)
    assert titles("participer") == {"Participer à l’entretien des jardins (retirée)"}


def test_official_answer_is_searchable(spaces, indexed):
    public, *_ = spaces
    proposal = public.proposals.get()
    with indexed():
        answers.answer(
            UserFactory(is_superuser=True), proposal, "accepted", "Une convention avec le bailleur."
        )
    assert titles("conventions bailleurs") == {"Participer à l’entretien des jardins"}


# --- Rebuilding ---------------------------------------------------------------------------------
def test_search_reindex_covers_every_registered_kind(spaces, indexed):
    public, *_ = spaces
    NewsPageFactory(parent=NewsIndexPageFactory())
    ExperiencePageFactory(parent=ExperienceIndexPageFactory())
    ThematiquePageFactory(
        parent=ThematiqueIndexPageFactory(), thematique=Thematique.objects.get(slug="culture")
    )
    make_resource("Guide", "Texte.")
    CommentFactory(content_object=DebateFactory(space=public), comment="Un avis.")
    ResultFactory(space=make_space("Suivi des jardins", modules=["accountability"]))
    EventFactory()
    profile = UserFactory().profile
    profile.in_directory = True
    profile.save()
    SearchEntry.objects.all().delete()

    call_command("search_reindex", stdout=io.StringIO())

    indexed_kinds = set(SearchEntry.objects.values_list("kind", flat=True))
    assert indexed_kinds == {registration.kind for registration in registry}
    assert len(indexed_kinds) >= 9  # profiles, spaces, editorial x3, resources, proposals…
