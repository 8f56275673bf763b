"""Finding 3: no cell of a CSV export can run as a spreadsheet formula, and an export with
no rows still has its header line. Each export is parsed back as a spreadsheet would."""

import csv
import io

import pytest
from django.urls import reverse

from events import services
from tests.factories import EventFactory, ProposalFactory, UserFactory, make_space

pytestmark = pytest.mark.django_db

FORMULAS = ['=HYPERLINK("https://evil.example")', "+1+1", "-2+3", "@SUM(A1)", "\tcmd", "\rcmd"]


def _parse(response, delimiter=","):
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    return list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))


@pytest.mark.parametrize("formula", FORMULAS)
def test_proposal_export_neutralises_formulas(client, formula):
    space = make_space("Données ouvertes")
    ProposalFactory(space=space, title=formula, body=formula)
    rows = _parse(client.get(reverse("proposals:export_csv", args=[space.slug])))
    header, row = rows
    assert row[header.index("titre")] == "'" + formula
    assert row[header.index("description")] == "'" + formula


def test_proposal_export_without_rows_keeps_its_header(client):
    space = make_space("Démarche sans proposition")
    rows = _parse(client.get(reverse("proposals:export_csv", args=[space.slug])))
    assert rows == [["id", "titre", "description", "auteurs", "thematiques", "mots_cles",
                     "territoire", "votes", "retenue", "commentaires", "etat", "reponse",
                     "retiree", "publiee_le", "adresse"]]  # fmt: skip


@pytest.mark.parametrize("formula", FORMULAS)
def test_registrants_export_neutralises_formulas(client, moderator, formula):
    event = EventFactory(organiser=moderator)
    services.register(UserFactory(display_name=formula), event)
    client.force_login(moderator)
    url = reverse("events:registrations", args=[event.pk])
    header, row = _parse(client.get(url, {"format": "csv"}), delimiter=";")
    assert header[0] == "Nom" and row[0] == "'" + formula


def test_registrants_export_without_rows_keeps_its_header(client, moderator):
    event = EventFactory(organiser=moderator)
    client.force_login(moderator)
    url = reverse("events:registrations", args=[event.pk])
    rows = _parse(client.get(url, {"format": "csv"}), delimiter=";")
    assert rows == [
        ["Nom", "E-mail", "Structure", "Statut", "Inscrit·e le", "Présent·e", "Ateliers"]
    ]
