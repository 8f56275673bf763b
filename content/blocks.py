"""StreamField blocks shared by every page type of the site."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.contrib.table_block.blocks import TableBlock
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageChooserBlock


def validate_link(value):
    if value and not value.startswith(("/", "https://", "http://", "mailto:")):
        raise ValidationError(
            _("Saisissez une adresse commençant par https:// ou un chemin commençant par /.")
        )


class LinkBlock(blocks.StructBlock):
    """A link to a page of the site or to an external address, never both."""

    page = blocks.PageChooserBlock(label=_("page du site"), required=False)
    url = blocks.CharBlock(
        label=_("ou adresse"),
        required=False,
        max_length=300,
        validators=[validate_link],
        help_text=_("Une adresse complète (https://…) ou un chemin du site (/membres/annuaire/)."),
    )

    class Meta:
        icon = "link"
        label = _("lien")

    def clean(self, value):
        value = super().clean(value)
        if bool(value.get("page")) == bool(value.get("url")):
            raise blocks.StructBlockValidationError(
                block_errors={
                    "url": ValidationError(
                        _("Choisissez une page du site ou saisissez une adresse, pas les deux.")
                    )
                }
            )
        return value


class CallToActionBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("titre"), max_length=80)
    text = blocks.TextBlock(label=_("texte"), max_length=300, required=False)
    button_label = blocks.CharBlock(label=_("libellé du bouton"), max_length=40)
    link = LinkBlock(label=_("destination"))

    class Meta:
        icon = "pick"
        label = _("appel à l’action")
        template = "blocks/call_to_action.html"


class CallToActionsBlock(blocks.StreamBlock):
    call_to_action = CallToActionBlock()

    class Meta:
        icon = "list-ul"
        label = _("appels à l’action")


class ParagraphBlock(blocks.RichTextBlock):
    def __init__(self, **kwargs):
        kwargs.setdefault(
            "features", ["bold", "italic", "link", "document-link", "ol", "ul", "h3", "h4"]
        )
        super().__init__(**kwargs)

    class Meta:
        icon = "pilcrow"
        label = _("paragraphe")
        template = "blocks/paragraph.html"


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("texte"), max_length=150)
    level = blocks.ChoiceBlock(
        label=_("niveau"),
        choices=[("h2", _("Titre de section")), ("h3", _("Sous-titre"))],
        default="h2",
        help_text=_("Le titre de la page est le seul titre principal : commencez par une section."),
    )

    class Meta:
        icon = "title"
        label = _("titre")
        template = "blocks/heading.html"


class ImageBlock(blocks.StructBlock):
    """An image with the alternative text screen readers need, never optional."""

    image = ImageChooserBlock(label=_("image"))
    alt_text = blocks.CharBlock(
        label=_("texte alternatif"),
        max_length=250,
        help_text=_(
            "Ce que l’image apporte au texte, pour les personnes qui ne la voient pas "
            "(« Atelier de concertation au centre social »)."
        ),
    )
    caption = blocks.CharBlock(label=_("légende"), max_length=250, required=False)

    class Meta:
        icon = "image"
        label = _("image")
        template = "blocks/image.html"


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock(label=_("citation"), max_length=1000)
    attribution = blocks.CharBlock(
        label=_("auteur"),
        max_length=150,
        required=False,
        help_text=_("Nom et fonction, par exemple « Nadia B., habitante du quartier »."),
    )

    class Meta:
        icon = "openquote"
        label = _("citation")
        template = "blocks/quote.html"


class DocumentLinkBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("document"))
    label = blocks.CharBlock(
        label=_("libellé"),
        max_length=150,
        required=False,
        help_text=_("Laissez vide pour reprendre le titre du document."),
    )

    class Meta:
        icon = "doc-full"
        label = _("lien vers un document")
        template = "blocks/document_link.html"


class VideoEmbedBlock(EmbedBlock):
    class Meta:
        icon = "media"
        label = _("média intégré")
        help_text = _(
            "Adresse d’une vidéo ou d’un contenu en ligne (YouTube, Vimeo, Dailymotion…)."
        )
        template = "blocks/embed.html"


class DataTableBlock(TableBlock):
    class Meta:
        icon = "table"
        label = _("tableau")
        template = "blocks/table.html"


class BodyBlock(blocks.StreamBlock):
    """The body of every editorial page."""

    paragraph = ParagraphBlock()
    heading = HeadingBlock()
    image = ImageBlock()
    quote = QuoteBlock()
    document = DocumentLinkBlock()
    embed = VideoEmbedBlock()
    call_to_action = CallToActionBlock()
    table = DataTableBlock()

    class Meta:
        icon = "doc-full-inverse"
        label = _("contenu")
