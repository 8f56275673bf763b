"""Tokens (created in the account, shown once, stored hashed, revocable), the 401 of a
wrong token, the rate limit, conditional answers and CORS: what every endpoint gets from
`api.gateway`."""

import hashlib
import re

import pytest
from django.test import Client
from django.utils.http import http_date

from api.models import ApiToken
from tests.api.helpers import bearer
from tests.factories import EventFactory, UserFactory

pytestmark = pytest.mark.django_db
TOKENS = "/api/jetons/"


def _created_token(client, name):
    response = client.post(TOKENS, {"name": name})
    assert response.status_code == 200
    return response, re.search(r'value="(mlg_[^"]+)"', response.content.decode()).group(1)


def test_a_member_creates_a_token_shown_once_and_stored_hashed(member_client, member):
    response, raw = _created_token(member_client, "Site du centre de ressources")
    assert response["Cache-Control"] == "no-store"

    token = ApiToken.objects.get(user=member)
    assert token.key_hash == hashlib.sha256(raw.encode()).hexdigest()
    assert token.display_prefix == raw[:10] and token.name == "Site du centre de ressources"
    stored = [str(value) for value in ApiToken.objects.values_list().get()]
    assert not any(raw in value for value in stored)
    listing = member_client.get(TOKENS).content.decode()
    assert raw not in listing and token.display_prefix in listing and "jamais utilisé" in listing

    answer = Client().get("/api/v1/thematiques/", HTTP_AUTHORIZATION=f"Bearer {raw}")
    assert answer.status_code == 200
    token.refresh_from_db()
    assert token.last_used_at is not None


def test_tokens_page_is_for_logged_in_members_only(client):
    assert client.get(TOKENS).status_code == 302
    assert client.post(TOKENS, {"name": "Essai"}).status_code == 302
    assert not ApiToken.objects.exists()


def test_revoked_or_wrong_token_is_refused_with_a_french_401(member_client, member):
    _response, raw = _created_token(member_client, "Script")
    token = ApiToken.objects.get()

    other = Client()
    other.force_login(UserFactory())
    assert other.post(f"{TOKENS}{token.pk}/revoquer/").status_code == 404
    assert ApiToken.objects.filter(pk=token.pk).exists()

    response = member_client.post(f"{TOKENS}{token.pk}/revoquer/", follow=True)
    assert "est révoqué" in response.content.decode()
    assert not ApiToken.objects.exists()

    for header in (f"Bearer {raw}", "Bearer mlg_nimporte-quoi", "Basic dXNlcjpwYXNz"):
        refused = Client().get("/api/v1/demarches/", HTTP_AUTHORIZATION=header)
        assert refused.status_code == 401
        assert refused.json()["detail"].startswith("Jeton d’accès invalide ou révoqué")
        assert refused["WWW-Authenticate"].startswith("Bearer")
        assert refused["Access-Control-Allow-Origin"] == "*"


def test_token_of_a_deactivated_member_is_refused(member):
    headers = bearer(member)
    member.is_active = False
    member.save()
    assert Client().get("/api/v1/demarches/", **headers).status_code == 401


def test_over_the_rate_limit_the_answer_is_429_with_retry_after(settings, member):
    settings.MAILLAGE_RATE_LIMITS = {**settings.MAILLAGE_RATE_LIMITS, "api": "2/m"}
    anonymous = Client()
    assert [anonymous.get("/api/v1/thematiques/").status_code for _ in range(2)] == [200, 200]
    refused = anonymous.get("/api/v1/thematiques/")
    assert refused.status_code == 429
    assert 1 <= int(refused["Retry-After"]) <= 60
    assert refused.json()["detail"].startswith("Trop de requêtes")

    # A token counts on its own, whatever the address has used.
    headers = bearer(member)
    statuses = [anonymous.get("/api/v1/thematiques/", **headers).status_code for _ in range(3)]
    assert statuses == [200, 200, 429]


def test_etag_and_last_modified_give_304_until_the_list_changes(client):
    EventFactory(title="Rencontre de printemps")
    first = client.get("/api/v1/evenements/")
    etag, last_modified = first["ETag"], first["Last-Modified"]
    assert first.status_code == 200 and "Authorization" in first["Vary"]

    again = client.get("/api/v1/evenements/", HTTP_IF_NONE_MATCH=etag)
    assert again.status_code == 304 and again.content == b""
    since = client.get("/api/v1/evenements/", HTTP_IF_MODIFIED_SINCE=last_modified)
    assert since.status_code == 304

    EventFactory(title="Rencontre d’été")
    changed = client.get("/api/v1/evenements/", HTTP_IF_NONE_MATCH=etag)
    assert changed.status_code == 200 and changed["ETag"] != etag
    older = http_date(0)
    assert client.get("/api/v1/evenements/", HTTP_IF_MODIFIED_SINCE=older).status_code == 200


def test_cors_allows_reading_only_without_credentials(client, member):
    response = client.get("/api/v1/structures/", HTTP_ORIGIN="https://partenaire.exemple.fr")
    assert response["Access-Control-Allow-Origin"] == "*"
    assert "Access-Control-Allow-Credentials" not in response

    preflight = client.options(
        "/api/v1/structures/",
        HTTP_ORIGIN="https://partenaire.exemple.fr",
        HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET",
        HTTP_ACCESS_CONTROL_REQUEST_HEADERS="authorization",
    )
    assert preflight.status_code == 204
    assert preflight["Access-Control-Allow-Origin"] == "*"
    assert preflight["Access-Control-Allow-Methods"] == "GET, HEAD, OPTIONS"
    assert "Authorization" in preflight["Access-Control-Allow-Headers"]
    assert "Access-Control-Allow-Credentials" not in preflight

    head = client.head("/api/v1/structures/")
    assert head.status_code == 200 and head.content == b"" and head["ETag"]
    assert client.post("/api/v1/structures/").status_code == 405
    token_answer = client.get("/api/v1/structures/", **bearer(member))
    assert token_answer["Cache-Control"] == "private, no-cache"


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("/api/v1/evenements/?date_min=2025-02-30", "Paramètre « date_min » invalide"),
        ("/api/v1/actualites/?modifie_depuis=hier", "Paramètre « modifie_depuis » invalide"),
        ("/api/v1/debats/?curseur=pas-un-curseur", "Curseur invalide"),
        ("/api/v1/demarches/?curseur=WzEsMl0", "Curseur invalide"),
        ("/api/v1/structures/?limite=1000", "Paramètre « limite » invalide"),
        ("/api/v1/propositions/?etat=perdue", "Paramètre « etat » invalide"),
        ("/api/v1/ressources/?thematique=inconnue", "Thématique inconnue : « inconnue »"),
        ("/api/v1/structures/?region=99", "Région inconnue : « 99 »"),
        ("/api/v1/evenements/?departement=2C", "Département inconnu : « 2C »"),
        ("/api/v1/debats/?demarche=abc", "Paramètre « demarche » invalide"),
        ("/api/v1/evenements/?date_min=2025-03-01&date_max=2025-01-01", "Période invalide"),
    ],
)
def test_bad_filters_get_a_french_400(client, url, message):
    response = client.get(url)
    assert response.status_code == 400
    assert response.json()["detail"].startswith(message)
