import pytest
from django.urls import reverse

from members.models import User
from privacy.models import Consent, LegalDocument
from tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db


def _sign_up(client, **extra):
    data = {
        "email": "nadia.haddad@exemple.fr",
        "display_name": "Nadia Haddad",
        "password1": "quartiers-prioritaires-2026",
        "password2": "quartiers-prioritaires-2026",
        **extra,
    }
    return client.post(reverse("account_signup"), data)


def test_sign_up_form_shows_the_consent_box_with_links_to_the_documents(client, legal_pages):
    page = client.get(reverse("account_signup")).content.decode()

    assert "J’accepte les conditions d’utilisation et j’ai lu la politique" in page
    assert legal_pages[LegalDocument.TERMS].url in page
    assert legal_pages[LegalDocument.PRIVACY].url in page


def test_sign_up_without_consent_is_refused_and_writes_nothing(client, legal_pages):
    response = _sign_up(client)

    assert response.status_code == 200
    assert "acceptez les conditions d’utilisation" in response.content.decode()
    assert not User.objects.filter(email="nadia.haddad@exemple.fr").exists()
    assert not Consent.objects.exists()


def test_sign_up_with_consent_stores_the_version_of_each_document(client, legal_pages):
    response = _sign_up(client, accept_terms="on")

    assert response.status_code == 302
    user = User.objects.get(email="nadia.haddad@exemple.fr")
    assert set(user.consents.values_list("document", "version")) == {
        ("terms", "1.0"),
        ("privacy", "1.0"),
    }
    assert all(consent.accepted_at for consent in user.consents.all())


def _login(client, user):
    return client.post(reverse("account_login"), {"login": user.email, "password": PASSWORD})


def test_a_new_terms_version_is_accepted_again_at_next_login(client, legal_pages):
    member = UserFactory()
    Consent.objects.create(user=member, document="terms", version="1.0")
    Consent.objects.create(user=member, document="privacy", version="1.0")
    terms = legal_pages[LegalDocument.TERMS]
    terms.version = "2.0"
    terms.save_revision().publish()

    _login(client, member)
    response = client.get(reverse("participation:follows"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("privacy:reconsent"))
    assert client.get(terms.url).status_code == 200  # the new terms stay readable

    refused = client.post(reverse("privacy:reconsent"), {"next": "/participer/abonnements/"})
    assert refused.status_code == 200
    assert not member.consents.filter(version="2.0").exists()

    accepted = client.post(
        reverse("privacy:reconsent"), {"accept_terms": "on", "next": "/participer/abonnements/"}
    )
    assert accepted["Location"] == "/participer/abonnements/"
    assert member.consents.filter(document="terms", version="2.0").exists()
    assert client.get(reverse("participation:follows")).status_code == 200


def test_members_who_accepted_the_current_versions_are_not_interrupted(client, legal_pages):
    member = UserFactory()
    Consent.objects.create(user=member, document="terms", version="1.0")

    _login(client, member)

    assert client.get(reverse("participation:follows")).status_code == 200


def test_footer_links_lead_to_the_legal_pages(client, legal_pages):
    response = client.get(reverse("privacy:legal_redirect", args=["terms"]))
    assert response["Location"] == legal_pages[LegalDocument.TERMS].url
    assert client.get(reverse("privacy:legal_redirect", args=["nope"])).status_code == 404
    assert client.get(reverse("privacy:legal_redirect", args=["accessibility"])).status_code == 404
