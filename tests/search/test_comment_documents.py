"""Comments are found by the network search where what they comment on is found, lead to
their place in the thread, and leave the index, its counts and facets, in every case where
a reader could not see them."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from participation.comments import services as comments
from participation.comments.models import PAGE_PARAM, THREADS_PER_PAGE
from participation.models import Visibility
from participation.moderation import services as moderation
from participation.utils import content_type_for
from search import indexing
from tests.factories import (
    CommentFactory,
    NewsIndexPageFactory,
    NewsPageFactory,
    ProposalFactory,
    UserFactory,
    make_space,
)
from tests.search.test_visibility import kind_counts, search_as

pytestmark = pytest.mark.django_db
VISITOR = AnonymousUser()
WORD = "zygomorphe"  # in no factory's random text


@pytest.fixture
def indexed(django_capture_on_commit_callbacks):
    return lambda: django_capture_on_commit_callbacks(execute=True)


def found(user=VISITOR):
    """Keys of the comments found for WORD, and the kind facet's count of comments."""
    results = search_as(user, WORD)
    keys = {hit.key.split("-")[1] for hit in results.hits if hit.kind == "commentaire"}
    return {int(pk) for pk in keys}, kind_counts(results).get("commentaire", 0), results.total


def test_a_comment_is_found_with_its_excerpt_and_leads_to_its_place_in_the_thread(indexed, client):
    space = make_space("Jardins partagés au quartier")
    author = UserFactory(display_name="Inès Garnier")
    with indexed():
        proposal = ProposalFactory(space=space, title="Des bacs dans chaque cour")
    roots = [
        CommentFactory(content_object=proposal, comment="Bonne idée.")
        for _ in range(THREADS_PER_PAGE + 1)
    ]
    with indexed():
        reply = comments.post_comment(
            author, proposal, f"Une plante {WORD} pousse bien à l’ombre.", parent=roots[-1]
        )

    results = search_as(VISITOR, WORD)
    [hit] = results.hits
    assert hit.kind == "commentaire" and hit.kind_label == ""  # labels come from the page
    assert hit.title == "Inès Garnier sur « Des bacs dans chaque cour »"
    assert "\x02zygomorphe\x03" in hit.excerpt
    url = f"{proposal.get_absolute_url()}?{PAGE_PARAM}=2&fil={roots[-1].pk}#c{reply.pk}"
    assert hit.url == url == reply.get_absolute_url()

    page = client.get(reverse("search:search"), {"q": WORD}).content.decode()
    assert "Inès Garnier sur « Des bacs" in page and "<mark>zygomorphe</mark>" in page
    assert f'href="{url.replace("&", "&amp;")}"' in page
    thread = client.get(url.split("#")[0]).content.decode()
    assert f'id="c{reply.pk}"' in thread and f'id="c{roots[0].pk}"' not in thread
    # A comment's title repeats its object's: it is kept out of the typed suggestions.
    suggested = client.get(reverse("search:suggest"), {"q": "bacs dans"}).content.decode()
    assert "Des bacs dans chaque cour" in suggested and "Inès Garnier sur" not in suggested


def test_hidden_deleted_and_unreadable_comments_leave_results_counts_and_facets(indexed):
    invited = UserFactory()
    space = make_space("Jardins partagés au quartier", memberships=[invited])
    kept, hidden_one, other = (ProposalFactory(space=space) for _ in range(3))
    news = NewsPageFactory(parent=NewsIndexPageFactory(), title="Le point sur les jardins")
    with indexed():
        shown = CommentFactory(content_object=kept, comment=f"Un avis {WORD}.")
        moderated = CommentFactory(content_object=kept, comment=f"Un {WORD} masqué.")
        deleted = comments.post_comment(UserFactory(), kept, f"Un {WORD} retiré.")
        on_hidden = CommentFactory(content_object=hidden_one, comment=f"Sous {WORD} masquée.")
        on_other = CommentFactory(content_object=other, comment=f"Un {WORD} ailleurs.")
        on_news = CommentFactory(content_object=news, comment=f"Un {WORD} d’actualité.")
    everything = {shown.pk, moderated.pk, deleted.pk, on_hidden.pk, on_other.pk, on_news.pk}
    assert found() == (everything, 6, 6)

    with indexed():
        moderation.hide(None, moderated)  # hidden comment
        comments.delete_comment(deleted.user, deleted)  # deleted comment
        moderation.hide(None, hidden_one)  # hidden object
        news.unpublish()  # unpublished page
    remaining = {shown.pk, on_other.pk}
    assert found() == (remaining, 2, 2)

    with indexed():  # the space turns private: its comments follow, for invited members only
        space.visibility = Visibility.PRIVATE
        space.save()
    assert found() == (set(), 0, 0)
    assert found(UserFactory()) == (set(), 0, 0)
    assert found(invited) == (remaining, 2, 2)

    with indexed():  # and back, with what is still hidden kept out
        space.visibility = Visibility.PUBLIC
        space.save()
        moderation.unhide(None, hidden_one)
    assert found() == (remaining | {on_hidden.pk}, 3, 3)


def test_a_posted_comment_is_indexed_once_and_its_objects_read_once_per_model(
    indexed, member_client
):
    """Posting saves the comment twice (created, then its thread): it is re-indexed once,
    at commit, and found by the next search. Re-indexing comments on several proposals
    reads the proposals in one query, not one per proposal."""
    space = make_space("Jardins partagés au quartier")
    with indexed():
        proposals = [ProposalFactory(space=space) for _ in range(3)]
    url = reverse(
        "participation:comment_post", args=[content_type_for(proposals[0]).pk, proposals[0].pk]
    )
    with CaptureQueriesContext(connection) as queries, indexed():
        member_client.post(url, {"comment": f"Une plante {WORD}."})
    entries_read = [q for q in queries if q["sql"].startswith('SELECT "search_searchentry"')]
    assert len(entries_read) == 1  # the stored entry compared once
    assert found()[1:] == (1, 1)

    def reindexing(comments_):
        with CaptureQueriesContext(connection) as queries:
            indexing.update(comments_)
        return [q for q in queries if 'FROM "proposals_proposal"' in q["sql"]]

    one = [CommentFactory(content_object=proposals[1], comment="Avis.")]
    several = [CommentFactory(content_object=p, comment="Avis.") for p in proposals]
    assert len(reindexing(several)) == len(reindexing(one)) == 1
