"""Long threads stay light and quick to cross with the keyboard: replies folded beyond the
first ones (a link shows them, with or without JavaScript), at most two tab stops per
comment (its actions in one disclosure menu), a reply form only when asked for, and the
heaviest page of the site under its HTML and query budgets."""

from html.parser import HTMLParser

import pytest
from django.urls import reverse

from participation.comments import services
from participation.comments.models import REPLIES_SHOWN
from participation.models import Comment
from participation.utils import content_type_for
from tests.factories import CommentFactory, ProposalFactory, UserFactory, make_space
from tests.participation.long_thread import long_thread

pytestmark = pytest.mark.django_db
HTML_BUDGET = 60_000
QUERY_BUDGET = 28  # the proposal page, whatever the length of its thread (33 before)


class TabStops(HTMLParser):
    """Focusable elements of each comment (its replies not counted), skipping the
    content of closed <details> menus, whose summary is the one stop."""

    FOCUSABLE = {"a", "button", "summary", "textarea", "select", "input"}

    def __init__(self):
        super().__init__()
        self.stack = []  # (tag, comment id or None, inside a closed details)
        self.stops = {}

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        comment = next((c for _t, c, _h in reversed(self.stack) if c), None)
        closed = any(hidden for _t, _c, hidden in self.stack)
        if tag == "li" and "comment--level" in (attrs.get("class") or ""):
            comment = attrs["id"]
            self.stops[comment] = 0
        focusable = tag in self.FOCUSABLE and attrs.get("type") != "hidden"
        if focusable and comment and (not closed or tag == "summary"):
            self.stops[comment] += 1
        if tag in {"input", "br", "img"}:
            return
        self.stack.append(
            (tag, comment if tag == "li" else None, tag == "details" and "open" not in attrs)
        )

    def handle_endtag(self, tag):
        while self.stack:
            if self.stack.pop()[0] == tag:
                break


def tab_stops(html):
    parser = TabStops()
    parser.feed(html)
    return parser.stops


def test_heaviest_page_stays_under_its_html_and_query_budgets_two_tab_stops_per_comment(
    member_client, member, django_assert_max_num_queries
):
    proposal = long_thread(member)

    with django_assert_max_num_queries(QUERY_BUDGET):
        html = member_client.get(proposal.get_absolute_url()).content.decode()

    assert len(html.encode()) <= HTML_BUDGET  # 107 725 bytes and 84 forms before folding
    assert html.count("<form") <= 40
    stops = tab_stops(html)
    assert len(stops) == html.count('class="comment comment--level') > 20
    assert max(stops.values()) <= 2, stops
    assert html.count("<textarea") == 1  # the comment form only: replies on demand
    section = html.index('class="comments"')
    first = html.index('class="comment comment--level', section)
    assert html.index("Ajouter un commentaire</a>", section) < first


def test_proposal_page_with_one_comment_has_the_same_query_budget(
    member_client, member, django_assert_max_num_queries
):
    proposal = ProposalFactory(space=make_space())
    CommentFactory(content_object=proposal, user=member, comment="Un seul avis.")
    with django_assert_max_num_queries(QUERY_BUDGET):
        response = member_client.get(proposal.get_absolute_url())
    assert response.status_code == 200


def test_folded_replies_are_shown_by_a_link_without_js_and_with_htmx(member_client, member):
    space = make_space()
    root = CommentFactory(content_object=space, comment="Le constat.")
    replies = [
        CommentFactory(content_object=space, comment=f"Réponse {n}.", parent_id=root.pk)
        for n in range(REPLIES_SHOWN + 2)
    ]

    html = member_client.get(space.url).content.decode()
    assert "Réponse 1." in html and "Réponse 2." not in html
    link = f"?fil={root.thread_id}#c{replies[REPLIES_SHOWN].pk}"
    assert "Afficher les 2 autres réponses" in html and f'href="{link}"' in html

    unfolded = member_client.get(space.url + link.split("#")[0]).content.decode()
    assert all(f"Réponse {n}." in unfolded for n in range(4))
    assert "autres réponses" not in unfolded

    fragment_url = reverse("participation:comment_replies", args=[root.pk])
    fragment = member_client.get(fragment_url, HTTP_HX_REQUEST="true").content.decode()
    assert "<html" not in fragment and all(f"Réponse {n}." in fragment for n in range(4))
    assert "2 réponses affichées" in fragment and fragment.count("data-focus-after-swap") == 1
    without_js = member_client.get(fragment_url)
    assert without_js.status_code == 302 and without_js["Location"] == root.get_absolute_url()
    assert replies[-1].get_absolute_url().endswith(f"fil={root.thread_id}#c{replies[-1].pk}")


def test_reply_link_opens_a_form_page_and_posting_it_replies(member_client, member):
    space = make_space()
    root = CommentFactory(content_object=space, user=UserFactory(display_name="Karim Benali"))
    reply_url = reverse("participation:comment_reply", args=[root.pk])
    assert f'href="{reply_url}"' in member_client.get(space.url).content.decode()

    page = member_client.get(reply_url).content.decode()
    assert "Votre réponse à Karim Benali" in page and f'value="{root.pk}"' in page
    fragment = member_client.get(reply_url, HTTP_HX_REQUEST="true").content.decode()
    assert "<html" not in fragment and "data-focus-after-swap" in fragment

    post_url = reverse("participation:comment_post", args=[content_type_for(space).pk, space.pk])
    response = member_client.post(post_url, {"comment": "D’accord.", "parent": root.pk})
    reply = Comment.objects.get(parent_id=root.pk, level=1)
    assert response.status_code == 302 and reply.user == member
    response = member_client.post(
        post_url, {"comment": "Et avec htmx.", "parent": root.pk}, HTTP_HX_REQUEST="true"
    )
    html = response.content.decode()
    posted = Comment.objects.get(comment="Et avec htmx.")
    assert f'aria-labelledby="c{posted.pk}-author" data-focus-after-swap' in html
    assert "Votre commentaire est publié." in html and html.count("data-focus-after-swap") == 1


def test_replying_where_it_is_refused_says_why_and_writes_nothing(member_client, member):
    space = make_space()
    root = CommentFactory(content_object=space)
    level1 = services.post_comment(UserFactory(), space, "Un.", parent=root)
    level2 = services.post_comment(UserFactory(), space, "Deux.", parent=level1)
    response = member_client.get(reverse("participation:comment_reply", args=[level2.pk]))
    assert response.status_code == 403
    assert "s’arrêtent au troisième niveau" in response.content.decode()

    closed = make_space("Démarche close", phases=[], slug="close")
    comment = CommentFactory(content_object=closed)
    response = member_client.get(reverse("participation:comment_reply", args=[comment.pk]))
    assert response.status_code == 403 and "Revenir à la discussion" in response.content.decode()
    assert Comment.objects.count() == 4
