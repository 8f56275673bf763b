"""The public contributions on a member's profile: what the viewer may see only, paginated,
in a constant number of queries."""

import time

import pytest
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from members.models import Profile
from participation.comments import services
from participation.moderation import services as moderation
from taxonomy.models import Thematique
from tests.factories import (
    CommentFactory,
    DebateFactory,
    EventFactory,
    ProposalFactory,
    UserFactory,
    make_space,
)

pytestmark = pytest.mark.django_db

SENTINEL = "sentinelle-7f3a9c"


@pytest.fixture
def author():
    user = UserFactory(display_name="Karim Benali")
    Profile.objects.filter(user=user).update(in_directory=True)
    return user


def test_profile_lists_public_contributions_and_hides_the_rest(client, author):
    public = make_space("Priorités du réseau", modules=["proposals", "debates"])
    invited = UserFactory()
    private = make_space(
        "Groupe de travail", visibility="private", memberships=[invited], modules=["proposals"]
    )
    proposal = ProposalFactory(space=public, author=author, title="Des jardins partagés")
    hidden = ProposalFactory(space=private, author=author, title=f"Privée {SENTINEL}")
    DebateFactory(space=public, author=author, title=f"Masqué {SENTINEL}", is_hidden=True)
    debate = DebateFactory(space=public, author=author, title="Mutualiser les moyens ?")
    CommentFactory(content_object=proposal, user=author, comment="Je soutiens cette idée.")
    CommentFactory(content_object=debate, user=author, comment="Oui, par territoire.")
    CommentFactory(content_object=hidden, user=author, comment=f"Dans le groupe {SENTINEL}")
    EventFactory(organiser=author, title="Rencontre des chefs de projet")
    url = reverse("members:profile", args=[author.pk])

    html = client.get(url).content.decode()
    for title in (
        "Des jardins partagés",
        "Mutualiser les moyens",
        "Je soutiens cette idée",
        "Oui, par territoire.",
        "Rencontre des chefs de projet",
    ):
        assert title in html
    assert SENTINEL not in html
    assert "5 contributions publiques" in html

    # The list is a fragment shared by who sees the same spaces, renewed by any write.
    ProposalFactory(space=public, author=author, title="Des bancs sentinelle-2d7b64")
    html = client.get(url).content.decode()
    assert "Des bancs sentinelle-2d7b64" in html and "6 contributions publiques" in html

    client.force_login(invited)
    html = client.get(url).content.decode()
    assert f"Privée {SENTINEL}" in html and f"Dans le groupe {SENTINEL}" in html
    assert f"Masqué {SENTINEL}" not in html
    client.logout()
    assert SENTINEL not in client.get(url).content.decode()


@pytest.mark.parametrize("count", [3, 12])
def test_profile_query_count_does_not_grow_with_contributions(
    client, django_assert_max_num_queries, author, count
):
    space = make_space("Priorités du réseau", modules=["proposals", "debates"])
    for n in range(count):
        proposal = ProposalFactory(space=space, author=author, title=f"Proposition {n}")
        CommentFactory(content_object=proposal, user=author)
        DebateFactory(space=space, author=author)
        EventFactory(organiser=author)
    url = reverse("members:profile", args=[author.pk])
    client.get(url)  # the layout (navigation) is then cached
    with django_assert_max_num_queries(16):
        response = client.get(url)
    assert response.text.count('<li><span class="card__meta">') == min(4 * count, 10)
    assert client.get(url, {"page": "zz"}).status_code == 200


class Rollback(Exception):
    pass


def _minute():
    """The list's fragment is also renewed each minute (`every=60`: events that end)."""
    return int(time.time() // 60)


def _contributions(client, url, **params):
    """The profile's HTML and the queries that read comments: none when the list of
    contributions comes from the cache."""
    with CaptureQueriesContext(connection) as queries:
        html = client.get(url, params).content.decode()
    _contributions.minute = _minute()
    return html, [q["sql"] for q in queries if '"django_comments"' in q["sql"]]


def _renewed(client, url, *shown, **params):
    html, queries = _contributions(client, url, **params)
    assert queries, "the contributions were served from the cache"
    assert all(text in html for text in shown)
    return html


def _kept(client, url, *shown, **params):
    if _minute() != getattr(_contributions, "minute", None):  # a new minute: renewed once
        _contributions(client, url, **params)
    html, queries = _contributions(client, url, **params)
    assert queries == []
    assert all(text in html for text in shown)
    return html


def test_profile_is_renewed_by_its_author_comments_only(client, author, moderator):
    """The list notes its author's version of the comment tables (AUTHOR_VERSIONS,
    migration participation/0006): another member's comment keeps it cached; a comment,
    an edit, a moderation or a deletion of the author's renews it, however written."""
    space = make_space("Priorités du réseau", modules=["proposals"])
    other = UserFactory()
    first = services.post_comment(author, space, "Premier sentinelle-d4e5f6")
    url = reverse("members:profile", args=[author.pk])
    _renewed(client, url, "Premier sentinelle-d4e5f6", "1 contribution publique")
    _kept(client, url, "Premier sentinelle-d4e5f6")

    theirs = services.post_comment(other, space, "D’un autre sentinelle-0a0b0c")
    services.edit_comment(other, theirs, "Revu par un autre sentinelle-1a1b1c")
    moderation.hide(moderator, theirs)
    html = _kept(client, url, "Premier sentinelle-d4e5f6")
    assert "sentinelle-0a0b0c" not in html

    second = services.post_comment(author, space, "Second sentinelle-1c2d3e")
    _renewed(client, url, "Second sentinelle-1c2d3e", "2 contributions publiques")
    services.edit_comment(author, second, "Revu sentinelle-2f3a4b")
    _renewed(client, url, "Revu sentinelle-2f3a4b")
    moderation.hide(moderator, first)
    html = _renewed(client, url, "1 contribution publique")
    assert "sentinelle-d4e5f6" not in html
    moderation.unhide(moderator, first)
    _renewed(client, url, "Premier sentinelle-d4e5f6", "2 contributions publiques")
    services.delete_comment(author, second)
    assert "sentinelle-2f3a4b" not in _renewed(client, url, "1 contribution publique")
    _kept(client, url, "Premier sentinelle-d4e5f6")

    # Raw SQL on a child table, and a TRUNCATE, which names no author.
    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE participation_comment SET is_hidden = true WHERE xtdcomment_ptr_id = %s",
            [first.pk],
        )
    assert "sentinelle-d4e5f6" not in _renewed(client, url)
    with connection.cursor() as cursor:
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")  # checked now, as at a commit
        cursor.execute("TRUNCATE participation_commentreaction, participation_comment")
    _renewed(client, url, "Aucune contribution publique")


def test_profile_read_inside_a_rolled_back_transaction_is_not_served_after(client, author):
    space = make_space("Priorités du réseau", modules=["proposals"])
    services.post_comment(author, space, "Gardé sentinelle-5c6d7e")
    url = reverse("members:profile", args=[author.pk])
    _renewed(client, url, "Gardé sentinelle-5c6d7e")

    with pytest.raises(Rollback), transaction.atomic():
        services.post_comment(author, space, "Annulé sentinelle-8e9f0a")
        _renewed(client, url, "Annulé sentinelle-8e9f0a", "2 contributions publiques")
        raise Rollback

    html = _renewed(client, url, "Gardé sentinelle-5c6d7e", "1 contribution publique")
    assert "sentinelle-8e9f0a" not in html
    _kept(client, url, "1 contribution publique")


def test_profile_pages_count_in_one_statement_and_keep_the_paginator_rules(client, author):
    for n in range(12):
        EventFactory(organiser=author, title=f"Rencontre n° {n:02d}")
    url = reverse("members:profile", args=[author.pk])

    def page(number):
        html = client.get(url, {"page": number}).content.decode()
        assert "12 contributions publiques" in html
        return html

    assert "Page 1 sur 2" in page("zz") and "Page 1 sur 2" in page("1")
    for number in ("2", "9", "-1", "9" * 30):  # out of range: the last page, as get_page
        html = page(number)
        assert "Page 2 sur 2" in html
        assert html.count('<li><span class="card__meta">') == 2
    with CaptureQueriesContext(connection) as queries:
        client.get(url, {"page": "1", "fresh": "1"})
    unions = [q["sql"] for q in queries if "UNION ALL" in q["sql"]]
    assert len(unions) == 1 and "count(*) OVER ()" in unions[0]


def test_profile_details_are_a_fragment_renewed_by_an_edit(client, author):
    """Served again, the page reads the profile's row and nothing else (its details and
    contributions come from their fragments); an edit of what they show renews them."""
    sante = Thematique.objects.get(slug="sante")
    Profile.objects.filter(user=author).update(service="Cohésion sociale")
    author.profile.thematiques.add(sante)
    url = reverse("members:profile", args=[author.pk])
    for _ in range(2):  # again if a new minute renewed the list in between (`every=60`)
        minute = _minute()
        html = client.get(url).content.decode()
        with CaptureQueriesContext(connection) as queries:
            again = client.get(url).content.decode()
        if _minute() == minute:
            break
    assert "<dd>Cohésion sociale</dd>" in html and f'<li class="tag">{sante.name}</li>' in html
    assert again == html
    assert len(queries) == 1 and '"members_profile"' in queries[0]["sql"]

    Profile.objects.filter(user=author).update(service="Renouvellement sentinelle-4b5c6d")
    author.profile.thematiques.remove(sante)
    html = client.get(url).content.decode()
    assert "<dd>Renouvellement sentinelle-4b5c6d</dd>" in html and sante.name not in html
