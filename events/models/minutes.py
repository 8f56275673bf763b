"""What the minutes (compte rendu) of a meeting hold besides their text: documents from
the resource library, photos with their alternative text, and the proposals and debates
that came out of the meeting."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel
from wagtail.documents import get_document_model_string
from wagtail.images import get_image_model_string
from wagtail.models import Orderable


class MinutesDocument(Orderable):
    event = ParentalKey("events.Event", on_delete=models.CASCADE, related_name="minutes_documents")
    document = models.ForeignKey(
        get_document_model_string(),
        verbose_name=_("document"),
        on_delete=models.CASCADE,
        related_name="+",
        help_text=_("Choisi dans la bibliothèque, ou envoyé depuis le sélecteur."),
    )

    panels = [FieldPanel("document")]

    class Meta(Orderable.Meta):
        verbose_name = _("document du compte rendu")
        verbose_name_plural = _("documents du compte rendu")


class MinutesPhoto(Orderable):
    event = ParentalKey("events.Event", on_delete=models.CASCADE, related_name="minutes_photos")
    image = models.ForeignKey(
        get_image_model_string(),
        verbose_name=_("photo"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    alt_text = models.CharField(
        _("texte alternatif"),
        max_length=255,
        help_text=_("Ce que montre la photo, pour qui ne la voit pas."),
    )
    caption = models.CharField(_("légende"), max_length=255, blank=True)

    panels = [FieldPanel("image"), FieldPanel("alt_text"), FieldPanel("caption")]

    class Meta(Orderable.Meta):
        verbose_name = _("photo du compte rendu")
        verbose_name_plural = _("photos du compte rendu")


class MinutesProposal(Orderable):
    event = ParentalKey("events.Event", on_delete=models.CASCADE, related_name="minutes_proposals")
    proposal = models.ForeignKey(
        "proposals.Proposal",
        verbose_name=_("proposition"),
        on_delete=models.CASCADE,
        related_name="+",
    )

    panels = [FieldPanel("proposal")]

    class Meta(Orderable.Meta):
        verbose_name = _("proposition issue de la rencontre")
        verbose_name_plural = _("propositions issues de la rencontre")


class MinutesDebate(Orderable):
    event = ParentalKey("events.Event", on_delete=models.CASCADE, related_name="minutes_debates")
    debate = models.ForeignKey(
        "debates.Debate", verbose_name=_("débat"), on_delete=models.CASCADE, related_name="+"
    )

    panels = [FieldPanel("debate")]

    class Meta(Orderable.Meta):
        verbose_name = _("débat issu de la rencontre")
        verbose_name_plural = _("débats issus de la rencontre")
