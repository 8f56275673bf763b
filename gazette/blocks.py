"""The body of an issue: editorial text, chosen content shown as cards, and the two
automatic blocks filled for each reader.

Every block renders twice: as HTML (its `Meta.template`, for the site and the e-mail)
and as plain text (`render_text`, for the e-mail's text part). The reader, when there is
one, comes in the parent context as `gazette_reader` (a `gazette.personal.Reader`)."""

import html
import re

from django.template.loader import render_to_string
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock

from gazette import cards, personal
from gazette.choosers import EventChooserBlock
from gazette.links import site_url

TEXT_TEMPLATE = "gazette/blocks/cards.txt"
LINK = re.compile(r'<a [^>]*href="([^"]+)"[^>]*>(.*?)</a>', re.DOTALL)


def _reader(context):
    """The reader of the parent context; the generic, empty one where there is none (the
    admin's block previews)."""
    return context.get("gazette_reader") or personal.Reader()


class TextBlock(blocks.RichTextBlock):
    def render_text(self, value, context=None):
        """Paragraphs apart, each link's address after its words."""
        text = LINK.sub(lambda link: f"{link[2]} ({site_url(link[1])})", str(value)).replace(
            "</p>", "</p>\n\n"
        )
        return html.unescape(strip_tags(text)).strip()

    class Meta:
        icon = "pilcrow"
        label = _("Texte de la rédaction")
        template = "gazette/blocks/text.html"
        features = ["h3", "bold", "italic", "link", "ol", "ul"]


class CardsSection(blocks.StructBlock):
    """A heading and cards; subclasses say which cards."""

    heading = blocks.CharBlock(label=_("intertitre"), required=False, max_length=120)

    default_heading = ""

    def cards(self, value, context):
        raise NotImplementedError

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["heading"] = value.get("heading") or self.default_heading
        context["cards"] = self.cards(value, context)
        return context

    def render_text(self, value, context=None):
        return render_to_string(TEXT_TEMPLATE, self.get_context(value, context)).strip()

    class Meta:
        template = "gazette/blocks/cards.html"


class ChosenCards(CardsSection):
    """Content the editor chose, in the order chosen."""

    card = None

    def cards(self, value, context):
        return [type(self).card(item) for item in value["items"] if item is not None]


class NewsBlock(ChosenCards):
    items = blocks.ListBlock(
        blocks.PageChooserBlock(page_type="editorial.NewsPage"), label=_("actualités")
    )
    card = staticmethod(cards.news_card)
    default_heading = _("Actualités")

    class Meta:
        icon = "doc-full"
        label = _("Actualités choisies")


class ResourcesBlock(ChosenCards):
    items = blocks.ListBlock(DocumentChooserBlock(), label=_("ressources"))
    card = staticmethod(cards.resource_card)
    default_heading = _("Ressources")

    class Meta:
        icon = "doc-full-inverse"
        label = _("Ressources choisies")


class ExperiencesBlock(ChosenCards):
    items = blocks.ListBlock(
        blocks.PageChooserBlock(page_type="editorial.ExperiencePage"),
        label=_("retours d’expérience"),
    )
    card = staticmethod(cards.experience_card)
    default_heading = _("Retours d’expérience")

    class Meta:
        icon = "openquote"
        label = _("Retours d’expérience choisis")


class EventsBlock(ChosenCards):
    items = blocks.ListBlock(EventChooserBlock(), label=_("événements"))
    card = staticmethod(cards.event_card)
    default_heading = _("Agenda")

    class Meta:
        icon = "date"
        label = _("Événements choisis")


class SpacesBlock(ChosenCards):
    items = blocks.ListBlock(
        blocks.PageChooserBlock(page_type="participation.SpacePage"),
        label=_("démarches"),
    )
    card = staticmethod(cards.space_card)
    default_heading = _("Démarches participatives")

    class Meta:
        icon = "group"
        label = _("Démarches choisies")


class ReaderNoveltiesBlock(CardsSection):
    """What was published in the reader's thématiques since the previous issue."""

    default_heading = _("Les nouveautés de vos thématiques")
    generic_heading = _("Les nouveautés du réseau")

    def cards(self, value, context):
        return _reader(context).novelties

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        if _reader(context).is_generic and not value.get("heading"):
            context["heading"] = self.generic_heading
        context["empty"] = _(
            "Rien de neuf dans vos thématiques depuis le dernier numéro. Choisissez vos "
            "thématiques dans votre profil pour que ce bloc vous ressemble."
        )
        return context

    class Meta:
        icon = "user"
        label = _("Automatique : les nouveautés des thématiques du lecteur")
        help_text = _(
            "Rempli pour chaque lecteur avec ce qui a paru dans ses thématiques depuis le "
            "numéro précédent ; sur le site, les nouveautés de tout le réseau."
        )


class ReaderEventsBlock(CardsSection):
    """The coming events of the reader's région."""

    default_heading = _("Les prochains événements de votre région")
    generic_heading = _("Les prochains événements du réseau")

    def cards(self, value, context):
        return _reader(context).events

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        if _reader(context).is_generic and not value.get("heading"):
            context["heading"] = self.generic_heading
        context["empty"] = _(
            "Aucun événement annoncé dans votre région pour le moment : l’agenda complet "
            "est sur le site."
        )
        return context

    class Meta:
        icon = "site"
        label = _("Automatique : les prochains événements de la région du lecteur")
        help_text = _(
            "Rempli pour chaque lecteur avec les événements à venir de sa région ; sur le "
            "site, les prochains événements de tout le réseau."
        )


class GazetteBodyBlock(blocks.StreamBlock):
    texte = TextBlock()
    actualites = NewsBlock()
    ressources = ResourcesBlock()
    experiences = ExperiencesBlock()
    evenements = EventsBlock()
    demarches = SpacesBlock()
    vos_thematiques = ReaderNoveltiesBlock()
    votre_region = ReaderEventsBlock()
