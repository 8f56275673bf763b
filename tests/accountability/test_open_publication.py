"""The follow-up outside the site: the read API's /suivis/ and the open dataset
« resultats-suivi » give the results of the spaces a caller may see, with the progress the
module's rules compute, and nothing of a private space."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from opendata import registry
from participation.spaces.api import SpaceMembership, Visibility
from tests.accountability.conftest import closed_phase
from tests.api.helpers import bearer, walk
from tests.factories import AccountabilityStatusFactory, ResultFactory, make_space

SENTINEL = "sentinelle-5c81e2"
URL = "/api/v1/suivis/"
pytestmark = pytest.mark.django_db


@pytest.fixture
def private_result(db):
    private = make_space(
        "Groupe restreint",
        visibility=Visibility.PRIVATE,
        phases=closed_phase(),
        modules=["accountability"],
    )
    return ResultFactory(space=private, title=f"Chantier {SENTINEL}")


@pytest.fixture
def programme(space, statuses):
    parent = ResultFactory(space=space, title="Programme 2026")
    ResultFactory(space=space, parent=parent, status=statuses["Réalisé"])
    ResultFactory(space=space, parent=parent, status=statuses["En cours"])
    ResultFactory(space=space, parent=parent, status=statuses["Abandonné"])
    return parent


def test_api_lists_visible_results_with_their_computed_progress(client, programme, private_result):
    rows, _pages = walk(client, URL, limite=2)
    by_title = {row["titre"]: row for row in rows}
    assert len(rows) == 4 and SENTINEL not in str(rows)
    assert by_title["Programme 2026"]["avancement"] == 75  # mean of 100 and 50, abandoned left out
    done = next(row for row in rows if row["etat"] == "Réalisé")
    assert done["avancement"] == 100 and done["parent"] == programme.pk


def test_an_invited_member_reads_the_private_space_results_with_a_token(
    client, member, private_result
):
    SpaceMembership.objects.create(space=private_result.space, user=member)
    assert SENTINEL not in str(walk(client, URL)[0])
    assert SENTINEL in str(walk(client, URL, bearer(member))[0])


def test_api_page_costs_the_same_queries_whatever_its_size(client, space, statuses):
    def queries(count):
        while space.accountability_results.count() < count:
            ResultFactory(space=space, status=statuses["En cours"])
        with CaptureQueriesContext(connection) as captured:
            assert client.get(URL, {"limite": 100}).status_code == 200
        return len(captured)

    assert queries(1) == queries(12)


def test_open_dataset_has_public_results_only(programme, private_result):
    AccountabilityStatusFactory(space=private_result.space, name="Privé", progress=10)
    dataset = registry.get_dataset("resultats-suivi")
    rows = [dict(zip(dataset.column_names, row, strict=True)) for row in dataset.rows()]
    assert len(rows) == 4 and SENTINEL not in str(rows)
    assert {row["titre"]: row["avancement"] for row in rows}["Programme 2026"] == 75
