"""Proposals: what members put forward in a space, co-sign, and what moderators answer."""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.contrib.postgres.indexes import GinIndex, OpClass
from django.contrib.postgres.search import (
    SearchQuery,
    SearchRank,
    SearchVector,
    SearchVectorField,
    TrigramSimilarity,
)
from django.core.validators import MinLengthValidator
from django.db import models
from django.db.models import Count, Exists, F, OuterRef, Prefetch, Q, Subquery
from django.db.models.functions import MD5, Cast, Coalesce, Concat, Greatest
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from taggit.managers import TaggableManager

from maillage.private_files import private_storage
from participation.comments.api import Comment
from participation.moderation.api import Moderatable, ModeratableQuerySet
from taxonomy.models import TerritoryMixin

TITLE_MIN_LENGTH = 15
TITLE_MAX_LENGTH = 150
BODY_MAX_LENGTH = 3000
SEARCH_CONFIG = "french"


def search_vector():
    """The document full-text search reads, stored in `search_document` and indexed."""
    return SearchVector("title", weight="A", config=SEARCH_CONFIG) + SearchVector(
        "body", weight="B", config=SEARCH_CONFIG
    )


class State(models.TextChoices):
    """The official answer's state; an unanswered proposal has none."""

    EVALUATING = "evaluating", _("En évaluation")
    ACCEPTED = "accepted", _("Acceptée")
    REJECTED = "rejected", _("Rejetée")
    IMPLEMENTED = "implemented", _("Mise en œuvre")


class CoauthorshipQuerySet(models.QuerySet):
    def accepted(self):
        return self.filter(accepted_at__isnull=False)

    def pending(self):
        return self.filter(accepted_at__isnull=True)


def accepted_coauthors():
    """The prefetch of `ProposalQuerySet.with_accepted_coauthors`, for objects already read."""
    return Prefetch(
        "coauthorships",
        queryset=Coauthorship.objects.accepted()
        .select_related("user")
        .order_by("created_at", "pk"),
        to_attr="accepted_coauthorships",
    )


class ProposalQuerySet(ModeratableQuerySet):
    def published(self):
        return self.filter(published_at__isnull=False)

    def listed(self):
        """What the space's list and results show: published, not hidden, not merged."""
        return self.published().visible().filter(merged_into__isnull=True)

    def withdrawn(self):
        return self.filter(withdrawn_at__isnull=False)

    def active(self):
        return self.filter(withdrawn_at__isnull=True)

    def authored_by(self, user):
        return self.filter(
            Exists(Coauthorship.objects.accepted().filter(proposal=OuterRef("pk"), user=user))
        )

    def voted_by(self, user):
        return self.filter(Exists(Vote.objects.filter(proposal=OuterRef("pk"), user=user)))

    def with_comment_count(self):
        comments = (
            Comment.objects.filter(
                content_type=ContentType.objects.get_for_model(self.model),
                object_pk=Cast(OuterRef("pk"), models.CharField()),
                is_public=True,
                is_removed=False,
                is_hidden=False,
                deleted_at__isnull=True,
            )
            .order_by()
            .values("object_pk")
            .annotate(total=Count("pk"))
            .values("total")
        )
        return self.annotate(comment_count=Coalesce(Subquery(comments), 0))

    def with_accepted_coauthors(self):
        """The accepted co-authors, in the order they joined, as `accepted_coauthorships`:
        what a card, the page and the export show beside the author."""
        return self.prefetch_related(accepted_coauthors())

    def for_cards(self, user):
        """Everything a card shows, in a constant number of queries whatever the page size."""
        qs = (
            self.select_related("region", "departement")
            .defer("body", "answer", "search_document")
            .prefetch_related("thematiques")
            .with_accepted_coauthors()
            .with_comment_count()
        )
        if user.is_authenticated:
            votes = Vote.objects.filter(proposal=OuterRef("pk"), user=user)
            qs = qs.annotate(has_my_vote=Exists(votes))
        return qs

    def search(self, text):
        query = SearchQuery(text, config=SEARCH_CONFIG, search_type="websearch")
        # Matching on the stored document (not on the rank, which would be computed for
        # every proposal of the space by each query of the list page).
        return self.annotate(rank=SearchRank(F("search_document"), query)).filter(
            Q(search_document=query) | Q(title__unaccent__icontains=text)
        )

    def similar_to(self, text, limit=5):
        """Proposals whose title is close (trigrams) or whose words match (full text), so
        that a member supports an existing proposal instead of writing a duplicate."""
        words = [word for word in text.split() if len(word) >= 4]
        similarity = TrigramSimilarity("title", text)
        match = Q(similarity__gte=0.2)
        annotations = {"similarity": similarity}
        if words:
            query = SearchQuery(words[0], config=SEARCH_CONFIG)
            for word in words[1:]:
                query |= SearchQuery(word, config=SEARCH_CONFIG)
            annotations["rank"] = SearchRank(F("search_document"), query)
            match |= Q(rank__gte=0.1)
            order = Greatest("similarity", "rank")
        else:
            order = models.F("similarity")
        return self.annotate(**annotations).filter(match).order_by(order.desc())[:limit]

    def shuffled(self, seed):
        """A random order that stays the same for one visitor across pages (the seed)."""
        return self.order_by(MD5(Concat(Cast("pk", models.CharField()), models.Value(str(seed)))))


class Proposal(TerritoryMixin, Moderatable):
    """A member's proposal in a space. A draft (no `published_at`) is seen by its authors
    only; `vote_count` is kept by the vote services inside their transaction."""

    space = models.ForeignKey(
        "participation.SpacePage",
        verbose_name=_("démarche"),
        on_delete=models.CASCADE,
        related_name="proposals",
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("auteur"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="proposals",
        help_text=_("Le membre qui a créé la proposition."),
    )
    title = models.CharField(
        _("titre"),
        max_length=TITLE_MAX_LENGTH,
        validators=[
            MinLengthValidator(
                TITLE_MIN_LENGTH,
                _(
                    "Le titre doit compter au moins %(limit_value)d caractères "
                    "(actuellement %(show_value)d) : dites en une phrase ce que vous proposez."
                ),
            )
        ],
    )
    body = models.TextField(
        _("description"),
        max_length=BODY_MAX_LENGTH,
        help_text=_(
            "Texte simple, 3 000 caractères au plus : le constat, ce que vous proposez, "
            "pour qui. Les adresses web deviennent des liens."
        ),
    )
    thematiques = models.ManyToManyField(
        "taxonomy.Thematique", verbose_name=_("thématiques"), blank=True, related_name="proposals"
    )
    tags = TaggableManager(
        verbose_name=_("mots-clés"),
        blank=True,
        help_text=_("Séparés par des virgules, par exemple : jeunesse, mobilité."),
    )
    state = models.CharField(
        _("état"), max_length=20, choices=State.choices, blank=True, db_index=True
    )
    answer = models.TextField(_("réponse officielle"), max_length=BODY_MAX_LENGTH, blank=True)
    answered_at = models.DateTimeField(_("répondu le"), null=True, blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("répondu par"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    vote_count = models.PositiveIntegerField(_("votes"), default=0)
    search_document = models.GeneratedField(
        expression=search_vector(), output_field=SearchVectorField(), db_persist=True
    )
    merged_into = models.ForeignKey(
        "self",
        verbose_name=_("fusionnée avec"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="merged_proposals",
    )
    created_at = models.DateTimeField(_("créée le"), auto_now_add=True)
    updated_at = models.DateTimeField(_("modifiée le"), auto_now=True)
    published_at = models.DateTimeField(_("publiée le"), null=True, blank=True)
    withdrawn_at = models.DateTimeField(_("retirée le"), null=True, blank=True)

    moderation_author_field = "author"

    objects = ProposalQuerySet.as_manager()

    class Meta:
        verbose_name = _("proposition")
        verbose_name_plural = _("propositions")
        ordering = ["-published_at", "-pk"]
        indexes = [
            models.Index(fields=["space", "published_at"], name="proposals_space_published"),
            models.Index(fields=["space", "-vote_count"], name="proposals_space_votes"),
            # The list's counts, facets and thematique/tag choices read only this index
            # (index-only scans) instead of the wide rows of every proposal of the space.
            models.Index(
                fields=["space", "state"],
                include=["withdrawn_at", "id"],
                condition=Q(published_at__isnull=False, is_hidden=False, merged_into__isnull=True),
                name="proposals_listed",
            ),
            GinIndex(fields=["search_document"], name="proposals_fulltext"),
            GinIndex(OpClass("title", name="gin_trgm_ops"), name="proposals_title_trgm"),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("proposals:detail", args=[self.pk])

    def moderation_excerpt(self):
        return f"{self.title}\n{self.body[:300]}"

    # --- State -------------------------------------------------------------------------
    @property
    def is_published(self):
        return self.published_at is not None

    @property
    def is_withdrawn(self):
        return self.withdrawn_at is not None

    @property
    def is_merged(self):
        return self.merged_into_id is not None

    @property
    def is_answered(self):
        return bool(self.state)

    # --- Authors -----------------------------------------------------------------------
    @cached_property
    def author_rows(self):
        rows = getattr(self, "accepted_coauthorships", None)
        if rows is None:
            rows = list(
                self.coauthorships.accepted().select_related("user").order_by("created_at", "pk")
            )
        return rows

    @property
    def authors(self):
        return [row.user for row in self.author_rows]

    def is_author(self, user):
        return user.is_authenticated and any(row.user_id == user.pk for row in self.author_rows)

    def is_visible_to(self, user):
        """Drafts are seen by their authors only; the space's visibility and moderation are
        checked by participation's `is_visible_to`."""
        return self.is_published or self.is_author(user)


class Coauthorship(models.Model):
    """An author of a proposal; an invitation while `accepted_at` is empty. The member who
    creates the proposal is its first, already accepted, author."""

    proposal = models.ForeignKey(Proposal, on_delete=models.CASCADE, related_name="coauthorships")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("membre"),
        on_delete=models.CASCADE,
        related_name="proposal_coauthorships",
    )
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    accepted_at = models.DateTimeField(null=True, blank=True)

    objects = CoauthorshipQuerySet.as_manager()

    class Meta:
        verbose_name = _("co-auteur")
        verbose_name_plural = _("co-auteurs")
        constraints = [
            models.UniqueConstraint(fields=["proposal", "user"], name="proposals_one_coauthorship")
        ]

    def __str__(self):
        return f"{self.user} · {self.proposal}"


class AttachmentKind(models.TextChoices):
    PDF = "pdf", _("PDF")
    IMAGE = "image", _("Image")


def attachment_path(instance, filename):
    # The name is ours (the detected extension), never the uploaded one.
    return f"propositions/{instance.proposal_id}/{filename}"


class Attachment(models.Model):
    proposal = models.ForeignKey(Proposal, on_delete=models.CASCADE, related_name="attachments")
    # Private storage: the file of a private space's proposal is never public media.
    file = models.FileField(
        _("fichier"), upload_to=attachment_path, storage=private_storage, max_length=255
    )
    title = models.CharField(_("titre"), max_length=200)
    kind = models.CharField(_("type"), max_length=10, choices=AttachmentKind.choices)
    size = models.PositiveIntegerField(_("taille (octets)"))
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("pièce jointe")
        verbose_name_plural = _("pièces jointes")
        ordering = ["created_at", "pk"]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("proposals:attachment", args=[self.proposal_id, self.pk])


class Vote(models.Model):
    """A member's support. One per member and proposal (the constraint holds it even under
    concurrent requests); `space` is copied from the proposal so that the per-space limit
    is one indexed count."""

    proposal = models.ForeignKey(Proposal, on_delete=models.CASCADE, related_name="votes")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="proposal_votes"
    )
    space = models.ForeignKey("participation.SpacePage", on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("vote")
        verbose_name_plural = _("votes")
        constraints = [
            models.UniqueConstraint(
                fields=["proposal", "user"], name="proposals_one_vote_per_member"
            )
        ]
        indexes = [models.Index(fields=["user", "space"], name="proposals_vote_user_space")]

    def __str__(self):
        return f"{self.user} → {self.proposal_id}"
