"""The reference data speaks French typography, and the migration that retypesets it
leaves what an editor wrote alone."""

import pytest

from taxonomy.models import Departement, Region, Thematique
from taxonomy.reference_data import retypeset_apostrophes

pytestmark = pytest.mark.django_db


def test_shipped_names_have_typographic_apostrophes():
    assert Departement.objects.get(code="95").name == "Val-d’Oise"
    assert Region.objects.get(code="93").name == "Provence-Alpes-Côte d’Azur"
    assert not Thematique.objects.filter(description__contains="'").exists()


def test_retypesetting_changes_only_the_old_shipped_text():
    Departement.objects.filter(code="95").update(name="Val-d'Oise")
    Departement.objects.filter(code="21").update(name="Côte-d'Or (mon texte)")

    retypeset_apostrophes(Region, Departement, Thematique)

    assert Departement.objects.get(code="95").name == "Val-d’Oise"
    assert Departement.objects.get(code="21").name == "Côte-d'Or (mon texte)"
