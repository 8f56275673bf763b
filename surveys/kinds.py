"""The kinds of question a survey asks: the `field_type` codes of Wagtail's form builder
(its own codes where the kind is the same: short and long text, single and multiple
choice, date, number), plus the kinds surveys add."""

from django.utils.translation import gettext_lazy as _

SHORT = "singleline"
LONG = "multiline"
SINGLE = "radio"
MULTIPLE = "checkboxes"
SCALE = "scale"
RANKING = "ranking"
MATRIX = "matrix"
DATE = "date"
NUMBER = "number"
SECTION = "section"

CHOICES = [
    (SHORT, _("Texte court")),
    (LONG, _("Texte long")),
    (SINGLE, _("Choix unique")),
    (MULTIPLE, _("Choix multiple")),
    (SCALE, _("Échelle de 1 à 5")),
    (RANKING, _("Classement")),
    (MATRIX, _("Grille de choix (lignes × colonnes)")),
    (DATE, _("Date")),
    (NUMBER, _("Nombre")),
    (SECTION, _("Titre de section (pas une question)")),
]

# Kinds whose options come from the question's "choices".
WITH_CHOICES = {SINGLE, MULTIPLE, RANKING, MATRIX}
# Kinds that may offer an "Autre" answer written by the respondent.
WITH_OTHER = {SINGLE, MULTIPLE}
# Kinds counted in the results charts; the others are free answers, shown to editors only.
CHARTED = {SINGLE, MULTIPLE, SCALE, RANKING, MATRIX}
FREE = {SHORT, LONG, DATE, NUMBER}

SCALE_VALUES = [1, 2, 3, 4, 5]
# The stored value of the "Autre" choice: no editor's choice can be spelled like it.
OTHER = "__autre__"
