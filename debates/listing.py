"""The list of debates, one cached fragment per page (`debates/debate_list.html`).

The fragment is keyed by what decides its rows (which spaces the reader sees, the
filters, the page), not by the SQL of its query, which took longer to compile than a
cached page takes to serve. Its comment counts are read for the page's debates only,
each noting its debate's thread version (`participation.comments.models.THREAD_VERSIONS`)
instead of the comment tables: a comment elsewhere (on a proposal, on another page of
debates) leaves the page in the cache, a comment on one of its debates renews it. Sorted
by number of answers, the order depends on the comments of every debate the filters
keep: their versions are all noted (up to RANKED_AT_MOST debates; beyond, the page notes
the comment tables)."""

from django.core.paginator import Paginator

from debates.models import Debate
from maillage import table_versions
from participation.comments.api import Comment
from participation.spaces.api import visibility_class

COMMENTED = "commented"
# Sorted by answers, the order of at most this many debates notes their threads' versions.
RANKED_AT_MOST = 300


def results_key(user, form, page, per_page):
    """The page's key: the reader's visibility class, the valid filters, the page."""
    data = form.cleaned_data if form.is_valid() else {}
    filters = sorted((name, getattr(value, "pk", value)) for name, value in data.items() if value)
    return table_versions.key("debates-page", visibility_class(user), filters, page, per_page)


def filters_key(request):
    """The key of the filters' fragment: the form shows the spaces the reader sees and
    the query string's values (with their errors)."""
    return table_versions.key(
        "debates-filters",
        visibility_class(request.user),
        request.path,
        sorted(request.GET.lists()),
    )


def read_page(request, user, form, per_page):
    """The page asked of the debates the user sees, filtered and sorted by `form`, with
    each debate's comment count (`fill_comment_counts`)."""
    found = Debate.objects.visible_to(user).select_related("space", "author")
    found = form.narrow(found.prefetch_related("thematiques"))
    number = request.GET.get("page")
    if form.is_valid() and form.cleaned_data["sort"] == COMMENTED:
        ranked = _ranked_by_comments(found)
        if ranked is not None:
            page = Paginator(ranked, per_page).get_page(number)
            ranks = list(page.object_list)
            rows = found.in_bulk([pk for pk, _count in ranks])
            page.object_list = []
            for pk, count in ranks:
                rows[pk].comments_count = count
                page.object_list.append(rows[pk])
            return page
        found = found.with_comment_counts()
    page = Paginator(found.order_by(*form.ordering()), per_page).get_page(number)
    page.object_list = list(page.object_list)
    fill_comment_counts(page)
    return page


def _ranked_by_comments(found):
    """[(pk, comment count)] of the debates `found`, most answered first (then newest), the
    counts noting each debate's thread version: a comment on another debate, or on
    anything else, leaves the order in the cache. None beyond RANKED_AT_MOST debates,
    whose versions would cost more to check than the order costs to compute."""
    candidates = list(found.order_by().values_list("pk", "created_at")[: RANKED_AT_MOST + 1])
    if len(candidates) > RANKED_AT_MOST:
        return None
    counts = Comment.objects.counts_by_object(Debate, [pk for pk, _created in candidates])
    ranked = sorted(
        candidates, key=lambda row: (counts.get(row[0], 0), row[1], row[0]), reverse=True
    )
    return [(pk, counts.get(pk, 0)) for pk, _created in ranked]


def fill_comment_counts(page):
    """`comments_count` on each debate of `page`, in one query, noting each debate's
    thread version rather than the comment tables."""
    counts = Comment.objects.counts_by_object(Debate, [debate.pk for debate in page.object_list])
    for debate in page.object_list:
        debate.comments_count = counts.get(debate.pk, 0)
