"""French typography that the site's settings and catalogue hold for every page."""

from datetime import date

from django.template import Context, Template
from django.utils.translation import gettext, ngettext, override


def test_zero_and_one_take_the_singular():
    with override("fr"):
        assert [ngettext("%d résultat", "%d résultats", n) % n for n in (0, 1, 2)] == [
            "0 résultat",
            "1 résultat",
            "2 résultats",
        ]
        template = Template(
            "{% load i18n %}{% blocktranslate count counter=n %}{{ counter }} commentaire"
            "{% plural %}{{ counter }} commentaires{% endblocktranslate %}"
        )
        assert template.render(Context({"n": 0})) == "0 commentaire"


def test_months_are_abbreviated_in_lowercase_and_logging_in_has_one_wording():
    with override("fr"):
        rendered = Template('{{ day|date:"j N Y" }}').render(Context({"day": date(2026, 12, 3)}))
        assert rendered == "3 déc. 2026"
        assert gettext("Sign In") == "Se connecter"  # django-allauth's title and button
