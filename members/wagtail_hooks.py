"""Editors publish a snapshot of the panorama from the admin (« Instantanés du panorama »):
they give it a title, and the figures of that moment are frozen with it."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.views.generic import CreateView
from wagtail.admin.viewsets.model import ModelViewSet

from members.models import PanoramaSnapshot
from members.panorama.figures import compute_figures


class SnapshotCreateView(CreateView):
    def save_instance(self):
        snapshot = self.form.save(commit=False)
        snapshot.figures = compute_figures()
        snapshot.created_by = self.request.user
        snapshot.save()
        return snapshot


class PanoramaSnapshotViewSet(ModelViewSet):
    model = PanoramaSnapshot
    icon = "table"
    menu_label = _("Instantanés du panorama")
    add_to_admin_menu = True
    menu_order = 330
    add_view_class = SnapshotCreateView
    list_display = ["title", "taken_at", "created_by"]
    form_fields = ["title"]


@hooks.register("register_admin_viewset")
def register_snapshot_viewset():
    return PanoramaSnapshotViewSet()
