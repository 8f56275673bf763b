"""What respondents leave: answers, the list of who answered an anonymous survey, and
invitations of non-members.

An anonymous survey's answer has no member and its date is kept to the day; the separate
`Participation` row (no date, a random key, no link to the answer) says that the member
answered, so the "one answer per member" rule still holds without telling which answer
is theirs."""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.forms.models import AbstractFormSubmission


class Answer(AbstractFormSubmission):
    """One respondent's answers (`form_data`: {question name: value}), Wagtail's form
    submission with the member who answered (none when anonymous or invited)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("membre"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="survey_answers",
    )
    updated_at = models.DateTimeField(_("modifiée le"), null=True, blank=True)

    class Meta:
        verbose_name = _("réponse")
        verbose_name_plural = _("réponses")
        constraints = [
            models.UniqueConstraint(
                fields=["page", "user"],
                condition=Q(user__isnull=False),
                name="surveys_one_answer_per_member",
            )
        ]
        indexes = [models.Index(fields=["page", "submit_time"])]


class Participation(models.Model):
    """That a member answered an anonymous survey, and nothing else."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    survey = models.ForeignKey(
        "surveys.SurveyPage", on_delete=models.CASCADE, related_name="participations"
    )
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")

    class Meta:
        verbose_name = _("participation")
        constraints = [
            models.UniqueConstraint(
                fields=["survey", "user"], name="surveys_one_participation_per_member"
            )
        ]


class Invitation(models.Model):
    """A non-member invited by e-mail: the signed link of the invitation lets them answer
    once."""

    survey = models.ForeignKey(
        "surveys.SurveyPage", on_delete=models.CASCADE, related_name="invitations"
    )
    email = models.EmailField(_("adresse e-mail"))
    created_at = models.DateTimeField(_("invitée le"), auto_now_add=True)
    used_on = models.DateField(_("utilisée le"), null=True, blank=True)

    class Meta:
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")
        constraints = [
            models.UniqueConstraint(fields=["survey", "email"], name="surveys_one_invitation")
        ]

    def __str__(self):
        return self.email
