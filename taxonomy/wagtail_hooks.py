from django.contrib import messages
from django.db.models import ProtectedError
from django.http import HttpResponseRedirect
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import DeleteView, SnippetViewSet, SnippetViewSetGroup

from taxonomy.models import Departement, Region, Thematique


class ThematiqueViewSet(SnippetViewSet):
    model = Thematique
    icon = "tag"
    menu_label = _("Thématiques")
    list_display = ["name", "slug"]
    search_fields = ["name", "description"]
    ordering = ["slug"]


class TerritoryDeleteView(DeleteView):
    """A territory still named by content or profiles is kept (their foreign keys PROTECT
    it, see taxonomy.models.TerritoryMixin): say so instead of failing. Wagtail's own check
    sees only the models of its reference index, not profiles or proposals."""

    def form_valid(self, form):
        try:
            return super().form_valid(form)
        except ProtectedError as refusal:
            count = len(refusal.protected_objects)
            messages.error(
                self.request,
                ngettext(
                    "Suppression impossible : %(count)s contenu ou profil nomme encore "
                    "« %(name)s ». Changez-le d’abord.",
                    "Suppression impossible : %(count)s contenus ou profils nomment encore "
                    "« %(name)s ». Changez-les d’abord.",
                    count,
                )
                % {"name": self.object, "count": count},
            )
            return HttpResponseRedirect(self.get_success_url())


class RegionViewSet(SnippetViewSet):
    model = Region
    icon = "site"
    menu_label = _("Régions")
    delete_view_class = TerritoryDeleteView
    list_display = ["name", "code", "overseas"]
    list_filter = ["overseas"]


class DepartementViewSet(SnippetViewSet):
    model = Departement
    icon = "site"
    menu_label = _("Départements")
    delete_view_class = TerritoryDeleteView
    list_display = ["name", "code", "region"]
    list_filter = ["region"]
    search_fields = ["name", "code"]


class TaxonomyViewSetGroup(SnippetViewSetGroup):
    items = (ThematiqueViewSet, RegionViewSet, DepartementViewSet)
    menu_icon = "tag"
    menu_label = _("Thématiques et territoires")
    menu_name = "taxonomie"


register_snippet(TaxonomyViewSetGroup)
