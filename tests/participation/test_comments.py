from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, connection
from django.test.signals import template_rendered
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from home.models import HomePage
from participation.comments import services
from participation.comments.models import PAGE_PARAM, THREADS_PER_PAGE
from participation.comments.thread import build_thread, fold
from participation.models import Comment, CommentReaction, Follow
from participation.notifications.api import unfollow
from participation.utils import content_type_for
from tests.factories import (
    CommentFactory,
    NewsIndexPageFactory,
    NewsPageFactory,
    UserFactory,
    make_space,
)

pytestmark = pytest.mark.django_db


def _post_url(target):
    return reverse("participation:comment_post", args=[content_type_for(target).pk, target.pk])


def test_member_comments_on_a_space_and_then_follows_it(member_client, member, space):
    response = member_client.post(_post_url(space), {"comment": "Bonne idée !"})
    comment = Comment.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"{space.url}#c{comment.pk}"
    assert comment.user == member and comment.level == 0
    assert Follow.objects.of(space).filter(user=member).exists()
    assert "Bonne idée !" in member_client.get(space.url).content.decode()

    # Already following (the page asked): the next comment reads no follow.
    with CaptureQueriesContext(connection) as queries:
        member_client.post(_post_url(space), {"comment": "Encore"})
    assert not [q for q in queries if q["sql"].startswith('SELECT "participation_follow"."id"')]
    unfollow(member, space)  # then a comment follows again, whatever was cached
    member_client.post(_post_url(space), {"comment": "Toujours là"})
    assert Follow.objects.of(space).filter(user=member).count() == 1


def test_visitor_is_sent_to_login_instead_of_commenting(client, space):
    response = client.post(_post_url(space), {"comment": "Anonyme"})
    assert response.status_code == 302 and "/comptes/login/" in response["Location"]
    assert not Comment.objects.exists()


def test_member_cannot_comment_when_the_phase_closes_comments(member_client):
    today = timezone.localdate()
    closed = make_space(phases=[{"title": "Vote", "start_date": today, "actions": ["vote"]}])
    assert member_client.post(_post_url(closed), {"comment": "Trop tard"}).status_code == 403
    assert not Comment.objects.exists()
    html = member_client.get(closed.url).content.decode()
    assert "n’est pas ouvert pendant la phase en cours" in html
    assert "Aucune phase à venir ne l’ouvre." in html


def test_member_comments_a_page_outside_any_space(member):
    news = NewsPageFactory(parent=NewsIndexPageFactory())
    comment = services.post_comment(member, news, "Bienvenue à tous")
    assert comment.content_object == news


def test_types_nobody_declared_commentable_refuse_comments_even_through_the_service(member):
    home = HomePage.objects.first()
    with pytest.raises(PermissionDenied):
        services.post_comment(member, home, "Bienvenue à tous")
    assert not Comment.objects.exists()


def test_comment_in_a_private_space_is_not_reachable_by_outsiders(client):
    from participation.models import Visibility

    invited = UserFactory()
    private = make_space(visibility=Visibility.PRIVATE, memberships=[invited])
    comment = services.post_comment(invited, private, "Interne")
    client.force_login(UserFactory())
    assert client.post(_post_url(private), {"comment": "Intrus"}).status_code == 404
    assert list(Comment.objects.values_list("comment", flat=True)) == ["Interne"]
    report_url = reverse("participation:report", args=[content_type_for(comment).pk, comment.pk])
    assert client.get(report_url).status_code == 404


def test_replies_nest_three_levels_and_no_deeper(space):
    author = UserFactory()
    root = services.post_comment(author, space, "Niveau 0")
    reply = services.post_comment(author, space, "Niveau 1", parent=root)
    deepest = services.post_comment(author, space, "Niveau 2", parent=reply)
    assert (root.level, reply.level, deepest.level) == (0, 1, 2)
    with pytest.raises(ValidationError):
        services.post_comment(author, space, "Niveau 3", parent=deepest)
    thread, count, _stances = build_thread(space, author)
    assert count == 3
    assert thread[0]["children"][0]["children"][0]["comment"] == deepest


def test_reply_must_belong_to_the_same_object(space):
    other = make_space("Autre")
    author = UserFactory()
    elsewhere = services.post_comment(author, other, "Ailleurs")
    with pytest.raises(ValidationError):
        services.post_comment(author, space, "Réponse", parent=elsewhere)


def test_text_is_escaped_with_links_and_line_breaks(member_client, space):
    member_client.post(
        _post_url(space), {"comment": "<script>alert(1)</script>\nVoir https://anru.fr"}
    )
    html = member_client.get(space.url).content.decode()
    assert "<script>alert(1)" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;<br>" in html
    assert '<a href="https://anru.fr" rel="nofollow">https://anru.fr</a>' in html


def test_author_edits_within_the_window_only(member_client, member, space, settings):
    comment = services.post_comment(member, space, "Premiere version")
    url = reverse("participation:comment_edit", args=[comment.pk])
    assert member_client.post(url, {"comment": "Première version"}).status_code == 302
    comment.refresh_from_db()
    assert comment.comment == "Première version" and comment.edited_at
    late = timezone.now() - timedelta(minutes=settings.MAILLAGE_COMMENT_EDIT_MINUTES + 1)
    Comment.objects.filter(pk=comment.pk).update(submit_date=late)
    assert member_client.post(url, {"comment": "Trop tard"}).status_code == 403
    comment.refresh_from_db()
    assert comment.comment == "Première version"


def test_only_the_author_edits_or_deletes(client, space):
    comment = services.post_comment(UserFactory(), space, "À moi")
    client.force_login(UserFactory())
    assert client.get(reverse("participation:comment_edit", args=[comment.pk])).status_code == 403
    assert (
        client.post(reverse("participation:comment_delete", args=[comment.pk])).status_code == 403
    )
    edit_url = reverse("participation:comment_edit", args=[comment.pk])
    assert client.post(edit_url, {"comment": "Pris"}).status_code == 403
    comment.refresh_from_db()
    assert comment.comment == "À moi" and comment.deleted_at is None


def test_deleted_comment_leaves_a_placeholder_and_keeps_replies(member_client, member, space):
    comment = services.post_comment(member, space, "Message retiré")
    services.post_comment(UserFactory(), space, "Une réponse qui reste", parent=comment)
    member_client.post(reverse("participation:comment_delete", args=[comment.pk]))
    html = member_client.get(space.url).content.decode()
    assert "Commentaire supprimé" in html
    assert "Message retiré" not in html
    assert "Une réponse qui reste" in html
    assert Comment.objects.filter(pk=comment.pk).exists()


def test_member_reacts_once_and_can_change_or_withdraw(member, space):
    comment = services.post_comment(UserFactory(), space, "Utile ?")
    services.react(member, comment, "useful")
    services.react(member, comment, "disagree")
    assert CommentReaction.objects.get(comment=comment, user=member).kind == "disagree"
    services.react(member, comment, "disagree")
    assert not CommentReaction.objects.exists()
    CommentReaction.objects.create(comment=comment, user=member, kind="useful")
    with pytest.raises(IntegrityError):
        CommentReaction.objects.create(comment=comment, user=member, kind="disagree")


def test_reactions_are_counted_in_the_thread(member_client, member, space):
    comment = services.post_comment(UserFactory(), space, "Utile ?")
    member_client.post(
        reverse("participation:comment_react", args=[comment.pk]),
        {"kind": "useful"},
        HTTP_HX_REQUEST="true",
    )
    thread, _count, _stances = build_thread(space, member)
    assert thread[0]["comment"].useful_count == 1
    assert thread[0]["my_reaction"] == "useful"


def test_stances_are_kept_and_counted_only_where_the_object_asks(space):
    author = UserFactory()
    space.comments_with_stance = True
    services.post_comment(author, space, "Pour", stance="for")
    services.post_comment(author, space, "Contre", stance="against")
    services.post_comment(author, space, "Aussi pour", stance="for")
    _thread, _count, stances = build_thread(space, author)
    assert {s["value"]: s["count"] for s in stances} == {"for": 2, "against": 1, "neutral": 0}
    plain = make_space("Sans position")
    assert services.post_comment(author, plain, "Pour", stance="for").stance == ""


def test_htmx_post_returns_the_updated_thread(member_client, space):
    """The section comes back with the new comment focused; the others, unchanged, come
    from their fragments (rendered for the page just read)."""
    for n in range(3):
        CommentFactory(content_object=space, comment=f"Avant {n}")
    member_client.get(space.url)
    rendered = []
    template_rendered.connect(
        receiver := lambda sender, template, **kw: rendered.append(template.name)
    )
    try:
        response = member_client.post(
            _post_url(space), {"comment": "En direct"}, HTTP_HX_REQUEST="true"
        )
    finally:
        template_rendered.disconnect(receiver)
    html = response.content.decode()
    assert response.status_code == 200
    assert html.lstrip().startswith('<section class="comments"')
    assert "En direct" in html and all(f"Avant {n}" in html for n in range(3))
    assert rendered.count("participation/comments/reaction_counts.html") == 1
    assert html.count("data-focus-after-swap") == 1  # the new one (test_long_threads)


def test_user_cannot_comment_with_an_empty_text(member_client, space):
    response = member_client.post(_post_url(space), {"comment": "   "})
    assert response.status_code == 200
    assert not Comment.objects.exists()
    # The section's empty form is a shared fragment; a refused one shows its own errors.
    empty = member_client.get(space.url).content.decode()
    refused = member_client.post(
        _post_url(space), {"comment": "   "}, HTTP_HX_REQUEST="true"
    ).content.decode()
    errors = 'class="form-errors"'
    assert errors in refused and errors not in empty
    assert errors not in member_client.get(space.url).content.decode()


# 80 comments make 27 threads: a full first page (20 threads, 22 comments shown, 73 loaded)
# and a second page; 200 showed the same first page.
@pytest.mark.parametrize("count", [20, 80])
def test_thread_renders_in_constant_queries(
    member_client, member, space, django_assert_max_num_queries, count
):
    authors = [UserFactory() for _ in range(5)]
    parents = []
    for n in range(count):
        parent = parents[n % len(parents)] if n % 3 and parents else None
        if parent and parent.level >= 2:
            parent = None
        comment = CommentFactory(
            content_object=space, user=authors[n % 5], parent_id=parent.pk if parent else 0
        )
        parents.append(comment)
    CommentReaction.objects.create(comment=parents[0], user=member, kind="useful")
    with django_assert_max_num_queries(36):
        response = member_client.get(space.url)
    assert response.status_code == 200
    first_threads = Comment.objects.filter(level=0).order_by("thread_id")[:THREADS_PER_PAGE]
    thread, _count, _stances = build_thread(space, member, [c.thread_id for c in first_threads])

    def shown(nodes):
        return sum(1 + shown(node["children"]) for node in nodes)

    expected = shown(fold(thread))  # replies beyond the first ones are folded
    assert response.content.decode().count('class="comment comment--level') == expected


def test_long_discussions_are_paged_by_thread_and_links_find_the_comment(member_client, space):
    author = UserFactory()
    roots = [CommentFactory(content_object=space, user=author) for _ in range(THREADS_PER_PAGE + 3)]
    reply = CommentFactory(content_object=space, user=author, parent_id=roots[-1].pk)

    first = member_client.get(space.url).content.decode()
    assert f'id="c{roots[0].pk}"' in first and f'id="c{reply.pk}"' not in first
    assert f"?{PAGE_PARAM}=2" in first
    assert f"{THREADS_PER_PAGE + 4} commentaires" in first  # the count covers every page

    assert reply.get_absolute_url() == f"{space.url}?{PAGE_PARAM}=2&fil={roots[-1].pk}#c{reply.pk}"
    second = member_client.get(f"{space.url}?{PAGE_PARAM}=2").content.decode()
    assert f'id="c{reply.pk}"' in second and f'id="c{roots[0].pk}"' not in second


def test_new_comments_take_their_place_in_the_thread_with_one_write_per_table(space):
    """The thread data django-comments-xtd computes (order, level, replies counted on
    every ancestor), written at the insert instead of by a second save."""
    author = UserFactory()
    with CaptureQueriesContext(connection) as queries:
        root = services.post_comment(author, space, "Racine")
    writes = [
        " ".join(q["sql"].split()[:3]) for q in queries if q["sql"][:6] in {"INSERT", "UPDATE"}
    ]
    assert [w for w in writes if "comment" in w] == [
        'INSERT INTO "django_comments"',
        'INSERT INTO "django_comments_xtd_xtdcomment"',
        'INSERT INTO "participation_comment"',
        'UPDATE "django_comments_xtd_xtdcomment" SET',
    ]
    first = services.post_comment(author, space, "Première réponse", parent=root)
    second = services.post_comment(author, space, "Deuxième réponse", parent=root)
    nested = services.post_comment(author, space, "Réponse à la première", parent=first)
    other = services.post_comment(author, space, "Autre fil")
    rows = {
        row["comment"]: (
            row["thread_id"] == root.pk,
            row["level"],
            row["order"],
            row["nested_count"],
        )
        for row in Comment.objects.values("comment", "thread_id", "level", "order", "nested_count")
    }
    assert rows == {
        "Racine": (True, 0, 1, 3),
        "Première réponse": (True, 1, 2, 1),
        "Réponse à la première": (True, 2, 3, 0),
        "Deuxième réponse": (True, 1, 4, 0),
        "Autre fil": (False, 0, 1, 0),
    }
    assert Comment.objects.get(pk=other.pk).thread_id == other.pk == other.parent_id
    assert (root.parent_id, nested.parent_id, second.parent_id) == (root.pk, first.pk, root.pk)
