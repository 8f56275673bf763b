"""Finding 8: every response carries a Content-Security-Policy; the public one allows no
inline script or style, Wagtail's admin gets its own, looser one."""

import pytest
from csp.utils import build_policy
from django.urls import reverse

pytestmark = pytest.mark.django_db


def _directives(response):
    header = response["Content-Security-Policy"]
    return dict(part.strip().split(" ", 1) for part in header.split(";"))


@pytest.mark.parametrize("url", ["/", "/recherche/?q=sant%C3%A9", "/recherche/?q=%00"])
def test_public_pages_allow_only_the_sites_own_scripts_and_styles(client, url):
    policy = _directives(client.get(url))
    assert policy["script-src"] == "'self'" and policy["style-src"] == "'self'"
    assert policy["object-src"] == "'none'" and policy["base-uri"] == "'self'"
    assert policy["form-action"] == "'self'" and policy["frame-ancestors"] == "'self'"


def test_admin_gets_its_own_policy(admin_user, client):
    client.force_login(admin_user)
    policy = _directives(client.get(reverse("wagtailadmin_home")))
    assert "'unsafe-inline'" in policy["script-src"] and "'unsafe-inline'" in policy["style-src"]
    assert policy["object-src"] == "'none'" and policy["frame-ancestors"] == "'self'"


def test_the_policy_built_once_is_the_one_django_csp_builds(client):
    """The middleware builds the common headers once per process (maillage/csp.py)."""
    expected = dict(part.strip().split(" ", 1) for part in build_policy().split(";"))
    assert _directives(client.get("/recherche/?q=sant%C3%A9")) == expected
    assert _directives(client.get("/")) == expected
