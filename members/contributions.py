"""A member's public contributions, for their profile page: proposals, debates, comments,
events organised or attended, experiences written.

One paginated list across modules in a constant number of queries: a UNION of
(kind, id, date) rows, each part already restricted to what the viewer may see (spaces
the viewer sees, nothing hidden by moderation, no draft, no unpublished page), sorted and
sliced by PostgreSQL with the count of all rows alongside (`page_of`: one statement, where
a paginator would send the UNION twice, to count it and to slice it); then one query per
kind loads the objects of the page."""

from dataclasses import dataclass

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.core.paginator import Page as ListPage
from django.core.paginator import Paginator
from django.db import connection
from django.db.models import (
    BigIntegerField,
    CharField,
    DateTimeField,
    Exists,
    F,
    Func,
    OuterRef,
    Q,
    Value,
)
from django.db.models.functions import Cast
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from debates.models import Debate
from editorial.models import ExperienceContact, ExperiencePage
from events.models import Event, RegistrationStatus
from participation.comments.api import Comment
from participation.spaces.api import SpacePage
from proposals.models import Proposal

KINDS = {
    "proposal": _("Proposition"),
    "debate": _("Débat ouvert"),
    "comment": _("Commentaire"),
    "organised": _("Événement organisé"),
    "attended": _("Participation à un événement"),
    "experience": _("Retour d’expérience"),
}


@dataclass(frozen=True)
class Contribution:
    kind: str
    date: object
    obj: object

    @property
    def kind_label(self):
        return KINDS[self.kind]

    @property
    def title(self):
        if self.kind == "comment":
            return self.obj.comment[:140]
        return self.obj.title

    @property
    def url(self):
        """The comment's anchor on its object's page (its page of threads would cost a
        query per comment), or the object's page."""
        if self.kind == "comment":
            return f"{_object_url(self.obj.content_object)}#c{self.obj.pk}"
        return _object_url(self.obj)


def _object_url(obj):
    return obj.get_url() if isinstance(obj, Page) else obj.get_absolute_url()


def _rows(queryset, kind, date):
    return (
        queryset.order_by()
        .annotate(
            c_kind=Value(kind, output_field=CharField()), c_date=Cast(F(date), DateTimeField())
        )
        .values_list("c_kind", "pk", "c_date")
    )


class _NumericPk(Func):
    """A comment's `object_pk` (text) as the integer key it names, NULL when it names none:
    never a cast error, whatever the text."""

    template = "CASE WHEN %(expressions)s ~ '^[0-9]{1,18}$' THEN (%(expressions)s)::bigint END"
    output_field = BigIntegerField()


def _commented(content_types, queryset):
    """The member's comments on an object of `queryset`: checked comment by comment, one
    index lookup each. (`object_pk IN (all visible proposals as text)` hashed every
    visible proposal, debate and page of the network on each profile: 70 ms of
    PostgreSQL for a member of a hundred comments.)"""
    return Q(content_type__in=content_types) & Exists(
        queryset.order_by().filter(pk=_NumericPk(OuterRef("object_pk")))
    )


def contribution_rows(member, viewer, now=None):
    """The UNION of (kind, id, date) rows of what `viewer` may see of `member`'s
    contributions, newest first."""
    spaces = SpacePage.objects.visible_to(viewer).values("pk")
    proposals = Proposal.objects.listed().filter(space__in=spaces)
    debates = Debate.objects.visible().filter(space__in=spaces)
    events = Event.objects.filter(Q(space__isnull=True) | Q(space__in=spaces))
    # Pages under a view restriction, read once for both parts that need it.
    private = Page.objects.private_q()
    pages = Page.objects.live().exclude(private)
    page_types = ContentType.objects.get_for_models(
        *(model for model in apps.get_models() if issubclass(model, Page))
    ).values()
    types = ContentType.objects.get_for_models(Proposal, Debate, Event)
    comments = Comment.objects.visible().filter(
        _commented([types[Proposal]], proposals)
        | _commented([types[Debate]], debates)
        | _commented([types[Event]], events)
        | _commented(page_types, pages),
        user=member,
        is_public=True,
        is_removed=False,
        deleted_at__isnull=True,
    )
    attended = events.filter(
        end_at__lt=now or timezone.now(),
        registrations__user=member,
        registrations__status=RegistrationStatus.CONFIRMED,
    )
    # Written (owned) or told (a contact of): two parts, each read through its own index,
    # where one OR across both tables read every live page. The second part leaves out
    # what the first has, so that no experience is listed twice.
    experiences = ExperiencePage.objects.live().exclude(private)
    told = experiences.filter(
        Exists(ExperienceContact.objects.filter(page=OuterRef("pk"), member=member))
    ).exclude(owner=member)
    parts = [
        _rows(proposals.authored_by(member), "proposal", "published_at"),
        _rows(debates.filter(author=member), "debate", "created_at"),
        _rows(comments, "comment", "submit_date"),
        _rows(events.filter(organiser=member), "organised", "start_at"),
        _rows(attended, "attended", "start_at"),
        _rows(experiences.filter(owner=member), "experience", "first_published_at"),
        _rows(told, "experience", "first_published_at"),
    ]
    return parts[0].union(*parts[1:], all=True).order_by("-c_date", "-pk")


# A page number past this one is left to the paginator (its OFFSET would not fit).
MAX_PAGE = 2**31


def page_of(rows, number, per_page):
    """The page `number` of `rows` (`contribution_rows`), as `Paginator.get_page` gives it
    (page 1 for a number that is none, the last page for one out of range), in one
    statement: each row of the page carries the count of all rows (a window over the
    UNION). A page past the end has no row to carry it: the paginator then counts."""
    try:
        if isinstance(number, float) and not number.is_integer():
            raise ValueError
        number = int(number)
    except (TypeError, ValueError):
        number = 1
    if not 1 <= number <= MAX_PAGE:
        return Paginator(rows, per_page).get_page(number)
    sql, params = rows.order_by().query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT kind, pk, date, count(*) OVER () FROM ({sql}) AS rows (kind, pk, date)"
            " ORDER BY date DESC, pk DESC LIMIT %s OFFSET %s",
            [*params, per_page, (number - 1) * per_page],
        )
        found = cursor.fetchall()
    if not found and number > 1:
        return Paginator(rows, per_page).get_page(number)
    paginator = Paginator([], per_page)
    paginator.count = found[0][3] if found else 0
    return ListPage([row[:3] for row in found], number, paginator)


LOADERS = {
    "proposal": lambda ids: Proposal.objects.filter(pk__in=ids).only("pk", "title", "space_id"),
    "debate": lambda ids: Debate.objects.filter(pk__in=ids).only("pk", "title", "space_id"),
    "comment": lambda ids: Comment.objects.filter(pk__in=ids).prefetch_related("content_object"),
    "organised": lambda ids: Event.objects.filter(pk__in=ids).only("pk", "title"),
    "attended": lambda ids: Event.objects.filter(pk__in=ids).only("pk", "title"),
    "experience": lambda ids: ExperiencePage.objects.filter(pk__in=ids),
}


def load(rows):
    """The contributions of a page of rows, one query per kind present."""
    ids = {}
    for kind, pk, _date in rows:
        ids.setdefault(kind, []).append(pk)
    objects = {kind: {obj.pk: obj for obj in LOADERS[kind](pks)} for kind, pks in ids.items()}
    return [
        Contribution(kind, date, objects[kind][pk])
        for kind, pk, date in rows
        if pk in objects[kind]
    ]
