"""The legal pages (editable Wagtail pages, two of them versioned) and the record of
which version of each versioned document a member accepted, and when."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.search import index

from content.blocks import BodyBlock
from content.pages import BasePage


class LegalDocument(models.TextChoices):
    """What a legal page is. Members accept the first two (their version is stored)."""

    TERMS = "terms", _("Conditions d’utilisation")
    PRIVACY = "privacy", _("Politique de données personnelles")
    LEGAL_NOTICE = "legal_notice", _("Mentions légales")
    ACCESSIBILITY = "accessibility", _("Déclaration d’accessibilité")


ACCEPTED_DOCUMENTS = (LegalDocument.TERMS, LegalDocument.PRIVACY)


class LegalPage(BasePage):
    """One legal document of the site. Changing the version of the terms or of the
    privacy notice asks every member who accepted an earlier one to accept again."""

    document = models.CharField(
        _("document"),
        max_length=20,
        choices=LegalDocument.choices,
        unique=True,
        null=True,  # a copy of a page has none until the editor chooses
        help_text=_("Chaque document n’a qu’une page ; le lien du pied de page y mène."),
    )
    version = models.CharField(
        _("version"),
        max_length=20,
        blank=True,
        help_text=_(
            "Pour les conditions d’utilisation et la politique de données personnelles : "
            "changer la version demande aux membres de les accepter à nouveau à leur "
            "prochaine connexion. Ne la changez que pour une modification de fond."
        ),
    )
    effective_date = models.DateField(
        _("en vigueur depuis le"),
        null=True,
        blank=True,
        help_text=_("Date de la version, affichée en tête de la page."),
    )
    body = StreamField(BodyBlock(), verbose_name=_("contenu"), blank=True)

    content_panels = [
        *BasePage.content_panels,
        MultiFieldPanel(
            [
                FieldPanel("document"),
                FieldRowPanel([FieldPanel("version"), FieldPanel("effective_date")]),
            ],
            heading=_("Document et version"),
        ),
        FieldPanel("body"),
    ]
    search_fields = [*BasePage.search_fields, index.SearchField("body")]
    exclude_fields_in_copy = ["document"]
    parent_page_types = ["home.HomePage"]
    subpage_types = []
    template = "privacy/legal_page.html"

    class Meta:
        verbose_name = _("page légale")
        verbose_name_plural = _("pages légales")


class Consent(models.Model):
    """A member accepted `version` of `document` at `accepted_at`: the proof asked by
    the RGPD (article 7) and by contract law, kept until the account is deleted."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("membre"),
        on_delete=models.CASCADE,
        related_name="consents",
    )
    document = models.CharField(_("document"), max_length=20, choices=LegalDocument.choices)
    version = models.CharField(_("version"), max_length=20)
    accepted_at = models.DateTimeField(_("accepté le"), auto_now_add=True)

    class Meta:
        verbose_name = _("consentement")
        verbose_name_plural = _("consentements")
        ordering = ["-accepted_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "document", "version"], name="privacy_one_consent_per_version"
            )
        ]

    def __str__(self):
        return f"{self.user} · {self.get_document_display()} {self.version}"
