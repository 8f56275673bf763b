"""The header's parts kept in the exact cache (base.html, `main_nav`): each member's own,
never another's nor a visitor's, renewed as soon as what they show changes (also from
the process's own copy, `maillage_tags.fragments`), and never the CSRF token."""

import re
from types import SimpleNamespace

import pytest
from django.template import engines
from django.test import Client

from maillage.templatetags import maillage_tags
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db
TOKEN = re.compile(r'action="/comptes/logout/">\s*<input type="hidden" name="csrfmiddlewaretoken"')


def _header(client, path="/agenda/"):
    html = client.get(path).content.decode()
    return html[html.index('<header class="site-header"') : html.index("</header>")]


def test_each_member_sees_their_own_header_and_its_changes_at_once(member, member_client):
    other = UserFactory(display_name="Sentinelle-7f3a9c Autre")
    other_client = Client()
    other_client.force_login(other)

    assert "Claire Martin" in _header(member_client)
    theirs = _header(other_client)
    assert "Sentinelle-7f3a9c Autre" in theirs and "Claire Martin" not in theirs
    assert "Administration" not in _header(member_client)

    member.display_name = "Claire Renommée"
    member.is_staff = True
    member.save()
    mine = _header(member_client)
    assert "Claire Renommée" in mine and "Claire Martin" not in mine
    assert 'href="/admin/">Administration' in mine
    assert "Claire" not in _header(other_client)


def test_the_logout_form_gets_a_fresh_valid_token_from_a_cached_header(member):
    client = Client(enforce_csrf_checks=True)
    client.force_login(member)
    _header(client)  # the member's header is now cached
    header = _header(client)
    assert TOKEN.search(header)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', header).group(1)

    response = client.post("/comptes/logout/", {"csrfmiddlewaretoken": token})

    assert response.status_code == 302
    assert "Se connecter" in _header(client)


def test_the_navigation_marks_the_section_of_each_page(member_client):
    assert 'aria-current="page">Agenda' in _header(member_client, "/agenda/")
    assert 'aria-current="page">Annuaire' in _header(member_client, "/membres/annuaire/")
    on_agenda_again = _header(member_client, "/agenda/")
    assert on_agenda_again.count('aria-current="page"') == 1
    assert 'aria-current="page">Agenda' in on_agenda_again
    assert "aria-current" not in _header(member_client, "/")


def test_visitors_and_members_never_share_a_header(member, member_client):
    visitor = Client()
    first_for_visitor = _header(visitor)
    mine = _header(member_client)
    again_for_visitor = _header(visitor)

    assert "Claire Martin" in mine and "Se connecter" not in mine
    assert first_for_visitor == again_for_visitor
    assert "Claire Martin" not in again_for_visitor and "Se connecter" in again_for_visitor


def test_a_fragment_is_rendered_again_for_new_static_files(rf, monkeypatch):
    """Fragments hold `{% static %}` URLs: their keys name the static files' manifest."""
    fragment = engines["django"].from_string(
        '{% load maillage_tags %}{% exactcache "sentinelle-7f3a9c" %}{{ shown }}{% endexactcache %}'
    )
    request = rf.get("/")
    monkeypatch.setattr(maillage_tags, "staticfiles_storage", SimpleNamespace(manifest_hash="a"))
    first = fragment.render({"shown": "premier"}, request)
    cached = fragment.render({"shown": "second"}, request)
    monkeypatch.setattr(maillage_tags, "staticfiles_storage", SimpleNamespace(manifest_hash="b"))
    after_deploy = fragment.render({"shown": "second"}, request)

    assert (first, cached, after_deploy) == ("premier", "premier", "second")
