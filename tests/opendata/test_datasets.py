"""The rebuilt files: their columns, metadata and licence, formula-safe cells, small
counts hidden, and nothing an anonymous visitor would not see."""

import csv
import io
import json
import zipfile

import pytest
from django.core.files.storage import default_storage
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Collection, CollectionViewRestriction

from opendata import files, registry
from opendata.tasks import build_open_data
from participation.spaces.api import Visibility
from tests.factories import (
    DebateFactory,
    EventFactory,
    ProposalFactory,
    ResourceFactory,
    make_space,
    panorama_member,
)

SENTINEL = "sentinelle-7f3a9c"
pytestmark = pytest.mark.django_db


def read(name):
    with default_storage.open(files.storage_name(name)) as handle:
        return handle.read().decode("utf-8")


def queries_for(slug):
    with CaptureQueriesContext(connection) as captured:
        list(registry.get_dataset(slug).rows())
    return len(captured)


def csv_rows(slug):
    return list(csv.DictReader(io.StringIO(read(f"{slug}.csv").lstrip("\ufeff"))))


@pytest.fixture
def content(member):
    public = make_space("Démarche ouverte", modules=["proposals", "debates"])
    private = make_space(
        "Groupe restreint", visibility=Visibility.PRIVATE, modules=["proposals", "debates"]
    )
    ProposalFactory(space=public, title='=HYPERLINK("http://exemple.fr") appel')
    ProposalFactory(space=public, title=f"Masquée {SENTINEL}", is_hidden=True)
    ProposalFactory(space=public, title=f"Brouillon {SENTINEL}", published_at=None)
    ProposalFactory(space=private, title=f"Privée {SENTINEL}")
    DebateFactory(space=public, title="Faut-il ouvrir les données ?")
    DebateFactory(space=private, title=f"Débat privé {SENTINEL}")
    EventFactory(title="Rencontre régionale")
    EventFactory(title=f"Atelier privé {SENTINEL}", space=private)
    ResourceFactory(title="Guide ouvert")
    restricted = Collection.get_first_root_node().add_child(name="Réservé")
    CollectionViewRestriction.objects.create(
        collection=restricted, restriction_type=CollectionViewRestriction.LOGIN
    )
    ResourceFactory(title=f"Document réservé {SENTINEL}", collection=restricted)
    return public


def test_rebuild_writes_every_dataset_with_only_public_items(content):
    """Also the formula guard of the CSV, the columns and licence in the metadata and
    the archive: one build for all (each build costs)."""
    counts = build_open_data.call()

    assert set(counts) == {dataset.slug for dataset in registry.datasets()}
    everything = ""
    for dataset in registry.datasets():
        for kind in files.KINDS:
            everything += read(files.filename(dataset, kind))
    assert SENTINEL not in everything
    assert [row["titre"] for row in csv_rows("propositions")] == [
        '\'=HYPERLINK("http://exemple.fr") appel'
    ]
    assert [row["question"] for row in csv_rows("debats")] == ["Faut-il ouvrir les données ?"]
    assert [row["titre"] for row in csv_rows("evenements")] == ["Rencontre régionale"]
    assert [row["titre"] for row in csv_rows("ressources")] == ["Guide ouvert"]
    assert counts["propositions"] == 1

    sidecar = json.loads(read("propositions.metadata.json"))
    document = json.loads(read("propositions.json"))
    columns = [column.name for column in registry.get_dataset("propositions").columns]
    assert sidecar["licence"] == "Licence Ouverte / Etalab 2.0"
    assert [column["nom"] for column in sidecar["colonnes"]] == columns
    assert all(column["description"] for column in sidecar["colonnes"])
    assert sidecar["lignes"] == 1
    assert document["metadata"]["licence"] == "Licence Ouverte / Etalab 2.0"
    # JSON keeps the text as typed: only the CSV needs the formula guard.
    assert document["donnees"][0]["titre"].startswith("=HYPERLINK")
    assert list(document["donnees"][0]) == columns
    assert read("propositions.csv").startswith("\ufeff" + ",".join(columns))

    with default_storage.open(files.storage_name(files.ARCHIVE)) as handle:
        archive = zipfile.ZipFile(io.BytesIO(handle.read()))
    expected = {
        files.filename(dataset, kind) for dataset in registry.datasets() for kind in files.KINDS
    }
    assert set(archive.namelist()) == expected
    assert b"Etalab 2.0" in archive.comment
    assert archive.read("debats.csv").decode("utf-8") == read("debats.csv")

    # Queries per dataset do not grow with its rows (chunked reads, prefetches).
    few = {slug: queries_for(slug) for slug in ("propositions", "debats", "evenements")}
    ProposalFactory.create_batch(5, space=content)
    DebateFactory.create_batch(5, space=content)
    EventFactory.create_batch(5)
    assert {slug: queries_for(slug) for slug in few} == few


def test_panorama_hides_small_counts():
    for _ in range(6):
        panorama_member("59")
    panorama_member("62")
    build_open_data.call()

    rows = {(row["indicateur"], row["modalite"]): row for row in csv_rows("panorama")}
    assert rows[("Départements", "Nord (59)")]["effectif"] == "6"
    assert rows[("Départements", "Pas-de-Calais (62)")]["effectif"] == "moins de 5"
    assert rows[("Ensemble", "Membres du panorama")]["effectif"] == "7"


def test_a_failed_write_leaves_the_previous_file_whole():
    with files.atomic_file("essai.csv") as handle:
        handle.write("ancien contenu complet\n")
    with pytest.raises(RuntimeError), files.atomic_file("essai.csv") as handle:
        handle.write("début du nouveau")
        raise RuntimeError("coupure")

    assert read("essai.csv") == "ancien contenu complet\n"
    assert default_storage.listdir(files.FOLDER)[1] == ["essai.csv"]  # no temporary left
