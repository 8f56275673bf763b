"""A page of a comment thread is rendered once and shared by every reader with the same
rights; what is personal (own links, own reactions, CSRF token) is filled in for each
response, never carried from one member to another, and every write shows at once."""

import re

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from participation.comments import services
from participation.comments.personal import comment_slots, slot, slots
from participation.models import Comment
from participation.moderation import services as moderation
from participation.utils import content_type_for
from tests.factories import UserFactory, make_space

pytestmark = pytest.mark.django_db
TOKEN = re.compile(
    r'<form method="post" action="([^"]+)" class="comment__react"[^>]*>'
    r'<input type="hidden" name="csrfmiddlewaretoken" value="([^"]+)">'
)


def _menu(html, comment):
    """The action menu of one comment."""
    start = html.index(f'id="c{comment.pk}"')
    return html[start : html.index("</details>", start)]


def _pressed(html, comment, kind):
    menu = _menu(html, comment)
    button = menu[menu.index(f'value="{kind}"') :]
    return button[: button.index(">")].split('aria-pressed="')[1].split('"')[0]


def _comment_queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        html = client.get(url).content.decode()
    return html, [q["sql"] for q in queries if '"django_comments"' in q["sql"]]


def _secret_free(*pages):
    marker = slots()["csrf"].split(":")[0]  # "<!--" and the secret
    return all(marker not in page and marker[4:] not in page for page in pages)


def test_readers_share_the_thread_but_see_only_their_own_links_and_reactions(
    space, member, moderator
):
    other = UserFactory(display_name="Karim Benali")
    mine = services.post_comment(member, space, "Mon avis sentinelle-7f3a9c")
    theirs = services.post_comment(other, space, "Leur avis sentinelle-8b2d41")
    hidden = services.post_comment(other, space, "Propos masqué sentinelle-91c0aa")
    moderation.hide(moderator, hidden)
    services.react(member, theirs, "useful")
    readers = {}
    for user in (member, other, moderator):
        readers[user] = Client(enforce_csrf_checks=True)
        readers[user].force_login(user)

    first, comment_queries = _comment_queries(readers[member], space.url)
    assert comment_queries  # rendered, then shared
    second, comment_queries = _comment_queries(readers[other], space.url)
    assert comment_queries == []  # the same page of threads, from the cache
    third = readers[moderator].get(space.url).content.decode()
    again = readers[member].get(space.url).content.decode()

    edit = reverse("participation:comment_edit", args=[mine.pk])
    edit_theirs = reverse("participation:comment_edit", args=[theirs.pk])
    for html in (first, again):
        assert edit in _menu(html, mine) and "Signaler" not in _menu(html, mine)
        assert edit_theirs not in html and "Signaler" in _menu(html, theirs)
        assert _pressed(html, theirs, "useful") == "true"
        assert _pressed(html, theirs, "disagree") == "false"
        assert "Commentaire masqué par la modération" in html and "sentinelle-91c0aa" not in html
    assert edit not in second and edit_theirs in _menu(second, theirs)
    assert "Signaler" in _menu(second, mine) and "Signaler" not in _menu(second, theirs)
    assert _pressed(second, theirs, "useful") == "false"
    assert f"next={space.url}%23c{mine.pk}" in _menu(second, mine)
    assert "sentinelle-91c0aa" in third and edit not in third and edit_theirs not in third
    anonymous = Client().get(space.url).content.decode()
    assert "Leur avis" in anonymous and "comment__menu" not in anonymous
    assert _secret_free(first, second, third, again, anonymous)

    # Each reader's token is theirs: the forms work for them, with CSRF checks on.
    for user, html in ((member, again), (other, second)):
        action, token = TOKEN.findall(html)[0]
        response = readers[user].post(action, {"kind": "disagree", "csrfmiddlewaretoken": token})
        assert response.status_code == 302
    assert readers[member].post(action, {"kind": "useful"}).status_code == 403  # no token


def test_a_comment_that_imitates_a_slot_stays_text(space, member, member_client):
    other = UserFactory()
    target = services.post_comment(other, space, "Le vrai commentaire")
    forged = [
        slot("own", target.pk, member.pk, 2**31, 0),
        "Modifier",
        slots()["or"],
        slots()["end"],
        slots()["csrf"],
        comment_slots(target)["pressed_useful"],
    ]
    services.post_comment(member, space, "".join(forged))

    html = member_client.get(space.url).content.decode()
    assert reverse("participation:comment_edit", args=[target.pk]) not in html
    text = html[html.index('<div class="comment__text">&lt;!--') :]
    text = text[: text.index("</div>")]
    assert "<" not in text.removeprefix('<div class="comment__text">')  # all of it escaped
    assert _pressed(html, target, "useful") == "false"


def test_every_write_shows_at_once_to_every_reader(space, member, member_client, moderator):
    other = UserFactory(display_name="Karim Benali")
    other_client = Client()
    other_client.force_login(other)
    post_url = reverse("participation:comment_post", args=[content_type_for(space).pk, space.pk])
    member_client.post(post_url, {"comment": "Premier jet sentinelle-0d1e2f"})
    comment = Comment.objects.get()
    assert "Premier jet" in other_client.get(space.url).content.decode()

    member_client.post(
        reverse("participation:comment_edit", args=[comment.pk]),
        {"comment": "Version revue sentinelle-0d1e2f"},
    )
    html = other_client.get(space.url).content.decode()
    assert "Version revue" in html and "(modifié)" in html

    other_client.post(reverse("participation:comment_react", args=[comment.pk]), {"kind": "useful"})
    html = member_client.get(space.url).content.decode()
    assert "1 utile" in html and _pressed(html, comment, "useful") == "false"
    html = other_client.get(space.url).content.decode()
    assert _pressed(html, comment, "useful") == "true"

    response = other_client.post(
        post_url, {"comment": "Une réponse", "parent": comment.pk}, HTTP_HX_REQUEST="true"
    )
    assert "Une réponse" in response.content.decode()
    assert "Une réponse" in member_client.get(space.url).content.decode()

    moderation.hide(moderator, comment)
    html = other_client.get(space.url).content.decode()
    assert "Version revue" not in html and "Commentaire masqué par la modération" in html

    member_client.post(
        reverse(
            "participation:comment_delete", args=[Comment.objects.get(comment="Une réponse").pk]
        )
    )
    assert "Une réponse" in other_client.get(space.url).content.decode()  # not the author's
    other_client.post(
        reverse(
            "participation:comment_delete", args=[Comment.objects.get(comment="Une réponse").pk]
        )
    )
    html = member_client.get(space.url).content.decode()
    assert "Une réponse" not in html and "Commentaire supprimé" in html


def test_a_readers_reactions_are_kept_until_a_reaction_is_written(space, member, member_client):
    """Asked once, then kept under the reader and the comments shown: a comment that
    does not change them leaves them, any reaction (another member's, on another thread)
    asks again, and each reader sees their own."""
    other = UserFactory()
    other_client = Client()
    other_client.force_login(other)
    first = services.post_comment(other, space, "Premier")
    second = services.post_comment(other, space, "Second")
    services.react(member, first, "disagree")

    def reactions_asked(client):
        with CaptureQueriesContext(connection) as queries:
            html = client.get(space.url).content.decode()
        asked = [q for q in queries if 'FROM "participation_commentreaction"' in q["sql"]]
        return html, asked

    html, asked = reactions_asked(member_client)
    assert _pressed(html, first, "disagree") == "true" and asked
    services.post_comment(other, make_space(title="Ailleurs"), "Ailleurs")
    html, asked = reactions_asked(member_client)
    assert _pressed(html, first, "disagree") == "true" and not asked  # from the cache
    html, _asked = reactions_asked(other_client)
    assert _pressed(html, first, "disagree") == "false"  # the other reader's own

    services.react(other, second, "useful")
    html, asked = reactions_asked(member_client)
    assert asked and _pressed(html, second, "useful") == "false"
    services.react(member, first, "disagree")  # withdrawn
    html, _asked = reactions_asked(member_client)
    assert _pressed(html, first, "disagree") == "false"
