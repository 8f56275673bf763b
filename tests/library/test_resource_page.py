"""A resource's page: its article and breadcrumbs are fragments read on a miss only, and
renewed by any write to what they show."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from home.models import HomePage
from library.models import Resource
from members.models import Profile
from taxonomy.models import Thematique
from tests.factories import ResourceFactory, ResourceIndexPageFactory, UserFactory

pytestmark = pytest.mark.django_db


def _tables(queries):
    return sorted({q["sql"].split(" FROM ")[1].split()[0].strip('"') for q in queries})


def test_resource_page_is_read_once_then_renewed_by_what_it_shows(client):
    library = ResourceIndexPageFactory(parent=HomePage.objects.get(), title="Centre de ressources")
    author = UserFactory(display_name="Karim Benali")
    Profile.objects.filter(user=author).update(in_directory=True)
    resource = ResourceFactory(
        title="Guide des conseils citoyens",
        contributed_by=author,
        thematiques=[Thematique.objects.get(slug="sante")],
    )
    url = resource.get_absolute_url()
    html = client.get(url).content.decode()
    for shown in (
        f'<a href="{library.url}">Centre de ressources</a>',
        '<li aria-current="page">Guide des conseils citoyens</li>',
        "<h1>Guide des conseils citoyens</h1>",
        "Karim Benali",
        '<li class="tag">Santé</li>',
    ):
        assert shown in html

    # Warm: the resource's row only (the comment section trusts that read: it is
    # public); no thematique, member, library page or site read again.
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).content.decode() == html
    assert len(queries) == 1 and _tables(queries) == ["library_resource"]

    Resource.objects.filter(pk=resource.pk).update(title="Guide revu sentinelle-3c4d5e")
    author.display_name = "Karim B. sentinelle-6f7a8b"
    author.save()
    other = Thematique.objects.exclude(slug="sante").order_by("pk").first()
    resource.thematiques.add(other)
    html = client.get(url).content.decode()
    assert '<li aria-current="page">Guide revu sentinelle-3c4d5e</li>' in html
    assert "<h1>Guide revu sentinelle-3c4d5e</h1>" in html
    assert "Karim B. sentinelle-6f7a8b" in html and f'<li class="tag">{other.name}</li>' in html
    library.title = "Bibliothèque sentinelle-9a0b1c"
    library.save_revision().publish()
    assert "Bibliothèque sentinelle-9a0b1c</a>" in client.get(url).content.decode()
