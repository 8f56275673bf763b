"""The questions an organiser asks registrants, and their answers."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.models import Orderable


class QuestionKind(models.TextChoices):
    SINGLE = "single", _("Choix unique")
    MULTIPLE = "multiple", _("Choix multiples")
    DIETARY = "dietary", _("Besoins alimentaires")
    ACCESSIBILITY = "accessibility", _("Besoins d’accessibilité")
    TEXT = "text", _("Texte libre")


CHOICE_KINDS = {QuestionKind.SINGLE, QuestionKind.MULTIPLE}


class RegistrationQuestion(Orderable):
    event = ParentalKey("events.Event", on_delete=models.CASCADE, related_name="questions")
    label = models.CharField(_("question"), max_length=255)
    kind = models.CharField(
        _("type de réponse"), max_length=20, choices=QuestionKind.choices, default="text"
    )
    options = models.TextField(
        _("choix proposés"),
        blank=True,
        help_text=_("Pour un choix unique ou multiple : un choix par ligne."),
    )
    help_text = models.CharField(_("aide"), max_length=255, blank=True)
    required = models.BooleanField(_("réponse obligatoire"), default=False)

    panels = [
        FieldRowPanel([FieldPanel("label"), FieldPanel("kind"), FieldPanel("required")]),
        FieldPanel("options"),
        FieldPanel("help_text"),
    ]

    def clean(self):
        if self.kind in CHOICE_KINDS and len(self.option_list) < 2:
            raise ValidationError(
                {"options": _("Un choix unique ou multiple demande au moins deux choix.")}
            )

    class Meta(Orderable.Meta):
        verbose_name = _("question d’inscription")
        verbose_name_plural = _("questions d’inscription")

    def __str__(self):
        return self.label

    @property
    def option_list(self):
        return [line.strip() for line in self.options.splitlines() if line.strip()]


class RegistrationAnswer(models.Model):
    """One answer; `value` holds the text, or the chosen options one per line."""

    registration = models.ForeignKey(
        "events.Registration", on_delete=models.CASCADE, related_name="answers"
    )
    question = models.ForeignKey(
        RegistrationQuestion, on_delete=models.CASCADE, related_name="answers"
    )
    value = models.TextField(_("réponse"), max_length=4000, blank=True)

    class Meta:
        verbose_name = _("réponse")
        verbose_name_plural = _("réponses")
        constraints = [
            models.UniqueConstraint(
                fields=["registration", "question"], name="events_one_answer_per_question"
            )
        ]

    def __str__(self):
        return self.value
