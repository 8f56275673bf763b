"""A cached comment thread is kept until something it shows changes for its object (a
comment, an edit, a moderation, a reaction, however written), and only then: a write on
another object's comments leaves it in the cache (`THREAD_VERSIONS`, migration
participation/0005, `maillage.table_versions.Scope`)."""

import contextvars
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.cache import cache
from django.db import connection, transaction
from django.test import RequestFactory
from django.test.signals import template_rendered
from django.test.utils import CaptureQueriesContext

from maillage import table_versions
from participation.comments import services
from participation.comments.api import section_context
from participation.comments.models import PAGE_PARAM, THREADS_PER_PAGE
from participation.comments.thread import shared_thread, thread_context
from participation.models import Comment, CommentReaction
from participation.moderation import services as moderation
from tests.factories import ProposalFactory, UserFactory, make_space

pytestmark = pytest.mark.django_db
COMMENT_TABLES = ('"django_comments"', '"participation_commentreaction"')


class Rollback(Exception):
    pass


def _thread(target):
    """The thread as a visitor reads it, and the queries that read comments or reactions."""
    request = RequestFactory().get("/")
    request.user = AnonymousUser()
    with CaptureQueriesContext(connection) as queries:
        html = str(section_context(request, target)["thread_html"])
    return html, [q["sql"] for q in queries if any(t in q["sql"] for t in COMMENT_TABLES)]


def _renewed(target, *expected):
    html, queries = _thread(target)
    assert queries, "the thread was served from the cache"
    for text in expected:
        assert text in html
    return html


def _kept(target, *expected):
    html, queries = _thread(target)
    assert queries == []  # from the cache, not a query on comments or reactions
    for text in expected:
        assert text in html
    return html


@pytest.fixture
def reader(db):
    return UserFactory(display_name="Karim Benali")


@pytest.fixture
def two_threads(space, member, reader):
    """`space`'s thread and another object's, both cached (a new member would expire
    them: they show members' names)."""
    elsewhere = make_space(title="Autre démarche")
    services.post_comment(member, elsewhere, "Ailleurs sentinelle-a1b2c3")
    first = services.post_comment(member, space, "Premier sentinelle-d4e5f6")
    _thread(space), _thread(elsewhere)
    return first, elsewhere


def test_each_write_renews_its_object_thread_and_keeps_the_others(
    space, member, moderator, reader, two_threads
):
    first, elsewhere = two_threads
    writes = [
        (
            lambda: services.post_comment(reader, space, "Réponse sentinelle-0a0b0c"),
            "sentinelle-0a0b0c",
        ),
        (
            lambda: services.edit_comment(member, first, "Revu sentinelle-1c2d3e"),
            "Revu sentinelle-1c2d3e",
        ),
        (lambda: services.react(reader, first, "useful"), "1 utile"),
        (lambda: moderation.hide(moderator, first), "Commentaire masqué par la modération"),
        (
            lambda: services.delete_comment(
                reader, Comment.objects.get(comment__endswith="0a0b0c")
            ),
            "Commentaire supprimé",
        ),
    ]
    for write, shown in writes:
        write()
        _renewed(space, shown)
        _kept(elsewhere, "Ailleurs sentinelle-a1b2c3")
    _kept(space, "Commentaire supprimé")


def test_bulk_writes_raw_sql_and_truncate_renew_the_thread(space, member, two_threads):
    first, elsewhere = two_threads
    services.react(member, first, "disagree")
    _renewed(space, "1 pas d’accord")

    Comment.objects.filter(pk=first.pk).update(is_hidden=True)
    _renewed(space, "Commentaire masqué par la modération")
    _kept(elsewhere)

    Comment.objects.filter(pk=first.pk).update(is_hidden=False)
    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE django_comments SET comment = 'Réécrit sentinelle-2f3a4b' WHERE id = %s",
            [first.pk],
        )
    _renewed(space, "Réécrit sentinelle-2f3a4b")
    _kept(elsewhere)

    CommentReaction.objects.filter(comment=first).delete()
    html = _renewed(space, "Réécrit sentinelle-2f3a4b")
    assert "1 pas d’accord" not in html

    Comment.objects.filter(pk=first.pk).delete()
    assert "sentinelle-2f3a4b" not in _renewed(space)
    _kept(elsewhere, "Ailleurs sentinelle-a1b2c3")

    with connection.cursor() as cursor:  # a TRUNCATE names no object: every thread goes
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")  # checked now, as at a commit
        cursor.execute("TRUNCATE participation_commentreaction")
    _renewed(elsewhere, "Ailleurs sentinelle-a1b2c3")


def test_a_thread_read_inside_a_rolled_back_transaction_is_not_served_after(space, member):
    services.post_comment(member, space, "Gardé sentinelle-5c6d7e")
    _thread(space)

    with pytest.raises(Rollback), transaction.atomic():
        services.post_comment(member, space, "Annulé sentinelle-8e9f0a")
        _renewed(space, "Annulé sentinelle-8e9f0a", "Gardé sentinelle-5c6d7e")
        raise Rollback

    html = _renewed(space, "Gardé sentinelle-5c6d7e")
    assert "sentinelle-8e9f0a" not in html
    _kept(space)


def test_the_anonymous_page_of_an_object_expires_with_its_thread_only(client, settings, member):
    settings.MAILLAGE_PAGE_CACHE_SECONDS = 60
    space = make_space()
    proposal, other = ProposalFactory(space=space), ProposalFactory(space=space)
    url = proposal.get_absolute_url()
    assert client.get(url)["X-Page-Cache"] == "miss"
    assert client.get(url)["X-Page-Cache"] == "hit"

    services.post_comment(member, other, "Sur l’autre sentinelle-3b4c5d")
    assert client.get(url)["X-Page-Cache"] == "hit"

    services.post_comment(member, proposal, "Sur celle-ci sentinelle-6e7f8a")
    response = client.get(url)
    assert response["X-Page-Cache"] == "miss"
    assert "sentinelle-6e7f8a" in response.content.decode()
    assert client.get(url)["X-Page-Cache"] == "hit"


@pytest.mark.django_db(transaction=True)
def test_a_thread_read_elsewhere_before_a_commit_does_not_outlive_it():
    """Another request (a thread with its own connection) renders the thread while a new
    comment is not committed yet: it cannot see it, and the commit expires what it stored."""
    space, author = make_space(), UserFactory()

    def elsewhere():
        def read():
            try:
                return _thread(space)[0]
            finally:
                connection.close()

        with ThreadPoolExecutor(1) as pool:
            return pool.submit(contextvars.copy_context().run, read).result()

    with transaction.atomic():
        services.post_comment(author, space, "Pas encore sentinelle-9a8b7c")
        assert "sentinelle-9a8b7c" not in elsewhere()

    assert "sentinelle-9a8b7c" in elsewhere()
    _kept(space, "Pas encore sentinelle-9a8b7c")  # stored elsewhere after the commit


def test_a_thread_rebuilt_from_the_cached_comments_is_the_same_html(
    space, member, moderator, reader
):
    """Each comment's article is kept under what it shows (comment.html), and the list of
    a page of threads under what all of them show: a thread renewed by a write that
    changes nothing shown renders nothing again, one that changes a comment renders that
    comment only, and both give the HTML a cold cache gives."""
    first = services.post_comment(member, space, "Bonjour sentinelle-4d5e6f")
    second = services.post_comment(reader, space, "Réponse sentinelle-7a8b9c", parent=first)
    services.react(reader, first, "useful")
    moderation.hide(moderator, services.post_comment(reader, space, "Masqué sentinelle-0c1d2e"))
    rendered = []
    template_rendered.connect(
        receiver := lambda sender, template, **kw: rendered.append(template.name)
    )
    try:
        for user in (AnonymousUser(), member, moderator):
            request = RequestFactory().get("/")
            request.user = user
            context = thread_context(request, space)
            cache.clear()
            table_versions.local_values.clear()
            cold = shared_thread(context, None, set(), "")["html"]
            Comment.objects.filter(pk=first.pk).update(stance="")  # changes nothing shown
            rendered.clear()
            warm = shared_thread(context, None, set(), "")["html"]
            assert warm == cold
            assert rendered == []  # the page's list is served whole
            # A second reaction changes one comment: its article only is rendered again.
            CommentReaction.objects.create(comment=second, user=moderator, kind="disagree")
            rendered.clear()
            renewed = shared_thread(context, None, set(), "")["html"]
            assert "participation/comments/thread.html" in rendered
            assert rendered.count("participation/comments/reaction_counts.html") == 1
            assert "1 pas d’accord" in renewed
            cache.clear()
            table_versions.local_values.clear()
            assert shared_thread(context, None, set(), "")["html"] == renewed
            CommentReaction.objects.filter(comment=second, user=moderator).delete()
    finally:
        template_rendered.disconnect(receiver)
    assert "sentinelle-0c1d2e" in cold  # the moderator's thread shows the hidden comment


def test_a_comment_on_another_page_keeps_the_list_of_the_first_and_renews_its_count(
    space, member, reader
):
    """After a comment on the last page of threads, the first page's count and pages
    are renewed but its list, unchanged, is not rendered again; an edit on it is."""
    roots = [services.post_comment(member, space, f"Fil {n}") for n in range(THREADS_PER_PAGE)]
    request = RequestFactory().get("/")
    request.user = reader
    context = thread_context(request, space)
    before = shared_thread(context, None, set(), "")
    rendered = []
    template_rendered.connect(
        receiver := lambda sender, template, **kw: rendered.append(template.name)
    )
    try:
        services.post_comment(reader, space, "Page deux sentinelle-1f2e3d")
        after = shared_thread(context, None, set(), "")
        assert (before["count"], after["count"]) == (THREADS_PER_PAGE, THREADS_PER_PAGE + 1)
        assert "participation/comments/thread.html" in rendered  # pages: 1 → 2
        assert "participation/comments/reaction_counts.html" not in rendered
        assert f"?{PAGE_PARAM}=2" in after["html"] and "sentinelle-1f2e3d" not in after["html"]

        services.post_comment(reader, space, "Page deux encore sentinelle-4c5b6a")
        rendered.clear()
        assert shared_thread(context, None, set(), "")["count"] == THREADS_PER_PAGE + 2
        assert rendered == []  # same comments, same pages: the list is served whole

        services.edit_comment(member, roots[0], "Revu sentinelle-7d8e9f")
        edited = shared_thread(context, None, set(), "")["html"]
        assert "Revu sentinelle-7d8e9f" in edited and "Fil 0" not in edited
        assert rendered.count("participation/comments/reaction_counts.html") == 1
    finally:
        template_rendered.disconnect(receiver)
