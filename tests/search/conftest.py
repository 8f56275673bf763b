"""Searchable content for the search tests.

Besides member profiles (registered by members/search_documents.py), the tests register
``home.HomePage`` the way a module registers its pages; its slug says who may read it, as a
module's registration would read a space's privacy: ``membres-…`` members only, ``prive-…``
the Django group of the same name.
"""

import datetime

import pytest
from django.contrib.auth.models import Group
from django.utils import timezone
from wagtail.models import Page

from home.models import HomePage
from members.models import Profile
from search import signals
from search.registry import Audience, PageRegistration, SearchDocument, registry
from tests.factories import UserFactory


class TestPageDocuments(PageRegistration):
    model = HomePage
    kind = "page"
    label = "Page"

    def to_document(self, page):
        audience, groups = Audience.PUBLIC, []
        if page.slug.startswith("membres-"):
            audience = Audience.MEMBERS
        elif page.slug.startswith("prive-"):
            audience = Audience.RESTRICTED
            groups = list(Group.objects.filter(name=page.slug).values_list("pk", flat=True))
        return SearchDocument(
            title=page.title,
            body=page.introduction,
            url=f"/{page.slug}/",
            date=page.first_published_at,
            audience=audience,
            allowed_group_ids=groups,
        )


@pytest.fixture
def registered_pages(db):
    registry.register(TestPageDocuments)
    signals.connect()
    yield
    registry.unregister(HomePage)


@pytest.fixture
def make_page(registered_pages, django_capture_on_commit_callbacks):
    root = Page.get_first_root_node()

    def make(title, introduction="", *, slug=None, live=True, days_ago=0):
        with django_capture_on_commit_callbacks(execute=True):
            page = root.add_child(
                instance=HomePage(title=title, introduction=introduction, slug=slug, live=live)
            )
            published = timezone.now() - datetime.timedelta(days=days_ago)
            if live:
                page.save_revision().publish()
                HomePage.objects.filter(pk=page.pk).update(first_published_at=published)
                page.refresh_from_db()
                page.save()  # re-indexed with its publication date
        return page

    return make


@pytest.fixture
def make_profile(db, django_capture_on_commit_callbacks):
    def make(name, *, thematiques=(), in_directory=True, **fields):
        with django_capture_on_commit_callbacks(execute=True):
            user = UserFactory(display_name=name)
            profile = user.profile
            for field, value in {"in_directory": in_directory, **fields}.items():
                setattr(profile, field, value)
            profile.save()
            profile.thematiques.set(thematiques)
        return Profile.objects.get(pk=profile.pk)

    return make
