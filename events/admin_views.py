"""Events in the Wagtail admin: the snippet viewset (list with filters and search,
create, edit, archive), and "Dupliquer", which copies an event with its programme,
workshops and registration questions."""

import django_filters
from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    MultipleChooserPanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.admin.ui.tables import BooleanColumn
from wagtail.snippets.views.snippets import CreateView, EditView, IndexView, SnippetViewSet

from events import services
from events.forms import EventAdminForm
from events.models import Event, EventFormat
from participation.spaces.api import SpacePage
from taxonomy.models import Departement, Region


class EventStatus:
    UPCOMING, PAST, ARCHIVED = "upcoming", "past", "archived"
    choices = [
        (UPCOMING, gettext_lazy("À venir")),
        (PAST, gettext_lazy("Passés")),
        (ARCHIVED, gettext_lazy("Archivés")),
    ]


class EventAdminFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(
        label=gettext_lazy("Statut"), choices=EventStatus.choices, method="with_status"
    )
    format = django_filters.ChoiceFilter(label=gettext_lazy("Format"), choices=EventFormat.choices)
    space = django_filters.ModelChoiceFilter(
        label=gettext_lazy("Démarche"),
        queryset=SpacePage.objects.filter(modules__contains=["events"]).order_by("title"),
    )
    start_at = django_filters.DateFromToRangeFilter(
        label=gettext_lazy("Dates"), widget=DateRangePickerWidget
    )
    region = django_filters.ModelChoiceFilter(
        label=gettext_lazy("Région"), field_name="departement__region", queryset=Region.objects
    )
    departement = django_filters.ModelChoiceFilter(
        label=gettext_lazy("Département"), queryset=Departement.objects
    )

    class Meta:
        model = Event
        fields = []

    def with_status(self, queryset, name, value):
        if value == EventStatus.ARCHIVED:
            return queryset.filter(archived=True)
        now = timezone.now()
        listed = queryset.filter(archived=False)
        if value == EventStatus.PAST:
            return listed.filter(end_at__lt=now)
        return listed.filter(end_at__gte=now)


class EventIndexView(IndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().select_related("departement", "space")


class EventCreateView(CreateView):
    def save_instance(self):
        self.form.instance.organiser = self.request.user
        event = super().save_instance()
        return services.event_saved(self.request.user, event, is_new=True)


class EventEditView(EditView):
    def save_instance(self):
        event = super().save_instance()
        return services.event_saved(self.request.user, event, is_new=False)


class EventViewSet(SnippetViewSet):
    model = Event
    icon = "date"
    menu_label = gettext_lazy("Événements")
    menu_order = 100
    add_to_admin_menu = True
    copy_view_enabled = False  # "Dupliquer" below also copies the programme
    index_view_class = EventIndexView
    add_view_class = EventCreateView
    edit_view_class = EventEditView
    filterset_class = EventAdminFilterSet
    search_fields = ["title", "description", "commune"]
    search_backend_name = None
    list_display = [
        "title",
        "format",
        "start_at",
        "commune",
        "space",
        BooleanColumn("archived", label=gettext_lazy("Archivé")),
    ]
    list_per_page = 50
    ordering = ["-start_at"]

    edit_handler = TabbedInterface(
        [
            ObjectList(
                [
                    FieldRowPanel([FieldPanel("format"), FieldPanel("space")]),
                    FieldPanel("title"),
                    FieldPanel("description"),
                    FieldRowPanel([FieldPanel("start_at"), FieldPanel("end_at")]),
                    FieldPanel("time_zone"),
                    MultiFieldPanel(
                        [
                            FieldPanel("address"),
                            FieldRowPanel([FieldPanel("commune"), FieldPanel("departement")]),
                            FieldPanel("online_url"),
                        ],
                        heading=gettext_lazy("Lieu"),
                    ),
                    FieldPanel("thematiques", widget=forms.CheckboxSelectMultiple),
                    FieldPanel("archived"),
                ],
                heading=gettext_lazy("Événement"),
            ),
            ObjectList(
                [
                    FieldRowPanel([FieldPanel("capacity"), FieldPanel("registrations_enabled")]),
                    FieldRowPanel(
                        [FieldPanel("registration_opens_at"), FieldPanel("registration_closes_at")]
                    ),
                    InlinePanel(
                        "questions",
                        heading=gettext_lazy("Questions posées aux inscrits"),
                        label=gettext_lazy("Question"),
                    ),
                ],
                heading=gettext_lazy("Inscriptions"),
            ),
            ObjectList(
                [
                    InlinePanel(
                        "programme_items",
                        heading=gettext_lazy("Programme"),
                        label=gettext_lazy("Point du programme"),
                    ),
                    InlinePanel(
                        "workshops",
                        heading=gettext_lazy("Ateliers en parallèle"),
                        label=gettext_lazy("Atelier"),
                    ),
                ],
                heading=gettext_lazy("Programme"),
            ),
            ObjectList(
                [
                    FieldPanel("minutes_summary"),
                    FieldRowPanel(
                        [FieldPanel("participants_count"), FieldPanel("structures_count")]
                    ),
                    MultipleChooserPanel(
                        "minutes_documents",
                        chooser_field_name="document",
                        heading=gettext_lazy("Documents"),
                        label=gettext_lazy("Document"),
                    ),
                    InlinePanel(
                        "minutes_photos",
                        heading=gettext_lazy("Photos"),
                        label=gettext_lazy("Photo"),
                    ),
                    InlinePanel(
                        "minutes_proposals",
                        heading=gettext_lazy("Propositions issues de la rencontre"),
                        label=gettext_lazy("Proposition"),
                    ),
                    InlinePanel(
                        "minutes_debates",
                        heading=gettext_lazy("Débats issus de la rencontre"),
                        label=gettext_lazy("Débat"),
                    ),
                    FieldPanel("minutes_published"),
                ],
                heading=gettext_lazy("Compte rendu"),
            ),
        ],
        base_form_class=EventAdminForm,
    )


@require_http_methods(["GET", "POST"])
def duplicate(request, pk):
    """GET asks to confirm, POST copies and opens the copy's edit form."""
    if not request.user.has_perm("events.add_event"):
        raise PermissionDenied
    event = get_object_or_404(Event, pk=pk)
    if request.method == "POST":
        with transaction.atomic():
            copy = services.duplicate_event(request.user, event)
        messages.success(request, _("L’événement est dupliqué : modifiez ses dates."))
        return redirect("wagtailsnippets_events_event:edit", copy.pk)
    return TemplateResponse(request, "events/admin/duplicate.html", {"event": event})
