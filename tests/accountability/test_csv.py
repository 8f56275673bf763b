"""CSV import: all or nothing, one French message per wrong line, update by reference;
the export writes the same columns, formula-safe."""

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from accountability.models import Result
from tests.factories import ProposalFactory, ResultFactory, ThematiqueFactory

HEADER = "reference;titre;etat;avancement;debut;fin;thematiques;parent;propositions\n"


def _upload(client, space, text):
    return client.post(
        reverse("accountability:import", args=[space.pk]),
        {"file": SimpleUploadedFile("suivi.csv", text.encode("utf-8"), "text/csv")},
    )


def test_one_wrong_line_saves_nothing_and_each_error_names_its_line(
    space, statuses, moderator_client
):
    existing = ResultFactory(space=space, reference="R-1", title="Titre d’origine")
    text = (
        HEADER
        + "R-1;Titre mis à jour;En cours;;;;;;\n"
        + "R-2;Nouveau chantier;Terminé;;;;;;\n"
        + "R-3;Autre chantier;;150;;;;;\n"
        + "R-4;Dates à l’envers;;;10/05/2026;01/05/2026;;;\n"
    )
    response = _upload(moderator_client, space, text)
    page = response.content.decode()
    assert response.status_code == 200
    assert "Rien n’est enregistré : 3 erreurs à corriger" in page
    assert "Ligne 3 : l’état « Terminé » n’existe pas dans cette démarche" in page
    assert "Ligne 4 : l’avancement doit être compris entre 0 et 100." in page
    assert "Ligne 5 : La fin ne peut précéder le début." in page
    existing.refresh_from_db()
    assert existing.title == "Titre d’origine"
    assert Result.objects.count() == 1


def test_a_right_file_creates_updates_by_reference_and_links(space, statuses, moderator_client):
    thematique = ThematiqueFactory(slug="emploi", name="Emploi")
    proposal = ProposalFactory(space=space, state="accepted")
    existing = ResultFactory(space=space, reference="R-1", status=statuses["À lancer"])
    text = (
        HEADER
        + "R-1;Titre mis à jour;En cours;;01/02/2026;2026-12-31;emploi;;\n"
        + f"R-2;Sous-chantier;Réalisé;;;;Emploi;R-1;{proposal.pk}\n"
    )
    response = _upload(moderator_client, space, text)
    assert response.status_code == 302
    existing.refresh_from_db()
    assert existing.title == "Titre mis à jour"
    assert existing.status == statuses["En cours"]
    assert existing.entries.get().status == statuses["En cours"]  # the change is recorded
    assert list(existing.thematiques.all()) == [thematique]
    child = Result.objects.get(reference="R-2")
    assert child.parent == existing
    assert list(child.proposals.all()) == [proposal]


def test_missing_columns_are_reported_on_line_1(space, statuses, moderator_client):
    page = _upload(moderator_client, space, "nom;etat\nA;En cours\n").content.decode()
    assert "Ligne 1 : colonnes obligatoires absentes : reference, titre." in page
    assert not Result.objects.exists()


def test_member_cannot_import(space, statuses, member_client):
    response = _upload(member_client, space, HEADER + "R-9;Intrus;;;;;;;\n")
    assert response.status_code == 403
    assert not Result.objects.exists()


def test_export_is_formula_safe_and_reimportable(space, statuses, moderator_client):
    ResultFactory(space=space, reference="R-1", title="=HYPERLINK(1)", status=statuses["En cours"])
    response = moderator_client.get(reverse("accountability:export", args=[space.pk]))
    body = b"".join(response.streaming_content).decode("utf-8-sig")
    lines = body.splitlines()
    assert lines[0].startswith("reference,titre,description,etat,avancement")
    assert "'=HYPERLINK(1)" in lines[1]
    assert lines[1].endswith(",50")
