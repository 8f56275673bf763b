"""The space's list: filters, their counts and the orders, in a fixed number of queries.

The counts shown beside the filters are the same for every reader of a space and text
query (except "mine" and "voted"): they are kept in the cache until a proposal, a
thematique or a tag of the space's tables changes (see maillage.table_versions).
"""

from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, F, Q
from django.utils.translation import gettext_lazy as _
from taggit.models import Tag

from maillage.table_versions import cached, key
from participation.comments.api import Comment
from proposals.models import Proposal, State
from taxonomy.models import Thematique

UNANSWERED = "unanswered"
TAGS_SHOWN = 15
COUNTS_CACHE_SECONDS = 300


def base_queryset(space, query=""):
    proposals = Proposal.objects.listed().filter(space=space)
    return proposals.search(query) if query else proposals


def apply_filters(proposals, data, user):
    proposals = proposals.withdrawn() if data.get("withdrawn") else proposals.active()
    state = data.get("state")
    if state == UNANSWERED:
        proposals = proposals.filter(state="")
    elif state:
        proposals = proposals.filter(state=state)
    if data.get("thematique"):
        proposals = proposals.filter(thematiques__slug=data["thematique"])
    if data.get("tag"):
        proposals = proposals.filter(tags__slug=data["tag"])
    if data.get("region"):
        region = data["region"]
        proposals = proposals.filter(Q(region=region) | Q(departement__region=region))
    if user.is_authenticated and data.get("mine"):
        proposals = proposals.authored_by(user)
    if user.is_authenticated and data.get("voted"):
        proposals = proposals.voted_by(user)
    return proposals


def order_of(order, *, query, counts_hidden):
    """The order the list applies: the one asked, if the space shows what it sorts by;
    by relevance for a text query; else random ("shuffled", by the reader's seed)."""
    if order == "votes" and not counts_hidden:
        return "votes"
    if order in ("recent", "comments"):
        return order
    if query and not order:
        return "rank"
    return "shuffled"


def apply_order(proposals, order, *, seed, query, counts_hidden):
    applied = order_of(order, query=query, counts_hidden=counts_hidden)
    if applied == "votes":
        return proposals.order_by("-vote_count", "-published_at")
    if applied == "recent":
        return proposals.order_by("-published_at", "-pk")
    if applied == "comments":
        return proposals.with_comment_count().order_by(F("comment_count").desc(), "-pk")
    if applied == "rank":
        return proposals.order_by("-rank", "-pk")
    return proposals.shuffled(seed)


def page_key_parts(space, query, data, user, *, seed, counts_hidden):
    """Everything the list's rows depend on besides the tables they read, as the parts of
    a cache key: the same parts always make the same query (`base_queryset`,
    `apply_filters`, `apply_order`), so the query need not be built to be named."""
    applied = order_of(data.get("order", ""), query=query, counts_hidden=counts_hidden)
    personal = user.is_authenticated and (data.get("mine") or data.get("voted"))
    return [
        space.pk,
        query,
        sorted((name, getattr(value, "pk", value)) for name, value in data.items() if value),
        applied,
        seed if applied == "shuffled" else None,
        user.pk if personal else None,
    ]


def card_rows(ids):
    """The rows of the cards of `ids` ({pk: proposal}, without the columns a card does not
    show), and each one's `comment_count` read apart, noting each
    proposal's thread version rather than the comment tables: a comment on another
    proposal (or on a debate) leaves the rows in the cache."""
    rows = Proposal.objects.filter(pk__in=ids).defer("body", "answer", "search_document")
    rows = rows.in_bulk()
    if not rows:
        return rows
    counts = Comment.objects.filter(is_public=True, is_removed=False).counts_by_object(
        Proposal, list(rows)
    )
    for pk, proposal in rows.items():
        proposal.comment_count = counts.get(pk, 0)
    return rows


def _shared(name, space, query, compute):
    return cached(key(f"proposals:{name}", space.pk, query), compute, COUNTS_CACHE_SECONDS)


def facet_counts(proposals, user, space, query):
    """How many proposals each filter would show (within the current text query)."""
    active = Q(withdrawn_at__isnull=True)
    aggregates = {
        "total": Count("pk", filter=active),
        "withdrawn": Count("pk", filter=~active),
        UNANSWERED: Count("pk", filter=active & Q(state="")),
        **{value: Count("pk", filter=active & Q(state=value)) for value in State.values},
    }
    counts = dict(
        _shared("counts", space, query, lambda: proposals.order_by().aggregate(**aggregates))
    )
    if user.is_authenticated:
        # The member's own counts, kept for them alone (their id is in the key) until a
        # proposal, a vote or a co-authorship is written.
        counts.update(
            _shared(
                f"member-counts:{user.pk}",
                space,
                query,
                lambda: proposals.order_by().aggregate(
                    mine=Count(
                        "pk", filter=active & Q(pk__in=proposals.authored_by(user).values("pk"))
                    ),
                    voted=Count(
                        "pk", filter=active & Q(pk__in=proposals.voted_by(user).values("pk"))
                    ),
                ),
            )
        )
    return counts


def state_choices(counts):
    return [
        ("", _("Tous les états (%(count)d)") % {"count": counts["total"]}),
        (UNANSWERED, _("Sans réponse (%(count)d)") % {"count": counts[UNANSWERED]}),
        *[(value, f"{label} ({counts[value]})") for value, label in State.choices],
    ]


def label_counts(form, counts, user):
    """Show each filter's count in its label; members-only filters for members only."""
    if user.is_authenticated:
        for name in ("mine", "voted"):
            form.fields[name].label = f"{form.fields[name].label} ({counts[name]})"
    else:
        del form.fields["mine"], form.fields["voted"]
    form.fields["withdrawn"].label = f"{form.fields['withdrawn'].label} ({counts['withdrawn']})"


def thematique_choices(proposals, space, query):
    rows = _shared(
        "thematiques",
        space,
        query,
        lambda: list(
            Thematique.objects.filter(proposals__in=proposals.active().values("pk"))
            .annotate(total=Count("proposals"))
            .order_by("slug")
            .values_list("slug", "name", "total")
        ),
    )
    return [("", _("Toutes les thématiques"))] + [
        (slug, f"{name} ({total})") for slug, name, total in rows
    ]


def popular_tags(proposals, space, query):
    content_type = ContentType.objects.get_for_model(Proposal)
    return _shared(
        "tags",
        space,
        query,
        lambda: list(
            Tag.objects.filter(
                taggit_taggeditem_items__content_type=content_type,
                taggit_taggeditem_items__object_id__in=proposals.active().values("pk"),
            )
            .annotate(total=Count("taggit_taggeditem_items"))
            .order_by("-total", "name")[:TAGS_SHOWN]
        ),
    )
