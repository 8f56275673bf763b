import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection
from django.test import Client

from participation.notifications.api import notify
from tests.factories import UserFactory, conversation_between

pytestmark = pytest.mark.django_db
ROOT = Path(settings.BASE_DIR)


def test_home_page_renders_in_the_french_layout(client):
    response = client.get("/")
    html = response.content.decode()

    assert response.status_code == 200
    assert '<html lang="fr">' in html
    assert 'class="skip-link" href="#contenu"' in html
    assert 'role="banner"' in html and 'id="contenu"' in html and 'role="contentinfo"' in html
    assert "Annuaire" in html
    assert "django_htmx/htmx-2.min.js" in html


def test_unknown_page_gives_a_french_404_in_the_layout(client):
    response = client.get("/cette-page-n-existe-pas/")
    assert response.status_code == 404
    assert "Page introuvable" in response.content.decode()
    assert 'class="skip-link"' in response.content.decode()


def test_form_posted_without_csrf_token_gives_a_french_explanation(member):
    client = Client(enforce_csrf_checks=True)
    client.force_login(member)
    response = client.post("/membres/mon-profil/", {})
    assert response.status_code == 403
    assert "Formulaire expiré" in response.content.decode()


def test_django_admin_is_not_exposed(client):
    assert client.get("/django-admin/").status_code == 404
    assert client.get("/admin/").status_code == 302  # Wagtail admin asks to log in


def test_robots_and_sitemap_are_served(client):
    assert "Disallow: /admin/" in client.get("/robots.txt").content.decode()
    assert client.get("/sitemap.xml").status_code == 200


@pytest.mark.skipif("DATABASE_URL" in os.environ, reason="le serveur embarqué n’est pas utilisé")
def test_embedded_database_is_reused_by_a_second_process():
    """This test's process reached the embedded server through the development settings
    (which the test settings extend); a second process that loads them finds the same
    server running instead of starting its own. Loading the settings is what asks for the
    server: the second process reads them without starting Django's apps (seconds)."""
    code = (
        "import psycopg; from maillage.settings import dev; d = dev.DATABASES['default']; "
        "c = psycopg.connect(dbname=d['NAME'], user=d['USER'], host=d['OPTIONS']['host'], "
        "port=d['OPTIONS']['port']); "
        "print(c.execute('select pg_postmaster_start_time()').fetchone()[0])"
    )
    with connection.cursor() as cursor:
        cursor.execute("select pg_postmaster_start_time()")
        first = str(cursor.fetchone()[0])
    base_env = {k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"}
    second = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env=base_env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert second.returncode == 0, second.stderr
    assert second.stdout.strip().splitlines()[-1] == first != ""


def test_server_error_page_is_french_and_self_contained(rf):
    from maillage.views import server_error

    response = server_error(rf.get("/"))
    assert response.status_code == 500
    assert "Une erreur est survenue" in response.content.decode()


def test_the_footer_shared_from_the_cache_offers_to_join_only_to_visitors(client, member_client):
    seen_by_visitor = client.get("/agenda/").text
    seen_by_member = member_client.get("/agenda/").text
    seen_again_by_visitor = client.get("/agenda/").text

    assert (
        "Rejoindre le réseau" in seen_by_visitor and "Rejoindre le réseau" in seen_again_by_visitor
    )
    assert "Rejoindre le réseau" not in seen_by_member and "Annuaire des membres" in seen_by_member


def _header(client):
    html = client.get("/").content.decode()
    return html[html.index('<header class="site-header"') : html.index("</header>")]


def test_a_phone_header_shows_what_is_unread_beside_the_menu(member, member_client):
    """Outside the "Menu" button (a phone hides the account links behind it): one link per
    kind of unread, named with its count in French (singular for 1)."""
    assert "header-alerts" not in _header(member_client)
    karim = UserFactory(display_name="Karim Benali")
    conversation = conversation_between(karim, member, body="Bonjour sentinelle-2f8b")
    header = _header(member_client)
    alerts = header[header.index('<ul class="header-alerts">') : header.index("<details")]
    assert '<span class="visually-hidden">1 notification non lue</span>' in alerts
    assert '<span class="visually-hidden">1 conversation non lue</span>' in alerts
    assert '1<span class="visually-hidden"> non lue</span>' in header  # in the menu
    notify(karim, "a écrit", conversation, recipients=[member], public=False)
    header = _header(member_client)
    assert "2 notifications non lues</span>" in header
    assert '2<span class="visually-hidden"> non lues</span>' in header
    assert "header-alerts" not in _header(Client())
