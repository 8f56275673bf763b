from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from content.listing import paginate
from events import ical, services
from events.filters import AgendaFilterSet
from events.forms import EventForm
from events.models import Event, Registration, RegistrationStatus
from maillage import ratelimits
from maillage.csv_export import csv_response
from participation.roles import is_moderator

AGENDA_PAGE_SIZE = 20
SPACE_SECTION_SIZE = 5
REGISTRATIONS_PAGE_SIZE = 100


def _visible_event(request, pk):
    events = (
        Event.objects.visible_to(request.user)
        .select_related("departement__region", "space", "organiser")
        .with_registration_counts()
    )
    return get_object_or_404(events, pk=pk)


def _my_registrations(user, events):
    """The user's registration for each listed event, in one query."""
    if not user.is_authenticated:
        return {}
    rows = Registration.objects.filter(user=user, event__in=[e.pk for e in events])
    return {row.event_id: row for row in rows}


def _registration_box(request, event):
    registration = _my_registrations(request.user, [event]).get(event.pk)
    return services.registration_box(request.user, event, event.confirmed_count, registration)


def agenda(request):
    filters = AgendaFilterSet(
        request.GET, queryset=Event.objects.visible_to(request.user).for_listing()
    )
    page_obj, query_string = paginate(request, filters.qs, AGENDA_PAGE_SIZE)
    mine = _my_registrations(request.user, page_obj.object_list)
    for event in page_obj.object_list:
        event.my_registration = mine.get(event.pk)
    return render(
        request,
        "events/agenda.html",
        {
            "filter_form": filters.form,
            "page_obj": page_obj,
            "query_string": query_string,
            "showing_past": filters.showing_past,
            "can_create": is_moderator(request.user),
        },
    )


def agenda_ics(request):
    """The next upcoming events as a calendar to subscribe to."""
    events = Event.objects.visible_to(request.user).upcoming()[:200]
    response = HttpResponse(
        ical.calendar(events, _("Agenda du réseau Maillage")),
        content_type="text/calendar; charset=utf-8",
    )
    response["Content-Disposition"] = 'attachment; filename="agenda-maillage.ics"'
    return response


def event_detail(request, pk):
    event = _visible_event(request, pk)
    box = _registration_box(request, event)
    return render(
        request,
        "events/event_detail.html",
        {
            "event": event,
            "box": box,
            "can_manage": services.can_manage(request.user, event),
            "show_online_url": bool(event.online_url)
            and (box["state"] == "confirmed" or services.can_manage(request.user, event)),
        },
    )


def event_ics(request, pk):
    event = _visible_event(request, pk)
    response = HttpResponse(
        ical.calendar([event], event.title), content_type="text/calendar; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="evenement-{event.pk}.ics"'
    return response


def _after_registration(request, event, level, notice):
    """With htmx the registration box is replaced in place and says what happened;
    without JavaScript the event page is reloaded with a message."""
    if request.htmx:
        event = _visible_event(request, event.pk)
        box = {**_registration_box(request, event), "notice": notice}
        return render(request, "events/includes/registration_box.html", {"box": box})
    messages.add_message(request, level, notice)
    return redirect(reverse("events:detail", args=[event.pk]) + "#inscription")


@require_POST
@login_required
def register(request, pk):
    event = _visible_event(request, pk)
    if ratelimits.over_limit(request, "registration"):
        return _after_registration(request, event, messages.ERROR, ratelimits.message())
    try:
        registration = services.register(request.user, event)
    except services.RegistrationClosed:
        return _after_registration(
            request, event, messages.ERROR, _("Les inscriptions à cet événement sont closes.")
        )
    if registration.status == RegistrationStatus.WAITING:
        return _after_registration(
            request,
            event,
            messages.INFO,
            _("L’événement est complet : vous êtes sur liste d’attente."),
        )
    return _after_registration(
        request, event, messages.SUCCESS, _("Votre inscription est enregistrée.")
    )


@require_POST
@login_required
def cancel(request, pk):
    event = _visible_event(request, pk)
    try:
        services.cancel_registration(request.user, event)
    except services.RegistrationClosed:
        return _after_registration(
            request,
            event,
            messages.ERROR,
            _("L’événement est passé : l’inscription ne peut plus être annulée."),
        )
    return _after_registration(
        request, event, messages.SUCCESS, _("Votre inscription est annulée.")
    )


@login_required
def registrations(request, pk):
    event = _visible_event(request, pk)
    if not services.can_manage(request.user, event):
        raise PermissionDenied
    rows = event.registrations.select_related("user__profile").order_by(
        "status", "created_at", "pk"
    )
    if request.GET.get("format") == "csv":
        return _registrations_csv(event, rows)
    page_obj = Paginator(rows, REGISTRATIONS_PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "events/registrations.html",
        {"event": event, "page_obj": page_obj, "query_string": ""},
    )


def _registrations_csv(event, rows):
    header = [_("Nom"), _("E-mail"), _("Structure"), _("Statut"), _("Inscrit·e le")]
    return csv_response(
        f"inscrits-evenement-{event.pk}.csv",
        header,
        (
            [
                row.user.display_name,
                row.user.email,
                getattr(getattr(row.user, "profile", None), "structure_name", ""),
                row.get_status_display(),
                timezone.localtime(row.created_at).strftime("%d/%m/%Y %H:%M"),
            ]
            for row in rows.iterator(chunk_size=500)
        ),
        delimiter=";",
    )


@login_required
def event_create(request):
    if not is_moderator(request.user):
        raise PermissionDenied
    return _event_form(request, Event())


@login_required
def event_edit(request, pk):
    event = _visible_event(request, pk)
    if not services.can_manage(request.user, event):
        raise PermissionDenied
    return _event_form(request, event)


def _event_form(request, event):
    is_new = event.pk is None
    form = EventForm(request.POST or None, instance=event, user=request.user)
    if request.method == "POST" and form.is_valid():
        event = services.save_event(
            request.user, form.save(commit=False), form.cleaned_data["thematiques"], is_new=is_new
        )
        messages.success(
            request, _("L’événement est publié.") if is_new else _("L’événement est modifié.")
        )
        return redirect(event)
    return render(
        request, "events/event_form.html", {"form": form, "event": None if is_new else event}
    )


def space_section_context(space, request):
    """The space page's "Événements" section: its next events, else its latest ones."""
    events = Event.objects.filter(space=space).for_listing()
    upcoming = list(events.upcoming()[:SPACE_SECTION_SIZE])
    return {
        "events": upcoming or list(events.past()[:SPACE_SECTION_SIZE]),
        "showing_past": not upcoming,
        "space": space,
    }
