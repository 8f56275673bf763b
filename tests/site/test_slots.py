"""The slots of shared HTML (`maillage.slots`): one secret per kind of HTML, markers no
escaped text can imitate, and the CSRF field both kinds fill in, to the byte."""

import re

from django.test import RequestFactory
from django.utils.html import escape

from maillage.slots import Slots, csrf_field
from participation.comments import personal
from proposals import cards

# The token is masked anew at each call: the rest of the field, to the byte.
FIELD = re.compile(r'<form><input type="hidden" name="csrfmiddlewaretoken" value="\w{64}"></form>')


def test_each_kind_of_shared_html_has_its_own_markers():
    card, thread = cards.slots()["csrf"], personal.slots()["csrf"]
    assert card != thread
    assert card == Slots("proposals.cards").marker("csrf")
    assert personal.slot("own", 4, 7) == f"<!--{personal.MARKERS.secret()}:own:4:7-->"
    assert escape(card) != card  # a member's text, always escaped, never is a marker


def test_both_personalizations_fill_the_same_csrf_field():
    request = RequestFactory().get("/p/?order=recent")
    request.user = None
    assert FIELD.fullmatch(f"<form>{csrf_field(request)}</form>")
    assert FIELD.fullmatch(cards.personalize(f"<form>{cards.slots()['csrf']}</form>", request))
    html = f"<form>{personal.slots()['csrf']}</form>"
    assert FIELD.fullmatch(personal.personalize(html, request))
