"""Debates: an open question put to the members of a space, answered by stance-taking
comments (pour / contre / neutre) and closed by a moderator's conclusions."""

import hashlib
import json

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Count, IntegerField, OuterRef, Q, Subquery
from django.db.models.functions import Cast, Coalesce
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from participation.comments.api import Comment
from participation.moderation.api import Moderatable, ModeratableQuerySet
from participation.roles import is_moderator
from participation.spaces.api import SpacePage


class DebateStatus(models.TextChoices):
    UPCOMING = "upcoming", _("À venir")
    OPEN = "open", _("Ouvert")
    CLOSED = "closed", _("Clos")


class DebateQuerySet(ModeratableQuerySet):
    def visible_to(self, user):
        """Debates of spaces the user sees; hidden ones only for moderators."""
        debates = self.filter(space__in=SpacePage.objects.visible_to(user).values("pk"))
        return debates if is_moderator(user) else debates.visible()

    def with_status(self, status, now=None):
        now = now or timezone.now()
        not_closed = Q(closed_at__isnull=True) & (Q(end_at__isnull=True) | Q(end_at__gte=now))
        if status == DebateStatus.CLOSED:
            return self.exclude(not_closed)
        started = Q(start_at__isnull=True) | Q(start_at__lte=now)
        if status == DebateStatus.UPCOMING:
            return self.filter(not_closed & ~started)
        return self.filter(not_closed & started)

    def with_comment_counts(self):
        """`comments_count`: visible comments, in a subquery so that counting and
        paginating the list stay cheap."""
        comments = (
            Comment.objects.filter(
                content_type=ContentType.objects.get_for_model(self.model),
                object_pk=Cast(OuterRef("pk"), models.CharField()),
                is_hidden=False,
                deleted_at__isnull=True,
            )
            .order_by()
            .values("object_pk")
            .annotate(n=Count("pk"))
            .values("n")
        )
        return self.annotate(
            comments_count=Coalesce(Subquery(comments, output_field=IntegerField()), 0)
        )

    def for_listing(self):
        return (
            self.select_related("space", "author")
            .prefetch_related("thematiques")
            .with_comment_counts()
        )


class Debate(Moderatable):
    space = models.ForeignKey(
        SpacePage,
        verbose_name=_("démarche"),
        on_delete=models.CASCADE,
        related_name="debates",
    )
    title = models.CharField(_("question débattue"), max_length=200)
    description = models.TextField(
        _("présentation"),
        max_length=5000,
        help_text=_("Le contexte et les enjeux de la question, en quelques paragraphes."),
    )
    instructions = models.TextField(
        _("consignes"),
        max_length=2000,
        blank=True,
        help_text=_("Comment contribuer : ce qui est attendu des participants."),
    )
    start_at = models.DateTimeField(_("ouverture"), null=True, blank=True)
    end_at = models.DateTimeField(_("clôture prévue"), null=True, blank=True)
    thematiques = models.ManyToManyField(
        "taxonomy.Thematique", verbose_name=_("thématiques"), blank=True, related_name="+"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("auteur"),
        on_delete=models.PROTECT,
        related_name="debates",
    )
    is_official = models.BooleanField(
        _("débat officiel"),
        default=False,
        help_text=_("Ouvert par l’équipe d’animation plutôt que par un membre."),
    )
    created_at = models.DateTimeField(_("créé le"), auto_now_add=True, db_index=True)
    updated_at = models.DateTimeField(_("modifié le"), auto_now=True)
    closed_at = models.DateTimeField(_("clos le"), null=True, blank=True, db_index=True)
    closed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("clos par"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    conclusions = models.TextField(_("conclusions"), max_length=5000, blank=True)

    # participation's comment thread asks each comment for a stance.
    comments_with_stance = True
    moderation_author_field = "author"

    objects = DebateQuerySet.as_manager()

    class Meta:
        verbose_name = _("débat")
        verbose_name_plural = _("débats")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["space", "is_hidden", "-created_at"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_at__isnull=True)
                | Q(start_at__isnull=True)
                | Q(end_at__gt=models.F("start_at")),
                name="debates_end_after_start",
            )
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("debates:detail", args=[self.pk])

    def moderation_excerpt(self):
        return f"{self.title} — {self.description[:250]}"

    def is_visible_to(self, user):
        return self.space.is_visible_to(user)

    @cached_property
    def fingerprint(self):
        """The debate's own fields as they are, a key for the cached fragments of its
        page (what they show of other tables, authors and thématiques, expires them by
        itself)."""
        values = [getattr(self, field.attname) for field in self._meta.concrete_fields]
        return hashlib.sha256(json.dumps(values, default=str).encode()).hexdigest()

    @property
    def status(self):
        now = timezone.now()
        if self.closed_at or (self.end_at and self.end_at < now):
            return DebateStatus.CLOSED
        if self.start_at and self.start_at > now:
            return DebateStatus.UPCOMING
        return DebateStatus.OPEN

    def get_status_display(self):
        return DebateStatus(self.status).label

    @property
    def is_open(self):
        return self.status == DebateStatus.OPEN
