from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from taxonomy.models import Departement, Region, Thematique


class ThematiqueViewSet(SnippetViewSet):
    model = Thematique
    icon = "tag"
    menu_label = _("Thématiques")
    list_display = ["name", "slug"]
    search_fields = ["name", "description"]
    ordering = ["slug"]


class RegionViewSet(SnippetViewSet):
    model = Region
    icon = "site"
    menu_label = _("Régions")
    list_display = ["name", "code", "overseas"]
    list_filter = ["overseas"]


class DepartementViewSet(SnippetViewSet):
    model = Departement
    icon = "site"
    menu_label = _("Départements")
    list_display = ["name", "code", "region"]
    list_filter = ["region"]
    search_fields = ["name", "code"]


class TaxonomyViewSetGroup(SnippetViewSetGroup):
    items = (ThematiqueViewSet, RegionViewSet, DepartementViewSet)
    menu_icon = "tag"
    menu_label = _("Thématiques et territoires")
    menu_name = "taxonomie"


register_snippet(TaxonomyViewSetGroup)
