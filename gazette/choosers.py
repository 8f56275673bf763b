"""A chooser for the agenda's events (plain Django models, not pages nor snippets), so
that an issue's blocks can pick them like pages and documents."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.viewsets.chooser import ChooserViewSet

from events.models import Event


class EventChooserViewSet(ChooserViewSet):
    model = Event
    icon = "date"
    choose_one_text = _("Choisir un événement")
    choose_another_text = _("Choisir un autre événement")
    edit_item_text = _("Modifier cet événement")
    per_page = 20

    def get_object_list(self):
        return Event.objects.order_by("-start_at", "-pk")


event_chooser_viewset = EventChooserViewSet("gazette_event_chooser")
EventChooserBlock = event_chooser_viewset.get_block_class(
    name="EventChooserBlock", module_path="gazette.choosers"
)
