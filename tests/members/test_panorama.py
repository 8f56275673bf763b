"""The panorama: only members who opted in, small counts never shown (page and CSV, under
every filter), exact cache, constant queries, frozen snapshots."""

import csv
import io
import itertools

import pytest
from django.core.cache import cache
from django.urls import reverse

from content.charts import SMALL_GROUP_LABEL
from members.models import PanoramaSnapshot, Profile, StructureType
from members.panorama.charts import build_panorama
from members.panorama.figures import compute_figures
from members.panorama.views import csv_download as panorama_csv_response
from taxonomy.models import Region
from tests.factories import UserFactory, panorama_member

pytestmark = pytest.mark.django_db

SENTINEL = "sentinelle-7f3a9c"
PANORAMA = reverse("members:panorama")
CSV = reverse("members:panorama_csv")
EXCLUSIVE = ["structure_type", "region", "time_share", "team_size"]


@pytest.fixture
def network():
    """12 members in the panorama: 7 EPCI in the Nord, 3 communes in Seine-Saint-Denis,
    2 préfecture agents in the Rhône; 2 members who did not opt in."""
    for _n in range(7):
        panorama_member("59", "epci", missions=["contrat_de_ville"], time_share="25-50")
    for _n in range(3):
        panorama_member("93", "commune", missions=["contrat_de_ville", "gusp"])
    for _n in range(2):
        panorama_member("69", "etat", team_size="1")
    for _n in range(2):
        user = UserFactory(display_name=f"Membre {SENTINEL}")
        Profile.objects.filter(user=user).update(
            in_directory=True, structure_type="region", departement_id=None
        )


def _chart_counts(response):
    panorama = response.context["panorama"]
    return panorama, [bar.count for chart in panorama.all_charts() for bar in chart.rows]


def _filter_combinations():
    regions = [None, *Region.objects.filter(departements__code__in=["59", "93", "69", "974"])]
    # The types of the data, and one nobody has.
    types = ["", "epci", "commune", "etat", StructureType.BAILLEUR]
    return itertools.product(regions, types)


def _params(region, structure_type):
    return {"region": region.pk if region else "", "structure_type": structure_type}


def test_only_members_who_opted_in_are_counted(client, network):
    panorama, _counts = _chart_counts(client.get(PANORAMA))
    assert panorama.total == 12
    types = {bar.label: bar.count for bar in panorama.charts["structure_type"].rows}
    assert types["EPCI (intercommunalité)"] == 7
    assert types["Région"] is None  # the two who did not opt in are not there


def test_no_count_under_five_is_shown_under_any_filter_combination(network):
    """Every région × structure type of the data (charts and CSV built as the views do)."""
    for region, structure_type in _filter_combinations():
        panorama = build_panorama(compute_figures(region, structure_type))
        counts = [bar.count for chart in panorama.all_charts() for bar in chart.rows]
        assert all(count is None or count >= 5 for count in counts), (region, structure_type)
        if panorama.total < 5:
            assert set(counts) == {None}, (region, structure_type)  # not even the zeros
        exclusive = [panorama.departements, *(panorama.charts[key] for key in EXCLUSIVE)]
        for chart in exclusive:
            # A single hidden cell among categories adding up to the total would be
            # recomputed by subtraction.
            hidden = [bar for bar in chart.rows if bar.count is None]
            assert chart.suppressed_total or len(hidden) != 1, chart.title
        response = panorama_csv_response(panorama, "panorama.csv")
        text = b"".join(response.streaming_content).decode("utf-8-sig")
        rows = list(csv.reader(io.StringIO(text)))
        assert rows[0] == ["Indicateur", "Modalité", "Effectif", "Part (%)"]
        for row in rows[1:]:
            assert row[2] == str(SMALL_GROUP_LABEL) or int(row[2].replace("\u202f", "")) >= 5


def test_pages_and_csv_downloads_apply_the_filters(client, network):
    nord = Region.objects.get(departements__code="59")
    for params in ({}, {"region": nord.pk}, {"region": nord.pk, "structure_type": "commune"}):
        page = client.get(PANORAMA, params)
        csv_text = b"".join(client.get(CSV, params).streaming_content).decode("utf-8-sig")
        total = page.context["panorama"].total
        assert total == {0: 12, 1: 7, 2: 0}[len(params)]
        expected = str(total) if total >= 5 else str(SMALL_GROUP_LABEL)
        assert f"Ensemble,Membres du panorama,{expected}," in csv_text


def test_filtered_group_under_five_shows_only_moins_de_5(client, network):
    rhone = Region.objects.get(departements__code="69")
    response = client.get(PANORAMA, {"region": rhone.pk})
    html = response.content.decode()
    panorama, counts = _chart_counts(response)
    assert panorama.total == 2 and set(counts) == {None}
    assert "Moins de 5 membres correspondent à ces critères" in html


def test_bad_filter_values_are_ignored_with_a_message(client, network):
    response = client.get(PANORAMA, {"region": "999999", "structure_type": "<script>"})
    assert response.status_code == 200
    assert response.context["panorama"].total == 12
    assert "<script>" not in response.content.decode()


def test_map_draws_every_departement_overseas_included(client, network):
    html = client.get(PANORAMA).content.decode()
    for name in ("Guadeloupe", "Martinique", "Guyane", "La Réunion", "Mayotte"):
        assert f">{name}</text>" in html
    assert html.count("<path d=") == 96
    assert "Nord (59) : 7" in html  # shown: 7 members
    assert "Rhône (69) : moins de 5" in html  # hatched, not coloured


def test_figures_are_recomputed_as_soon_as_a_profile_changes(client, network):
    assert client.get(PANORAMA).context["panorama"].total == 12
    panorama_member("59", "epci")
    assert client.get(PANORAMA).context["panorama"].total == 13
    Profile.objects.filter(structure_type="epci").update(in_panorama=False)
    assert client.get(PANORAMA).context["panorama"].total == 5


@pytest.mark.parametrize("count", [5, 20])
def test_panorama_query_count_does_not_grow_with_members(
    client, django_assert_max_num_queries, count
):
    for n in range(count):
        panorama_member("59" if n % 2 else "93", missions=["gusp"])
    cache.clear()  # figures computed, not served from the cache
    with django_assert_max_num_queries(24):
        response = client.get(PANORAMA)
    assert response.context["panorama"].total == count


def test_snapshot_keeps_its_figures_when_profiles_change(client, editor_client, network):
    response = editor_client.post(reverse("panoramasnapshot:add"), {"title": "Panorama 2025"})
    assert response.status_code == 302
    snapshot = PanoramaSnapshot.objects.get()
    assert snapshot.figures["total"] == 12
    for _n in range(6):
        panorama_member("13", "bailleur")
    Profile.objects.filter(structure_type="epci").update(in_panorama=False)

    live = client.get(PANORAMA)
    frozen = client.get(snapshot.get_absolute_url())
    assert live.context["panorama"].total == 11
    assert frozen.context["panorama"].total == 12
    assert "Comparer avec « Panorama 2025 »" in live.content.decode()
    types = {
        bar.label: bar.count for bar in frozen.context["panorama"].charts["structure_type"].rows
    }
    assert types["EPCI (intercommunalité)"] == 7


def test_members_cannot_publish_a_snapshot(member_client, network):
    member_client.post(reverse("panoramasnapshot:add"), {"title": "Panorama pirate"})
    assert not PanoramaSnapshot.objects.exists()


def test_panorama_pages_show_no_email_address(client, network):
    snapshot = PanoramaSnapshot.objects.create(
        title="Panorama 2025",
        figures={
            "total": 0,
            **{
                key: []
                for key in (
                    "structure_type",
                    "region",
                    "departement",
                    "missions",
                    "thematiques",
                    "team_size",
                    "time_share",
                )
            },
        },
    )
    for url in (PANORAMA, CSV, snapshot.get_absolute_url()):
        response = client.get(url)
        body = response.content if not response.streaming else b"".join(response.streaming_content)
        assert b"@exemple.fr" not in body
