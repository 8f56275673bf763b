"""The "Suivi" section of the space page, the list and a result's page: what they show,
and a number of queries that does not grow with the results or the timeline."""

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
