import functools
import time

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Exists, OuterRef
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from content.listing import query_string, read_page
from events import ical, programme, services
from events.filters import AgendaFilterSet
from events.forms import EventForm, RegistrationForm
from events.models import (
    Event,
    Registration,
    RegistrationQuestion,
    RegistrationStatus,
    Workshop,
)
from events.rules import REGISTER
from maillage import ratelimits, table_versions
from maillage.csv_export import csv_response
from participation import card_notices
from participation.roles import is_moderator
from participation.spaces.api import refusal, unseen, visibility_class
from taxonomy.models import Departement, Region, Thematique

AGENDA_PAGE_SIZE = 20
SPACE_SECTION_SIZE = 5
REGISTRATIONS_PAGE_SIZE = 100
# The registration box's id on the event's page, where a no-JS registration returns.
REGISTRATION_ANCHOR = "inscription"
# Values read from the exact cache are kept until a table they read is written; this
# bounds how long unread ones stay.
CACHED_SECONDS = 3600


def _event_row(pk):
    """The event as every reader's page reads it (département and région, organiser,
    space, thématiques, confirmed count, whether it asks questions or offers workshops),
    from the exact cache: a registration, anywhere, expires it; None if there is none."""

    def read():
        return (
            Event.objects.select_related("departement__region", "space", "organiser")
            .prefetch_related("thematiques")
            .with_registration_counts()
            .annotate(
                has_workshops=Exists(Workshop.objects.filter(event=OuterRef("pk"))),
                has_questions=Exists(RegistrationQuestion.objects.filter(event=OuterRef("pk"))),
            )
            .filter(pk=pk)
            .first()
        )

    return table_versions.cached(table_versions.key("event-row", pk), read, CACHED_SECONDS)


def _visible_event(request, pk):
    event = _event_row(pk)
    if event is None or not event.is_visible_to(request.user):
        raise unseen(request.user, event.space if event else None)
    return event


def _registration_box(request, event, workshops=None):
    """The box, and whether registering goes through the form of the event's questions
    and workshops rather than one click (`workshops`: the event's, when already read)."""
    registration = services.member_registrations(request.user).get(event.pk)
    box = services.registration_box(request.user, event, event.confirmed_count, registration)
    has_workshops = bool(workshops) if workshops is not None else event.has_workshops
    box["needs_form"] = has_workshops or event.has_questions
    return box


def _with_my_registrations(user):
    def complete(page):
        mine = services.member_registrations(user)
        for event in page.object_list:
            event.my_registration = mine.get(event.pk)

    return complete


def _registrations_key(user):
    """What the agenda's cards show of the member's own: each registration's status."""
    mine = services.member_registrations(user)
    return ",".join(f"{event}:{row.status}" for event, row in mine.items())


def agenda(request):
    """The agenda: its filters, count and cards are fragments kept for everyone who asks
    the same address (path and query string) and sees the same spaces (visibility
    class), the cards also under the member's own registrations; within the minute (the
    upcoming events are counted to the minute). Served from the cache, the page builds no
    filters, compiles no SQL and reads nothing."""
    user = request.user

    @functools.cache
    def filters():
        return AgendaFilterSet(
            request.GET, queryset=Event.objects.visible_to(user).listed().for_listing()
        )

    return render(
        request,
        "events/agenda.html",
        {
            # Callables and lazy objects: a template calls or reads them on a miss only.
            "filter_form": lambda: filters().form,
            "page_obj": SimpleLazyObject(
                lambda: read_page(
                    request, filters().qs, AGENDA_PAGE_SIZE, _with_my_registrations(user)
                )
            ),
            "query_string": query_string(request),
            # The count has its own fragment (the territory's follow button, personal,
            # sits between it and the cards): it counts on its own, on its miss only.
            "paginator": SimpleLazyObject(lambda: Paginator(filters().qs, AGENDA_PAGE_SIZE)),
            "showing_past": lambda: filters().showing_past,
            "territory": lambda: _territory(request, filters),
            "audience": visibility_class(user),
            "registrations_key": _registrations_key(user),
            "can_create": is_moderator(user),
            "can_create_in_admin": user.has_perm("events.add_event"),
        },
    )


def _territory(request, filters):
    """The département, else the région, the agenda is filtered on (None without either
    in the address: the filters are then not built)."""
    if "departement" not in request.GET and "region" not in request.GET:
        return None
    form = filters().form
    data = form.cleaned_data if form.is_valid() else getattr(form, "cleaned_data", {})
    return data.get("departement") or data.get("region")


FEED_SIZE = 200
# A feed is written once for all who see the same spaces (icalendar spends more than a
# tenth of a second on two hundred events) and kept until a table it read changes, or
# this long, so that an event leaves the feed within a minute of its end, as it leaves
# the agenda's list. Its DTSTAMP is the time it was written, as in the anonymous page
# cache's copy.
FEED_SECONDS = 60


def _feed(request, events, name, filename):
    """The next upcoming listed events as a calendar to subscribe to."""

    def calendar():
        upcoming = events.visible_to(request.user).listed().select_related("departement")
        return ical.calendar(upcoming.upcoming()[:FEED_SIZE], name)

    key = table_versions.key(
        "ics-feed",
        filename,
        name,
        visibility_class(request.user),
        get_language(),
        int(time.time() // FEED_SECONDS),
    )
    response = HttpResponse(
        table_versions.cached(key, calendar, FEED_SECONDS),
        content_type="text/calendar; charset=utf-8",
    )
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def agenda_ics(request):
    return _feed(
        request, Event.objects.all(), _("Agenda du réseau Maillage"), "agenda-maillage.ics"
    )


def thematique_ics(request, slug):
    thematique = get_object_or_404(Thematique, slug=slug)
    return _feed(
        request,
        Event.objects.filter(thematiques=thematique),
        _("Agenda Maillage : %(name)s") % {"name": thematique.name},
        f"agenda-{thematique.slug}.ics",
    )


def region_ics(request, code):
    region = get_object_or_404(Region, code=code)
    return _feed(
        request,
        Event.objects.filter(departement__region=region),
        _("Agenda Maillage : %(name)s") % {"name": region.name},
        f"agenda-region-{region.code}.ics",
    )


def departement_ics(request, code):
    departement = get_object_or_404(Departement, code=code)
    return _feed(
        request,
        Event.objects.filter(departement=departement),
        _("Agenda Maillage : %(name)s") % {"name": departement.name},
        f"agenda-departement-{departement.code}.ics",
    )


def event_detail(request, pk):
    event = _visible_event(request, pk)
    box = _registration_box(request, event)
    # After a registration without JavaScript: its message, in the box (registration_box.html).
    box["card_notice"] = card_notices.take(request, REGISTRATION_ANCHOR)
    can_manage = services.can_manage(request.user, event)
    with timezone.override(event.tzinfo):
        return render(
            request,
            "events/event_detail.html",
            {
                "event": event,
                "box": box,
                "can_manage": can_manage,
                "can_edit_in_admin": request.user.has_perm("events.change_event"),
                "show_online_url": bool(event.online_url)
                and (box["state"] == "confirmed" or can_manage),
                # The main column's fragment: the same for everyone (the minutes' links,
                # for everyone who sees the same spaces) until the event, its programme,
                # workshops, registrations or minutes change.
                "fingerprint": event.fingerprint,
                "minutes_audience": visibility_class(request.user)
                if event.minutes_published
                else "",
                **programme.lazy_page_context(event, request.user),
            },
        )


def event_ics(request, pk):
    event = _visible_event(request, pk)
    # Written once a minute at most for everyone, as the feeds are (its DTSTAMP is the
    # time it was written); the event's fields name it, whatever changes them.
    key = table_versions.key(
        "event-ics", pk, event.fingerprint, get_language(), int(time.time() // FEED_SECONDS)
    )
    response = HttpResponse(
        table_versions.cached(key, lambda: ical.calendar([event], event.title), FEED_SECONDS),
        content_type="text/calendar; charset=utf-8",
    )
    response["Content-Disposition"] = f'attachment; filename="evenement-{event.pk}.ics"'
    return response


def _after_registration(request, event, level, notice):
    """With htmx the registration box is replaced in place and says what happened;
    without JavaScript the event page is reloaded at the box, the message in it (`level`,
    a card_notices level: "success", "info" or "error")."""
    if request.htmx:
        event = _visible_event(request, event.pk)
        box = {**_registration_box(request, event), "notice": notice, "notice_level": level}
        return render(request, "events/includes/registration_box.html", {"box": box})
    return _back_to_box(request, event, level, notice)


def _back_to_box(request, event, level, notice):
    """The event's page at the registration box (its anchor), `notice` shown in the box
    rather than at the top of the page, out of sight on a phone (card_notices)."""
    page = event.get_absolute_url()
    card_notices.send(request, page, page, REGISTRATION_ANCHOR, notice, level)
    return redirect(f"{page}#{REGISTRATION_ANCHOR}")


@login_required
def register(request, pk):
    """One click when the event asks nothing; otherwise the form of its questions and
    workshops (GET shows it, also to change one's answers; POST checks and saves)."""
    event = _visible_event(request, pk)
    # Most events ask nothing: their row says so, and nothing more is read.
    questions = list(event.questions.all()) if event.has_questions else []
    workshops = list(event.workshops.all()) if event.has_workshops else []
    if not (questions or workshops):
        if request.method != "POST":
            return redirect(f"{event.get_absolute_url()}#{REGISTRATION_ANCHOR}")
        return _register_at_once(request, event)
    box = _registration_box(request, event)
    if box["state"] == "forbidden":
        return _refuse_closed_phase(request, event)
    if box["state"] not in ("open", "full", "confirmed", "waiting"):
        return _back_to_box(
            request,
            event,
            "error",
            _("Les inscriptions à cet événement ne sont pas ouvertes."),
        )
    registration = (
        Registration.objects.filter(event=event, user=request.user)
        .prefetch_related("workshops", "answers__question")
        .first()
    )
    form = RegistrationForm(
        request.POST if request.method == "POST" else None,
        event=event,
        questions=questions,
        workshops=workshops,
        places_taken=services.workshop_places(event),
        registration=registration,
    )
    if request.method == "POST" and form.is_valid():
        if ratelimits.over_limit(request, "registration"):
            form.add_error(None, ratelimits.message())
        else:
            try:
                saved = services.register(
                    request.user,
                    event,
                    answers=form.answers(),
                    workshops=form.cleaned_data.get("workshops", []),
                )
            except services.RegistrationClosed:
                form.add_error(None, _("Les inscriptions à cet événement sont closes."))
            except services.WorkshopFull as full:
                form.add_error(
                    "workshops",
                    _("L’atelier « %(title)s » est complet : choisissez-en un autre.")
                    % {"title": full.workshop.title},
                )
            else:
                return _after_registration(
                    request, event, *_registration_notice(saved, registration)
                )
    with timezone.override(event.tzinfo):
        return render(
            request,
            "events/registration_form.html",
            {"event": event, "form": form, "registration": registration, "box": box},
            status=400 if form.errors else 200,
        )


def _registration_notice(saved, previous):
    if previous is not None:
        return "success", _("Vos réponses sont enregistrées.")
    if saved.status == RegistrationStatus.WAITING:
        return "info", _(
            "L’événement est complet : vous êtes sur liste d’attente. Vous choisirez vos "
            "ateliers si une place se libère."
        )
    return "success", _("Votre inscription est enregistrée.")


def _refuse_closed_phase(request, event):
    """Registrations closed by the space's phase: explained in the box with htmx, on a
    403 page that links back to the event without."""
    if request.htmx:
        return _after_registration(request, event, "error", "")
    raise refusal(
        event.space,
        REGISTER,
        next_url=event.get_absolute_url(),
        next_label=_("Revenir à l’événement"),
    )


def _register_at_once(request, event):
    if not services.can_register(request.user, event):
        return _refuse_closed_phase(request, event)
    if ratelimits.over_limit(request, "registration"):
        return _after_registration(request, event, "error", ratelimits.message())
    try:
        registration = services.register(request.user, event)
    except services.RegistrationClosed:
        return _after_registration(
            request, event, "error", _("Les inscriptions à cet événement sont closes.")
        )
    return _after_registration(request, event, *_registration_notice(registration, None))


@require_POST
@login_required
def cancel(request, pk):
    event = _visible_event(request, pk)
    try:
        withdrawn = services.cancel_registration(request.user, event)
    except services.RegistrationClosed:
        return _after_registration(
            request,
            event,
            "error",
            _("L’événement est passé : l’inscription ne peut plus être annulée."),
        )
    if withdrawn == RegistrationStatus.WAITING:
        done = _("Vous avez quitté la liste d’attente.")
    else:
        done = _("Votre inscription est annulée.")
    return _after_registration(request, event, "success", done)


@login_required
def registrations(request, pk):
    event = _visible_event(request, pk)
    if not services.can_manage(request.user, event):
        raise PermissionDenied
    rows = event.registrations.select_related("user__profile").order_by(
        "status", "created_at", "pk"
    )
    if request.GET.get("format") == "csv":
        return _registrations_csv(event, rows.prefetch_related("workshops", "answers"))
    page_obj = Paginator(rows, REGISTRATIONS_PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "events/registrations.html",
        {"event": event, "page_obj": page_obj, "query_string": ""},
    )


def _registrations_csv(event, rows):
    """Registrants with their workshops and one column per question (cells that a
    spreadsheet would read as a formula are neutralised by csv_response)."""
    questions = list(event.questions.all())
    header = [
        _("Nom"),
        _("E-mail"),
        _("Structure"),
        _("Statut"),
        _("Inscrit·e le"),
        _("Présent·e"),
        _("Ateliers"),
        *[question.label for question in questions],
    ]

    def line(row):
        answers = {answer.question_id: answer.value for answer in row.answers.all()}
        return [
            row.user.display_name,
            row.user.email,
            getattr(getattr(row.user, "profile", None), "structure_name", ""),
            row.get_status_display(),
            timezone.localtime(row.created_at).strftime("%d/%m/%Y %H:%M"),
            _("oui") if row.attended else _("non"),
            " ; ".join(workshop.title for workshop in row.workshops.all()),
            *[answers.get(question.pk, "").replace("\n", " ; ") for question in questions],
        ]

    return csv_response(
        f"inscrits-evenement-{event.pk}.csv",
        header,
        (line(row) for row in rows.iterator(chunk_size=500)),
        delimiter=";",
    )


@login_required
def attendance(request, pk):
    """The checklist of the day: tick who came. A plain form, one page of confirmed
    registrants at a time."""
    event = _visible_event(request, pk)
    if not services.can_manage(request.user, event):
        raise PermissionDenied
    rows = event.registrations.filter(status=RegistrationStatus.CONFIRMED).select_related(
        "user__profile"
    )
    page_obj = Paginator(
        rows.order_by("user__display_name", "pk"), REGISTRATIONS_PAGE_SIZE
    ).get_page(request.GET.get("page"))
    if request.method == "POST":
        services.mark_attendance(
            event,
            _ids(request.POST.getlist("on_page")),
            _ids(request.POST.getlist("present")),
        )
        messages.success(request, _("Les présences sont enregistrées."))
        return redirect(request.get_full_path())
    return render(
        request,
        "events/attendance.html",
        {"event": event, "page_obj": page_obj, "query_string": ""},
    )


def _ids(values):
    return [int(value) for value in values if value.isascii() and value.isdigit()][
        :REGISTRATIONS_PAGE_SIZE
    ]


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

    def events():
        return Event.objects.filter(space=space).listed().for_listing()

    # Built and read only while rendering: the space page caches the section for everyone
    # (nothing personal in it) and serves it without these queries; even unread, the
    # querysets cost a millisecond to build on every visit.
    return {
        "upcoming": SimpleLazyObject(lambda: list(events().upcoming()[:SPACE_SECTION_SIZE])),
        "past": SimpleLazyObject(lambda: list(events().past()[:SPACE_SECTION_SIZE])),
        "space": space,
        "shared": "events",
    }
