"""One comment model for everything commentable, on top of django-comments-xtd's threads."""

from datetime import timedelta

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models, transaction
from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_comments_xtd.models import (
    MaxThreadLevelExceededException,
    XtdComment,
    XtdCommentManager,
    max_thread_level_for_content_type,
)

from maillage import table_versions
from participation.moderation.models import Moderatable, ModeratableQuerySet
from participation.spaces.visibility import is_visible_to, space_of
from participation.utils import object_url

# The comment section shows a page of threads (root comments) at a time.
THREADS_PER_PAGE = 20
PAGE_PARAM = "commentaires"
# A comment shows its first replies; the others are behind "Afficher les N autres
# réponses", a link to the same page with the thread unfolded (`?fil=<thread id>`).
REPLIES_SHOWN = 2
UNFOLD_PARAM = "fil"


# What a thread shows of one object, versioned per object by PostgreSQL triggers
# (migration 0005): a comment, an edit, a moderation or a reaction expires the cached
# threads of its object only (`thread.shared_thread`).
THREAD_VERSIONS = table_versions.Scope(
    "participation_threadversion",
    covers=(
        "django_comments",
        "django_comments_xtd_xtdcomment",
        "participation_comment",
        "participation_commentreaction",
    ),
)


def thread_key(content_type_id, object_pk):
    """An object's key in THREAD_VERSIONS, as the triggers write it."""
    return f"{content_type_id}:{object_pk}"


# What a member's comments are and whether they show, versioned per author by PostgreSQL
# triggers (migration 0006): a comment, an edit, a deletion or a moderation expires the
# cached lists of its author's comments only (the contributions on a public profile).
AUTHOR_VERSIONS = table_versions.Scope(
    "participation_authorversion",
    covers=("django_comments", "django_comments_xtd_xtdcomment", "participation_comment"),
)


def author_key(user_id):
    """A member's key in AUTHOR_VERSIONS, as the triggers write it."""
    return str(user_id)


class Stance(models.TextChoices):
    FOR = "for", _("Pour")
    AGAINST = "against", _("Contre")
    NEUTRAL = "neutral", _("Neutre")


class ReactionKind(models.TextChoices):
    USEFUL = "useful", _("Utile")
    DISAGREE = "disagree", _("Pas d’accord")


class CommentQuerySet(ModeratableQuerySet):
    def for_object(self, obj):
        return self.filter(
            content_type=ContentType.objects.get_for_model(obj), object_pk=str(obj.pk)
        )

    def for_thread(self):
        """Everything the thread shows, in one query: author, reaction counts, order."""
        return (
            self.select_related("user")
            .annotate(
                useful_count=Count("reactions", filter=Q(reactions__kind=ReactionKind.USEFUL)),
                disagree_count=Count("reactions", filter=Q(reactions__kind=ReactionKind.DISAGREE)),
            )
            .order_by("thread_id", "order")
        )

    def counts_by_object(self, model, pks):
        """{pk: comments neither hidden nor deleted, among these} of `model`'s objects
        `pks`, in one query that notes each object's thread version (`THREAD_VERSIONS`)
        instead of the comment tables: a cached list showing these counts stays cached
        through a comment on any other object."""
        if not pks:
            return {}
        content_type = ContentType.objects.get_for_model(model)
        keys = [thread_key(content_type.pk, pk) for pk in pks]
        with table_versions.scoped_many(THREAD_VERSIONS, keys):
            rows = (
                self.filter(
                    content_type=content_type,
                    object_pk__in=[str(pk) for pk in pks],
                    is_hidden=False,
                    deleted_at__isnull=True,
                )
                .order_by()
                .values_list("object_pk")
                .annotate(n=Count("pk"))
            )
            return {int(pk): n for pk, n in rows}


class CommentManager(XtdCommentManager.from_queryset(CommentQuerySet)):
    pass


class Comment(Moderatable, XtdComment):
    """A member's comment; the text is plain (links and line breaks are rendered safely).

    Deleting keeps the row (`deleted_at`) so that replies stay in the thread; moderation
    hides with `is_hidden`. Both are changed with queryset updates: django-comments-xtd
    re-publishes nested comments on every save."""

    xtdcomment_ptr = models.OneToOneField(
        XtdComment,
        parent_link=True,
        primary_key=True,
        on_delete=models.CASCADE,
        related_name="member_comment",
    )
    stance = models.CharField(
        _("position"), max_length=10, choices=Stance.choices, blank=True, db_index=True
    )
    edited_at = models.DateTimeField(_("modifié le"), null=True, blank=True)
    deleted_at = models.DateTimeField(_("supprimé le"), null=True, blank=True)

    objects = CommentManager()

    class Meta:
        verbose_name = _("commentaire")
        verbose_name_plural = _("commentaires")

    def __str__(self):
        return f"{self.user_name} : {self.comment[:50]}"

    def moderation_excerpt(self):
        return self.comment[:300]

    def save(self, *args, **kwargs):
        """A new comment is inserted once, with its place in the thread. django-comments-xtd
        inserts it, then saves it again to point a new thread at itself: three UPDATEs, a
        second `post_save` (a second search re-index) and its `pre_save` hook that looks
        for the replies of a comment that has none yet (two scans of every comment:
        `parent_id` has no index). Same rows, 4 queries instead of 9 (a reply: its thread
        data first, then 3 inserts)."""
        if self.pk is not None:
            return super().save(*args, **kwargs)
        with transaction.atomic(savepoint=False):
            if self.parent_id:
                if not max_thread_level_for_content_type(self.content_type):
                    raise MaxThreadLevelExceededException(self)
                self._calculate_thread_data()
                super(XtdComment, self).save(*args, **kwargs)
            else:
                super(XtdComment, self).save(*args, **kwargs)
                self.parent_id = self.thread_id = self.pk
                XtdComment.norel_objects.filter(pk=self.pk).update(
                    parent_id=self.pk, thread_id=self.pk
                )
        return None

    @property
    def is_deleted(self):
        return self.deleted_at is not None

    @property
    def space(self):
        return space_of(self.content_object)

    def is_visible_to(self, user):
        """A comment is visible where the commented object is."""
        return is_visible_to(self.content_object, user)

    def thread_page_number(self):
        """The number of the page of threads that shows this comment; counted once per
        instance and thread (a new comment's notification and redirect both ask)."""
        known = self.__dict__.get("_thread_page")
        if known is not None and known[0] == self.thread_id:
            return known[1]
        earlier = (
            type(self)
            .objects.filter(content_type_id=self.content_type_id, object_pk=self.object_pk)
            .filter(level=0, thread_id__lt=self.thread_id)
            .count()
        )
        page = earlier // THREADS_PER_PAGE + 1
        self._thread_page = (self.thread_id, page)
        return page

    def get_absolute_url(self):
        """The object's page, at the page of threads that shows the comment."""
        return self.url_on(object_url(self.content_object), self.thread_page_number())

    def url_on(self, object_page_url, page):
        """The comment on its object's page `object_page_url`, at the page of threads
        `page`; a reply unfolds its thread, since it may be among the folded replies."""
        params = [f"{PAGE_PARAM}={page}"] if page > 1 else []
        if self.level:
            params.append(f"{UNFOLD_PARAM}={self.thread_id}")
        query = f"?{'&'.join(params)}" if params else ""
        return f"{object_page_url}{query}#c{self.pk}"

    def editable_until(self):
        return self.submit_date + timedelta(minutes=settings.MAILLAGE_COMMENT_EDIT_MINUTES)

    def can_edit(self, user):
        return (
            user.is_authenticated
            and user.pk == self.user_id
            and not self.is_deleted
            and not self.is_hidden
            and timezone.now() <= self.editable_until()
        )

    def can_delete(self, user):
        return user.is_authenticated and user.pk == self.user_id and not self.is_deleted


class CommentReaction(models.Model):
    comment = models.ForeignKey(Comment, on_delete=models.CASCADE, related_name="reactions")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(_("réaction"), max_length=10, choices=ReactionKind.choices)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("réaction")
        verbose_name_plural = _("réactions")
        constraints = [
            models.UniqueConstraint(
                fields=["comment", "user"], name="participation_one_reaction_per_member"
            )
        ]

    def __str__(self):
        return f"{self.get_kind_display()} · {self.comment_id}"
