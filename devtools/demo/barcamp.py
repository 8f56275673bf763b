"""Demo barcamps (texts in data/barcamp/barcamp.json): a past two-day national gathering
of the centres de ressources with 20 pitched sessions, participants' choices, notes and a
published grid; and the upcoming barcamp of the agenda, open to pitches."""

import json
from datetime import datetime, time, timedelta
from pathlib import Path

from django.db.models import Count
from django.utils import timezone

from barcamp.models import BarcampSettings, Interest, Mode, Room, Session, TimeSlot
from events.models import Event, EventFormat, Registration, RegistrationStatus
from members.models import User
from members.roles import MODERATEURS
from taxonomy.models import Departement, Thematique

DATA = json.loads((Path(__file__).parent / "data" / "barcamp" / "barcamp.json").read_text("utf-8"))


def seed(stdout):
    members = list(User.objects.filter(is_superuser=False, is_active=True).order_by("pk"))
    if len(members) < DATA["past"]["participants"]:
        stdout.write("Barcamps : membres absents, barcamps non créés.")
        return
    thematiques = {t.name: t for t in Thematique.objects.all()}
    created = _past_gathering(members, thematiques)
    created += _upcoming_barcamp(thematiques)
    stdout.write(f"Barcamps : {created} barcamp(s) ajouté(s).")


def _at(day, hhmm):
    hour, minute = (int(part) for part in hhmm.split(":"))
    return timezone.make_aware(datetime.combine(day, time(hour, minute)))


def _settings(event, spec, **fields):
    # Saving a barcamp event already gave it default settings (barcamp.signals).
    barcamp, _created = BarcampSettings.objects.update_or_create(
        event=event, defaults={"vote_limit": spec["vote_limit"], **fields}
    )
    day = timezone.localdate(event.start_at)
    rooms = [
        Room.objects.create(
            barcamp=barcamp, sort_order=n, name=room["name"], capacity=room["capacity"]
        )
        for n, room in enumerate(spec["rooms"])
    ]
    slots = [
        TimeSlot.objects.create(
            barcamp=barcamp,
            sort_order=n,
            starts_at=_at(day + timedelta(days=slot["day"]), slot["start"]),
            ends_at=_at(day + timedelta(days=slot["day"]), slot["end"]),
        )
        for n, slot in enumerate(spec["slots"])
    ]
    return barcamp, rooms, slots


def _sessions(barcamp, specs, pitchers, thematiques):
    return [
        Session.objects.create(
            barcamp=barcamp,
            title=spec["title"],
            pitch=spec["pitch"],
            thematique=thematiques.get(spec["thematique"]),
            pitcher=pitchers[n % len(pitchers)],
            notes=spec.get("notes", ""),
        )
        for n, spec in enumerate(specs)
    ]


def _past_gathering(members, thematiques):
    spec = DATA["past"]
    if Event.objects.filter(title=spec["title"]).exists():
        return 0
    start = _at(timezone.localdate() + timedelta(days=spec["days"]), f"{spec['hour']}:00")
    event = Event.objects.create(
        format=EventFormat.BARCAMP,
        title=spec["title"],
        description=spec["description"],
        start_at=start,
        end_at=start + timedelta(hours=spec["hours"]),
        address=spec["address"],
        commune=spec["commune"],
        departement=Departement.objects.filter(code=spec["departement"]).first(),
        capacity=spec["capacity"],
        organiser=User.objects.filter(groups__name=MODERATEURS).order_by("pk").first(),
    )
    event.thematiques.set(Thematique.objects.filter(name__in=["Politique de la ville - DSU"]))
    participants = members[: spec["participants"]]
    Registration.objects.bulk_create(
        Registration(event=event, user=user, status=RegistrationStatus.CONFIRMED)
        for user in participants
    )
    barcamp, rooms, slots = _settings(
        event, spec, mode=Mode.BARCAMP, schedule_published=True, published_at=start
    )
    sessions = _sessions(barcamp, spec["sessions"], participants, thematiques)
    # Each participant chose up to the limit, spread so that demands differ.
    Interest.objects.bulk_create(
        Interest(session=sessions[(n * 3 + k * (n % 4 + 1)) % len(sessions)], user=user)
        for n, user in enumerate(participants)
        for k in range(spec["vote_limit"] - n % 3)
    )
    counts = dict(
        Interest.objects.filter(session__barcamp=barcamp)
        .values_list("session")
        .annotate(n=Count("pk"))
    )
    for session in sessions:
        session.vote_count = counts.get(session.pk, 0)
    # The most wanted sessions get the largest rooms, one per slot in turn.
    ranked = sorted(sessions, key=lambda s: (-s.vote_count, s.pk))
    for rank, session in enumerate(ranked):
        session.slot, session.room = slots[rank % len(slots)], rooms[rank // len(slots)]
    Session.objects.bulk_update(sessions, ["vote_count", "slot", "room"])
    return 1


def _upcoming_barcamp(thematiques):
    spec = DATA["upcoming"]
    event = Event.objects.filter(title=spec["title"]).first()
    if event is None or Room.objects.filter(barcamp__event=event).exists():
        return 0
    barcamp, _rooms, _slots = _settings(event, spec, mode=Mode.BARCAMP)
    pitchers = [
        registration.user
        for registration in event.registrations.filter(status=RegistrationStatus.CONFIRMED)
        .select_related("user")
        .order_by("pk")
    ]
    if pitchers:
        _sessions(barcamp, spec["sessions"], pitchers, thematiques)
    return 1
