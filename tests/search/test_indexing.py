"""The index follows the content after each commit, and can be rebuilt at any time."""

import pytest
from django.contrib.auth.models import update_last_login
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from wagtail.models import PageViewRestriction

from home.models import HomePage
from search.backends import get_backend
from search.backends.base import SearchRequest
from search.models import SearchEntry
from taxonomy.models import Thematique

pytestmark = pytest.mark.django_db


def found(text):
    return [h.title for h in get_backend().search(SearchRequest(text=text)).hits]


def test_publishing_a_page_indexes_it_and_unpublishing_removes_it(
    make_page, django_capture_on_commit_callbacks
):
    page = make_page("Guide de la médiation sociale", live=False)
    assert found("médiation") == []

    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()
    assert found("médiation") == ["Guide de la médiation sociale"]

    page.refresh_from_db()
    with django_capture_on_commit_callbacks(execute=True):
        page.unpublish()
    assert found("médiation") == []


def test_editing_a_published_page_updates_the_index(make_page, django_capture_on_commit_callbacks):
    page = make_page("Guide de la médiation sociale")

    with django_capture_on_commit_callbacks(execute=True):
        page.title = "Guide de la prévention spécialisée"
        page.save_revision().publish()

    assert found("médiation") == []
    assert found("prévention") == ["Guide de la prévention spécialisée"]


def test_deleting_a_page_removes_it(make_page, django_capture_on_commit_callbacks):
    page = make_page("Guide de la médiation sociale")

    with django_capture_on_commit_callbacks(execute=True):
        page.delete()

    assert found("médiation") == []
    assert not SearchEntry.objects.exists()


def test_restricting_a_page_to_logged_in_users_removes_it(
    make_page, django_capture_on_commit_callbacks
):
    page = make_page("Guide de la médiation sociale")

    with django_capture_on_commit_callbacks(execute=True):
        restriction = PageViewRestriction.objects.create(
            page=page, restriction_type=PageViewRestriction.LOGIN
        )
    assert found("médiation") == []

    with django_capture_on_commit_callbacks(execute=True):
        restriction.delete()
    assert found("médiation") == ["Guide de la médiation sociale"]


def test_profile_leaves_the_search_when_its_owner_hides_it_or_is_deactivated(
    make_profile, django_capture_on_commit_callbacks
):
    profile = make_profile("Inès Garnier", job_title="Déléguée du préfet")
    assert found("déléguée") == ["Inès Garnier"]

    with django_capture_on_commit_callbacks(execute=True):
        profile.in_directory = False
        profile.save()
    assert found("déléguée") == []

    with django_capture_on_commit_callbacks(execute=True):
        profile.in_directory = True
        profile.save()
        profile.user.is_active = False
        profile.user.save()
    assert found("déléguée") == []


def test_a_member_saved_then_deleted_in_one_transaction_leaves_the_index(
    make_profile, django_capture_on_commit_callbacks
):
    """The re-indexing asked by the save runs after commit, when the member is gone."""
    profile = make_profile("Inès Garnier", job_title="Déléguée du préfet")
    with django_capture_on_commit_callbacks(execute=True):
        profile.user.first_name = "Inès-Marie"
        profile.user.save()
        profile.user.delete()

    assert found("déléguée") == []


def test_logging_in_does_not_rewrite_the_members_search_entry(
    make_profile, django_capture_on_commit_callbacks
):
    """A login stamps last_login only; rewriting the entry would expire every cached search."""
    profile = make_profile("Inès Garnier", job_title="Déléguée du préfet")
    indexed_at = SearchEntry.objects.get(title="Inès Garnier").indexed_at

    with django_capture_on_commit_callbacks(execute=True):
        update_last_login(None, profile.user)

    assert SearchEntry.objects.get(title="Inès Garnier").indexed_at == indexed_at


def test_changing_thematiques_updates_the_facets(make_profile, django_capture_on_commit_callbacks):
    profile = make_profile("Inès Garnier")
    sante = Thematique.objects.get(slug="sante")

    with django_capture_on_commit_callbacks(execute=True):
        profile.thematiques.add(sante)

    results = get_backend().search(SearchRequest(filters={"thematique": ("sante",)}))
    assert [h.title for h in results.hits] == ["Inès Garnier"]


def test_automatic_indexing_can_be_switched_off(make_profile, settings):
    settings.MAILLAGE_SEARCH_AUTO_INDEX = False

    make_profile("Inès Garnier", job_title="Déléguée du préfet")

    assert found("déléguée") == []


def test_reindex_command_rebuilds_everything_and_can_be_rerun(make_profile, make_page, settings):
    settings.MAILLAGE_SEARCH_AUTO_INDEX = False
    make_profile("Inès Garnier", job_title="Déléguée du préfet")
    make_page("Guide de la médiation sociale")
    SearchEntry.objects.create(  # left over from content deleted while indexing was off
        content_type=ContentType.objects.get_for_model(HomePage),
        object_id=999,
        kind="page",
        title="Disparu",
        title_plain="disparu",
        url="/disparu/",
        indexed_at="2020-01-01T00:00Z",
        principals=["public"],
    )

    call_command("search_reindex")
    call_command("search_reindex")

    indexed = set(SearchEntry.objects.values_list("title", flat=True))
    assert {"Guide de la médiation sociale", "Inès Garnier"} <= indexed
    assert "Disparu" not in indexed
