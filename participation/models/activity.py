"""What happened on the platform: the source of the "Dernières contributions" feeds and of
notifications. Rows keep a snapshot (title, URL) so that feeds render in one query."""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class ActivityQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Activities of content the user may see: never hidden, never in a space they
        cannot see."""
        from participation.models.spaces import SpacePage

        spaces = SpacePage.objects.visible_to(user).values("pk")
        return self.filter(Q(space__isnull=True) | Q(space__in=spaces), is_hidden=False)

    def for_feed(self):
        return self.select_related("actor", "space").order_by("-created_at", "-pk")


class Activity(models.Model):
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("auteur"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    verb = models.CharField(
        _("action"),
        max_length=200,
        help_text=_("Phrase courte, par exemple « a commenté »."),
    )
    title = models.CharField(_("titre"), max_length=255)
    url = models.CharField(_("adresse"), max_length=500)
    space = models.ForeignKey(
        "participation.SpacePage",
        verbose_name=_("démarche"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="activities",
    )
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    target = GenericForeignKey("content_type", "object_id")
    is_hidden = models.BooleanField(default=False)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    objects = ActivityQuerySet.as_manager()

    class Meta:
        verbose_name = _("activité")
        verbose_name_plural = _("activités")
        indexes = [models.Index(fields=["content_type", "object_id"])]

    def __str__(self):
        return f"{self.actor} {self.verb} {self.title}"
