"""Who was mentioned where: one row per mentioned member and object (a comment, a
proposal, a debate), so that a member is notified once per object, whatever the edits."""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _


class Mention(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("membre mentionné"),
        on_delete=models.CASCADE,
        related_name="mentions",
    )
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    content_object = GenericForeignKey("content_type", "object_id")
    created_at = models.DateTimeField(auto_now_add=True)
    notified_at = models.DateTimeField(
        null=True,
        blank=True,
        help_text=_(
            "Vide tant que le membre ne pouvait pas voir le contenu (un brouillon, une "
            "démarche privée) : il est prévenu quand il le peut, une seule fois."
        ),
    )

    class Meta:
        verbose_name = _("mention")
        verbose_name_plural = _("mentions")
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "object_id", "user"], name="mentions_one_per_object"
            )
        ]

    def __str__(self):
        return f"@{self.user} · {self.content_type.name} {self.object_id}"
