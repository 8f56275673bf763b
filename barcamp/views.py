"""Pages of a barcamp: its sessions, pitching, choosing, the organisers' placement page
and the published grid. Each action asks `rules` first; a refusal writes nothing."""

import functools

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from barcamp import rules, schedule, services
from barcamp.forms import NotesForm, PlacementForm, SessionForm
from barcamp.models import BarcampSettings, Interest, Session
from content import listing
from content.listing import paginate
from maillage import ratelimits, table_versions
from maillage.redirects import safe_next

SESSIONS_PAGE_SIZE = 30
ORGANISE_PAGE_SIZE = 50
# Read from the exact cache until a table it read is written; this bounds how long an
# unread value stays.
CACHED_SECONDS = 3600


def _barcamp(request, event_id):
    """The barcamp with its event, space and organiser, from the exact cache (its pages
    read it on every visit); a 404 unless the visitor sees the event."""

    def read():
        return (
            BarcampSettings.objects.select_related("event__space", "event__organiser")
            .filter(event_id=event_id)
            .first()
        )

    key = table_versions.key("barcamp", event_id)
    barcamp = table_versions.cached(key, read, CACHED_SECONDS)
    if barcamp is None or not barcamp.event.is_visible_to(request.user):
        raise Http404
    return barcamp


def _session(request, pk):
    session = get_object_or_404(
        Session.objects.for_listing().select_related("barcamp__event__space"), pk=pk
    )
    if not session.barcamp.event.is_visible_to(request.user):
        raise Http404
    return session


def _choice_state(user, barcamp, participant):
    """The ids of the sessions the participant chose and the choices left: one query."""
    if not participant:
        return set(), None
    chosen = set(
        Interest.objects.filter(user=user, session__barcamp=barcamp).values_list(
            "session_id", flat=True
        )
    )
    return chosen, max(barcamp.vote_limit - len(chosen), 0)


def sessions(request, event_id):
    barcamp = _barcamp(request, event_id)
    rights = rules.access(request.user, barcamp)
    sessions = Session.objects.filter(barcamp=barcamp).for_listing()
    chosen, remaining = _choice_state(request.user, barcamp, rights.participant)
    return render(
        request,
        "barcamp/sessions.html",
        {
            "barcamp": barcamp,
            "event": barcamp.event,
            "rights": rights,
            # Read when the list is rendered: without a choice to make, the list is a
            # fragment shared by everyone who sees the same (sessions.html).
            "page_obj": SimpleLazyObject(
                lambda: listing.read_page(request, sessions, SESSIONS_PAGE_SIZE)
            ),
            "query_string": listing.query_string(request),
            "chosen": chosen,
            "chosen_key": ",".join(str(pk) for pk in sorted(chosen)),
            "remaining": remaining,
        },
    )


@login_required
def pitch(request, event_id):
    barcamp = _barcamp(request, event_id)
    if not rules.access(request.user, barcamp).can_pitch:
        raise PermissionDenied
    form = SessionForm(request.POST or None)
    if (
        request.method == "POST"
        and form.is_valid()
        and not ratelimits.refuse_form(request, "proposal", form)
    ):
        session = services.pitch(request.user, barcamp, form.save(commit=False))
        messages.success(request, _("Votre session est proposée."))
        return redirect(session)
    return render(request, "barcamp/session_form.html", {"form": form, "barcamp": barcamp})


def session_detail(request, pk):
    session = _session(request, pk)
    barcamp = session.barcamp
    rights = rules.access(request.user, barcamp)
    chosen, remaining = _choice_state(request.user, barcamp, rights.participant)
    return render(
        request,
        "barcamp/session_detail.html",
        {
            "session": session,
            "barcamp": barcamp,
            "event": barcamp.event,
            "rights": rights,
            "chosen": chosen,
            "remaining": remaining,
            "can_edit": rules.can_edit(request.user, session, rights.organiser),
            "can_write_notes": rules.can_write_notes(request.user, session, rights.organiser),
            "show_place": session.is_scheduled and rights.can_see_grid,
        },
    )


@login_required
def session_edit(request, pk):
    session = _session(request, pk)
    organiser = rules.can_organise(request.user, session.barcamp)
    if not rules.can_edit(request.user, session, organiser):
        raise PermissionDenied
    form = SessionForm(request.POST or None, instance=session)
    if request.method == "POST" and form.is_valid():
        try:
            services.edit(request.user, form.save(commit=False), organiser)
        except services.Refused as refusal:
            messages.error(request, str(refusal))
        else:
            messages.success(request, _("La session est modifiée."))
        return redirect(session)
    return render(
        request,
        "barcamp/session_form.html",
        {"form": form, "barcamp": session.barcamp, "session": session},
    )


@require_POST
@login_required
def session_withdraw(request, pk):
    session = _session(request, pk)
    organiser = rules.can_organise(request.user, session.barcamp)
    if not rules.can_edit(request.user, session, organiser):
        raise PermissionDenied
    try:
        services.withdraw(request.user, session, organiser)
    except services.Refused as refusal:
        messages.error(request, str(refusal))
        return redirect(session)
    messages.success(request, _("La session est retirée."))
    return redirect(session.barcamp)


@require_POST
@login_required
def session_choose(request, pk):
    """« Je veux y aller » (action = add | remove). With htmx the button and the count of
    choices left are replaced in place; without, back to the page the member came from."""
    session = _session(request, pk)
    barcamp = session.barcamp
    if not rules.is_participant(request.user, barcamp):
        raise PermissionDenied
    error = ""
    try:
        if ratelimits.over_limit(request, "vote"):
            error = ratelimits.message()
        elif request.POST.get("action") == "remove":
            services.unchoose(request.user, session)
        else:
            services.choose(request.user, session)
    except services.Refused as refusal:
        error = str(refusal)
    if request.htmx:
        session.refresh_from_db(fields=["vote_count"])
        chosen, remaining = _choice_state(request.user, barcamp, True)
        return render(
            request,
            "barcamp/includes/choose_response.html",
            {
                "session": session,
                "rights": rules.access(request.user, barcamp),
                "chosen": chosen,
                "remaining": remaining,
                "barcamp": barcamp,
                "error": error,
                "next": safe_next(request, ""),
            },
        )
    if error:
        messages.error(request, error)
    return redirect(safe_next(request, session.get_absolute_url()))


@login_required
def session_notes(request, pk):
    session = _session(request, pk)
    organiser = rules.can_organise(request.user, session.barcamp)
    if not rules.can_write_notes(request.user, session, organiser):
        raise PermissionDenied
    form = NotesForm(request.POST or None, instance=session)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Les notes de la session sont enregistrées."))
        return redirect(session)
    return render(request, "barcamp/notes_form.html", {"form": form, "session": session})


# --- Organisers -----------------------------------------------------------------------------
@login_required
def organise(request, event_id):
    barcamp = _barcamp(request, event_id)
    if not rules.can_organise(request.user, barcamp):
        raise PermissionDenied
    rooms, slots = list(barcamp.rooms.all()), list(barcamp.slots.all())
    page_obj, query_string = paginate(
        request,
        Session.objects.filter(barcamp=barcamp).for_listing().by_demand(),
        ORGANISE_PAGE_SIZE,
    )
    for session in page_obj.object_list:
        session.placement_form = PlacementForm(
            initial={"slot": session.slot_id, "room": session.room_id},
            slots=slots,
            rooms=rooms,
            auto_id=f"id_session{session.pk}_%s",
        )
    return render(
        request,
        "barcamp/organise.html",
        {
            "barcamp": barcamp,
            "event": barcamp.event,
            "rooms": rooms,
            "slots": slots,
            "page_obj": page_obj,
            "query_string": query_string,
        },
    )


@require_POST
@login_required
def session_place(request, pk):
    session = _session(request, pk)
    barcamp = session.barcamp
    if not rules.can_organise(request.user, barcamp):
        raise PermissionDenied
    form = PlacementForm(
        request.POST, slots=list(barcamp.slots.all()), rooms=list(barcamp.rooms.all())
    )
    back = safe_next(request, reverse("barcamp:organise", args=[barcamp.event_id]))
    back = f"{back.split('#')[0]}#session-{session.pk}"
    if not form.is_valid():
        messages.error(
            request, " ".join(error for errors in form.errors.values() for error in errors)
        )
        return redirect(back)
    slot, room = form.cleaned_data["slot"], form.cleaned_data["room"]
    try:
        schedule.place(request.user, session, slot, room)
    except services.Refused as refusal:
        messages.error(request, f"« {session.title} » : {refusal}")
        return redirect(back)
    if slot is None:
        messages.success(
            request, _("« %(title)s » est retirée de la grille.") % {"title": session.title}
        )
    else:
        messages.success(
            request,
            _("« %(title)s » est placée en %(room)s, %(slot)s.")
            % {"title": session.title, "room": room.name, "slot": slot},
        )
    return redirect(back)


@require_POST
@login_required
def publish(request, event_id):
    barcamp = _barcamp(request, event_id)
    if not rules.can_organise(request.user, barcamp):
        raise PermissionDenied
    published = request.POST.get("action") != "unpublish"
    schedule.set_published(request.user, barcamp, published)
    messages.success(
        request,
        _("La grille est publiée : les participant·es sont prévenu·es.")
        if published
        else _("La grille n’est plus publiée : seuls les organisateurs la voient."),
    )
    return redirect("barcamp:organise", event_id=barcamp.event_id)


def grid(request, event_id):
    barcamp = _barcamp(request, event_id)
    rights = rules.access(request.user, barcamp)
    # Read only on a miss of the grid's fragment, the same for everyone who may see it.
    read = functools.cache(lambda: schedule.grid(barcamp))
    return render(
        request,
        "barcamp/grid.html",
        {
            "barcamp": barcamp,
            "event": barcamp.event,
            "rights": rights,
            "rooms": SimpleLazyObject(lambda: read()[0]),
            "rows": SimpleLazyObject(lambda: read()[1]),
        },
    )
