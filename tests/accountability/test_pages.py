"""The "Suivi" section of the space page, the list and a result's page: what they show,
and a number of queries that does not grow with the results or the timeline."""

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from accountability.models import ProgressEntry
from participation.notifications.api import follow
from tests.factories import ResultFactory, ThematiqueFactory, UserFactory


def _results(space, statuses, count, thematique):
    results = []
    for number in range(count):
        result = ResultFactory(space=space, status=list(statuses.values())[number % 4])
        result.thematiques.set([thematique])
        ResultFactory(space=space, parent=result, progress=number)
        ProgressEntry.objects.bulk_create(
            ProgressEntry(result=result, date=timezone.localdate(), text=f"Étape {n}")
            for n in range(count)
        )
        follow(UserFactory(), result)
        results.append(result)
    return results


def test_the_section_shows_overall_progress_by_thematique_and_cards(space, statuses, client):
    thematique = ThematiqueFactory(name="Emploi et insertion")
    result = ResultFactory(space=space, status=statuses["En cours"], title="Chantier emploi")
    result.thematiques.set([thematique])
    ResultFactory(space=space, status=statuses["Réalisé"])
    page = client.get(space.url).content.decode()
    assert "Avancement général" in page
    assert '<progress max="100" value="75"' in page  # (50 + 100) / 2
    assert "75 %" in page
    assert "Emploi et insertion" in page
    assert "Chantier emploi" in page
    assert 'aria-label="Chantier emploi"' in page


def test_the_list_filters_by_status(space, statuses, client):
    ResultFactory(space=space, status=statuses["En cours"], title="Chantier en cours")
    ResultFactory(space=space, status=statuses["Réalisé"], title="Chantier terminé")
    url = reverse("accountability:list", args=[space.pk])
    page = client.get(url, {"status": statuses["Réalisé"].pk}).content.decode()
    assert "Chantier terminé" in page
    assert "Chantier en cours" not in page


def _queries(django_assert_max_num_queries, client, url, budget):
    with django_assert_max_num_queries(budget):
        assert client.get(url).status_code == 200


def test_queries_stay_constant_with_more_results_and_entries(
    space, statuses, member_client, django_assert_max_num_queries
):
    thematique = ThematiqueFactory()
    few = _results(space, statuses, 2, thematique)
    pages = [space.url, reverse("accountability:list", args=[space.pk]), few[0].get_absolute_url()]
    budgets = []
    for url in pages:
        with django_assert_max_num_queries(100) as captured:
            member_client.get(url)
        budgets.append(len(captured))
    many = _results(space, statuses, 6, thematique)
    for url, budget in zip(
        [space.url, reverse("accountability:list", args=[space.pk]), many[-1].get_absolute_url()],
        budgets,
        strict=True,
    ):
        _queries(django_assert_max_num_queries, member_client, url, budget)


def _reads(client, url, table):
    with CaptureQueriesContext(connection) as captured:
        page = client.get(url).content.decode()
    return page, any(f'"{table}"' in query["sql"] for query in captured)


def test_cached_list_and_result_page_follow_every_write(space, statuses, client, moderator_client):
    parent = ResultFactory(space=space, status=statuses["En cours"], title="Chantier parent")
    child = ResultFactory(space=space, parent=parent, progress=20, title="Sous-chantier")
    list_url = reverse("accountability:list", args=[space.pk])
    urls = [space.url, list_url, parent.get_absolute_url()]
    for url in urls:
        client.get(url)
    assert not _reads(client, space.url, "accountability_status")[1]
    # Served from the fragments: neither the tree nor the timeline is read again.
    assert not _reads(client, list_url, "accountability_status")[1]
    page, read = _reads(client, parent.get_absolute_url(), "accountability_progressentry")
    assert not read and "20 %" in page
    # A moderator gets the manager's links, the visitor still not.
    assert "Nouveau chantier" in moderator_client.get(list_url).content.decode()
    assert "Nouveau chantier" not in client.get(list_url).content.decode()
    assert "Nouveau chantier" in moderator_client.get(space.url).content.decode()
    assert "Nouveau chantier" not in client.get(space.url).content.decode()

    child.progress = 80
    child.save()
    ProgressEntry.objects.create(result=parent, date=timezone.localdate(), text="sentinelle-7f3a9c")
    statuses["En cours"].name = "sentinelle-4b1d2e"
    statuses["En cours"].save()
    for url in (space.url, list_url):
        assert '<progress max="100" value="80"' in client.get(url).content.decode()
    detail = client.get(parent.get_absolute_url()).content.decode()
    assert '<progress max="100" value="80"' in detail
    assert "sentinelle-7f3a9c" in detail
    assert "sentinelle-4b1d2e" in detail
