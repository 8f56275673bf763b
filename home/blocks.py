"""StreamField blocks shared by every page type of the site."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks


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
