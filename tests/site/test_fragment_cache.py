"""Fragments cached with `{% exactcache %}` (maillage_tags): the home page's sections, shared
by everyone who sees the same spaces, and the filter sidebars of the lists, cached by the
content of their form. A write to what a fragment shows expires it at once; an unrelated
write does not."""

from types import SimpleNamespace

from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from events.filters import AgendaFilterSet
from events.models import Event
from maillage.templatetags import maillage_tags
from participation.notifications.api import notify
from participation.spaces.api import visibility_class
from taxonomy.models import Thematique
from tests.factories import (
    EventFactory,
    StructureFactory,
    ThematiqueFactory,
    UserFactory,
    make_space,
)


def get(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return response.content.decode(), len(queries)


def test_home_sections_expire_when_what_they_show_changes_only(client, db, monkeypatch):
    # The sections are also renewed each minute: no minute may end between two renders.
    monkeypatch.setattr(maillage_tags, "time", SimpleNamespace(time=lambda: 1_800_000_000.0))
    event = EventFactory(title="Rencontre sentinelle-7f3a9c")

    first, computed = get(client, "/")
    again, served = get(client, "/")
    StructureFactory()  # neither the sections nor the feed show structures
    after_unrelated, served_after_unrelated = get(client, "/")
    Event.objects.filter(pk=event.pk).update(title="Rencontre renommée-4b1e")
    after_edit, _ = get(client, "/")

    assert "Rencontre sentinelle-7f3a9c" in first and again == first
    assert served < computed
    assert after_unrelated == first and served_after_unrelated == served
    assert "Rencontre renommée-4b1e" in after_edit and "sentinelle-7f3a9c" not in after_edit


def test_home_sections_are_shared_only_by_who_sees_the_same_spaces(client, member_client):
    invited = UserFactory()
    space = make_space(title="Groupe de travail", visibility="private", memberships=[invited])
    private = EventFactory(title="Atelier privé-9d2c", space=space)
    EventFactory(title="Rencontre ouverte-5e8a")

    seen_by_member, _ = get(member_client, "/")
    client.force_login(invited)
    seen_by_invited, _ = get(client, "/")
    # "Dernières contributions" is shared the same way, and renewed by a new contribution.
    notify(invited, "a annoncé", private, recipients=[], title="Annonce privée-2e6d")
    seen_by_invited_after, _ = get(client, "/")
    seen_by_member_after, _ = get(member_client, "/")
    client.logout()
    seen_anonymously, _ = get(client, "/")

    assert (
        "Rencontre ouverte-5e8a" in seen_by_member and "Rencontre ouverte-5e8a" in seen_anonymously
    )
    assert "Atelier privé-9d2c" not in seen_by_member
    assert "Atelier privé-9d2c" not in seen_anonymously
    assert "Atelier privé-9d2c" in seen_by_invited
    assert "Annonce privée-2e6d" in seen_by_invited_after
    assert "Annonce privée-2e6d" not in seen_by_member_after + seen_anonymously
    assert visibility_class(invited) == f"member:{space.pk}"


def test_filter_sidebar_shows_a_new_choice_and_renders_as_uncached(client, db):
    first, computed = get(client, "/agenda/?when=past")
    with CaptureQueriesContext(connection) as served_queries:
        again, served = get(client, "/agenda/?when=past")
    ThematiqueFactory(name="Thématique sentinelle-3c7d")
    after, _ = get(client, "/agenda/?when=past")

    assert again == first and served <= computed
    # Served from the cache, the choices are not read again (only their tables' versions).
    read_on_hit = " ".join(query["sql"] for query in served_queries.captured_queries)
    assert '"taxonomy_thematique"' not in read_on_hit and '"taxonomy_region"' not in read_on_hit
    assert "Thématique sentinelle-3c7d" in after and "sentinelle-3c7d" not in first
    sidebar = after[after.index('<aside class="filters"') : after.index("</aside>")]
    cache.clear()
    uncached, _ = get(client, "/agenda/?when=past")
    assert sidebar in uncached


def test_filter_fingerprint_names_the_choices_querysets_without_reading_them(db):
    def fingerprint(queryset, data=None):
        form = AgendaFilterSet(data, queryset=Event.objects.all()).form
        form.fields["thematique"].queryset = queryset
        with CaptureQueriesContext(connection) as queries:
            key = maillage_tags.form_fingerprint(form)
        return key, len(queries)

    everything, reads = fingerprint(Thematique.objects.all())

    assert reads == 0
    assert fingerprint(Thematique.objects.all())[0] == everything
    assert fingerprint(Thematique.objects.filter(slug="logement"))[0] != everything
    assert fingerprint(Thematique.objects.filter(slug="emploi"))[0] not in (
        everything,
        fingerprint(Thematique.objects.filter(slug="logement"))[0],
    )
    assert fingerprint(Thematique.objects.all(), {"when": "past"})[0] != everything
