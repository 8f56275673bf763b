"""The list of debates, one cached fragment per page (`debates/debate_list.html`).

The fragment is keyed by what decides its rows (which spaces the reader sees, the
filters, the page), not by the SQL of its query, which took longer to compile than a
cached page takes to serve. Its comment counts are read for the page's debates only,
each noting its debate's thread version (`participation.comments.models.THREAD_VERSIONS`)
instead of the comment tables: a comment elsewhere (on a proposal, on another page of
debates) leaves the page in the cache, a comment on one of its debates renews it. Sorted
by number of answers, the order depends on every debate's comments: that page notes the
comment tables, as before."""

from django.contrib.contenttypes.models import ContentType
from django.db.models import Count

from debates.models import Debate
from maillage import table_versions
from participation.comments.api import Comment
from participation.comments.models import THREAD_VERSIONS, thread_key
from participation.spaces.api import visibility_class

COMMENTED = "commented"


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


def debates(user, form):
    """The filtered and sorted debates the user sees, with their comment counts only when
    sorted by them (otherwise `fill_comment_counts` reads them for the page)."""
    found = Debate.objects.visible_to(user).select_related("space", "author")
    found = found.prefetch_related("thematiques")
    if form.is_valid() and form.cleaned_data["sort"] == COMMENTED:
        found = found.with_comment_counts()
    return form.filter(found)


def fill_comment_counts(page):
    """`comments_count` on each debate of `page` that has none yet, in one query, noting
    each debate's thread version rather than the comment tables."""
    missing = [debate for debate in page.object_list if not hasattr(debate, "comments_count")]
    if not missing:
        return
    content_type = ContentType.objects.get_for_model(Debate)
    keys = [thread_key(content_type.pk, debate.pk) for debate in missing]
    with table_versions.scoped_many(THREAD_VERSIONS, keys):
        counts = dict(
            Comment.objects.filter(
                content_type=content_type,
                object_pk__in=[str(debate.pk) for debate in missing],
                is_hidden=False,
                deleted_at__isnull=True,
            )
            .order_by()
            .values_list("object_pk")
            .annotate(n=Count("pk"))
        )
    for debate in missing:
        debate.comments_count = counts.get(str(debate.pk), 0)
