"""Editors manage the structures under « Structures » in the admin: the list filters the
proposals awaiting validation, and « Valider » publishes one in a click."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin.ui.menus import MenuItem
from wagtail.admin.ui.tables import BooleanColumn, Column
from wagtail.admin.views.generic import IndexView
from wagtail.admin.viewsets.model import ModelViewSet

from structures.models import Structure

VALIDATE_PERMISSION = "structures.validate_structure"


class StructureIndexView(IndexView):
    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        if not instance.validated and self.request.user.has_perm(VALIDATE_PERMISSION):
            buttons.insert(
                0,
                MenuItem(
                    gettext_lazy("Valider"),
                    url=reverse("structures_admin:validate", args=[instance.pk]),
                    icon_name="check",
                    priority=5,
                ),
            )
        return buttons


def validate(request, pk):
    """Asks, then validates a proposed structure: it gets its public page and is offered
    in every member's profile form."""
    if not request.user.has_perm(VALIDATE_PERMISSION):
        raise PermissionDenied
    structure = get_object_or_404(Structure, pk=pk)
    if request.method == "POST":
        Structure.objects.filter(pk=structure.pk).update(validated=True)
        messages.success(request, _("La structure « %(name)s » est validée.") % {"name": structure})
        return redirect("structures_admin:index")
    return TemplateResponse(request, "structures/admin/validate.html", {"structure": structure})


class StructureViewSet(ModelViewSet):
    model = Structure
    name = "structures_admin"
    url_prefix = "structures"
    icon = "group"
    menu_label = gettext_lazy("Structures")
    add_to_admin_menu = True
    menu_order = 320
    index_view_class = StructureIndexView
    list_display = [
        "name",
        "type",
        Column("territory", label=gettext_lazy("Territoire")),
        BooleanColumn("validated", label=gettext_lazy("Validée")),
        "proposed_by",
    ]
    list_filter = ["validated", "type", "region"]
    search_fields = ["name"]
    form_fields = ["name", "slug", "type", "region", "departement", "website", "validated"]
    ordering = ["validated", "name"]

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("<int:pk>/valider/", validate, name="validate"),
        ]


@hooks.register("register_admin_viewset")
def register_structure_viewset():
    return StructureViewSet()
