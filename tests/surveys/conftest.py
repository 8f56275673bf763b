import pytest

from tests.factories import make_survey

EVERY_KIND = [
    {"label": "Votre structure", "field_type": "section", "required": False},
    {"label": "Votre fonction", "field_type": "singleline", "required": True},
    {"label": "Vos attentes", "field_type": "multiline", "required": False},
    {
        "label": "Le réseau vous est-il utile ?",
        "field_type": "radio",
        "choices": "Essentiel\nUtile\nPeu utile",
        "required": True,
    },
    {
        "label": "Pourquoi peu utile ?",
        "field_type": "multiline",
        "required": True,
        "condition_question": "Le réseau vous est-il utile ?",
        "condition_value": "Peu utile",
    },
    {
        "label": "Formats préférés",
        "field_type": "checkboxes",
        "choices": "Rencontres thématiques\nVisites de site\nGazette",
        "other_choice": True,
        "max_choices": 2,
        "required": False,
    },
    {"label": "Satisfaction", "field_type": "scale", "required": False},
    {
        "label": "Priorités",
        "field_type": "ranking",
        "choices": "Emploi\nÉducation\nSanté",
        "required": False,
    },
    {
        "label": "Fréquence",
        "field_type": "matrix",
        "choices": "Jamais\nParfois\nSouvent",
        "rows": "Webinaires\nRencontres",
        "required": False,
    },
    {"label": "Date de prise de poste", "field_type": "date", "required": False},
    {"label": "Taille de l’équipe", "field_type": "number", "required": False},
]

# A complete valid answer to EVERY_KIND, as posted by a browser.
VALID_POST = {
    "votre_fonction": "Cheffe de projet",
    "vos_attentes": "Des échanges",
    "le_reseau_vous_est_il_utile": "Utile",
    "formats_preferes": ["Gazette", "__autre__"],
    "formats_preferes__autre": "Podcasts",
    "satisfaction": "4",
    "priorites__0": "2",
    "priorites__1": "1",
    "priorites__2": "3",
    "frequence__0": "Souvent",
    "frequence__1": "Parfois",
    "date_de_prise_de_poste": "2024-09-02",
    "taille_de_lequipe": "3",
}


@pytest.fixture
def survey(db):
    return make_survey(EVERY_KIND)
