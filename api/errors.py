"""The API's refusals, in French, as {"detail": "..."} with the right status: a bad
filter or cursor is the caller's error (400), never a server error."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy


class BadRequest(Exception):
    """A filter or cursor the API cannot use; `message` says which and why."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message


# What each typed query parameter expects, said when the value does not parse.
EXPECTED = {
    "date_min": gettext_lazy("une date au format AAAA-MM-JJ"),
    "date_max": gettext_lazy("une date au format AAAA-MM-JJ"),
    "modifie_depuis": gettext_lazy(
        "une date et heure ISO 8601, par exemple 2025-01-31T08:00:00+01:00"
    ),
    "limite": gettext_lazy("un nombre entier de 1 à 100"),
    "demarche": gettext_lazy("l’identifiant numérique d’une démarche"),
}


def validation_message(errors):
    """One French sentence per parameter that did not parse (pydantic's errors)."""
    sentences = []
    for error in errors:
        name = str(error.get("loc", ["?"])[-1])
        expected = EXPECTED.get(name, gettext_lazy("une valeur permise (voir la documentation)"))
        sentences.append(
            _("Paramètre « %(name)s » invalide ; valeur attendue : %(expected)s.")
            % {"name": name, "expected": expected}
        )
    return " ".join(dict.fromkeys(sentences))
