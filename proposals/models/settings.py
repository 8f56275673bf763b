"""Per-space rules of the proposals module, edited by administrators in Wagtail."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel

from proposals.rules import VOTE


class ProposalSettings(models.Model):
    space = models.OneToOneField(
        "participation.SpacePage",
        verbose_name=_("démarche"),
        on_delete=models.CASCADE,
        related_name="proposal_settings",
    )
    vote_limit = models.PositiveSmallIntegerField(
        _("votes par membre"),
        null=True,
        blank=True,
        help_text=_(
            "Nombre maximal de propositions qu’un membre peut soutenir ; vide : sans limite."
        ),
    )
    threshold = models.PositiveSmallIntegerField(
        _("seuil « retenue »"),
        null=True,
        blank=True,
        help_text=_("Nombre de votes à partir duquel une proposition est retenue ; vide : aucun."),
    )
    hide_counts_during_vote = models.BooleanField(
        _("masquer les votes pendant le vote"),
        default=False,
        help_text=_(
            "Les compteurs apparaissent à la fin de la phase de vote, pour ne pas influencer."
        ),
    )

    panels = [
        FieldPanel("space"),
        FieldPanel("vote_limit"),
        FieldPanel("threshold"),
        FieldPanel("hide_counts_during_vote"),
    ]

    class Meta:
        verbose_name = _("réglages des propositions")
        verbose_name_plural = _("réglages des propositions")

    def __str__(self):
        return str(self.space)

    @classmethod
    def for_space(cls, space):
        """The space's settings, or the defaults (no limit, no threshold) when none saved."""
        try:
            return space.proposal_settings
        except cls.DoesNotExist:
            return cls(space=space)

    @property
    def counts_hidden(self):
        return self.hide_counts_during_vote and self.space.opens(VOTE)

    def is_retained(self, proposal):
        return self.threshold is not None and proposal.vote_count >= self.threshold
