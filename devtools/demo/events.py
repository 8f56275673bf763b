"""Demo agenda: a dozen events, past and upcoming, across types and régions, some with
registrations (one full, with a waiting list). Content lives in data/events/events.json."""

import json
from datetime import datetime, time, timedelta
from pathlib import Path

from django.utils import timezone

from events.models import Event, Registration, RegistrationStatus
from members.models import User
from members.roles import MODERATEURS
from participation.models import SpacePage
from taxonomy.models import Departement, Thematique

DATA = json.loads((Path(__file__).parent / "data" / "events" / "events.json").read_text("utf-8"))


def seed(stdout):
    members = list(User.objects.filter(is_superuser=False, is_active=True).order_by("pk")[:12])
    organiser = User.objects.filter(groups__name=MODERATEURS).order_by("pk").first()
    if len(members) < 10:
        stdout.write("Agenda : membres absents, événements non créés.")
        return
    today = timezone.localdate()
    departements = {d.code: d for d in Departement.objects.all()}
    spaces = {s.slug: s for s in SpacePage.objects.filter(modules__contains=["events"])}
    created = 0
    for spec in DATA:
        if Event.objects.filter(title=spec["title"]).exists():
            continue
        day = today + timedelta(days=spec["days"])
        start = timezone.make_aware(datetime.combine(day, time(spec["hour"])))
        opens_in = spec.get("opens_in_days")
        event = Event.objects.create(
            format=spec["type"],
            title=spec["title"],
            description=spec["description"],
            start_at=start,
            end_at=start + timedelta(hours=spec["hours"]),
            address=spec.get("address", ""),
            commune=spec.get("commune", ""),
            departement=departements.get(spec.get("departement")),
            online_url=spec.get("online_url", ""),
            capacity=spec["capacity"],
            space=spaces.get(spec.get("space")),
            organiser=organiser,
            registration_opens_at=timezone.now() + timedelta(days=opens_in) if opens_in else None,
        )
        event.thematiques.set(Thematique.objects.filter(slug__in=spec["thematiques"]))
        registered, waiting = spec["registered"], spec.get("waiting", 0)
        Registration.objects.bulk_create(
            Registration(
                event=event,
                user=member,
                status=RegistrationStatus.CONFIRMED
                if n < registered
                else RegistrationStatus.WAITING,
            )
            for n, member in enumerate(members[: registered + waiting])
        )
        created += 1
    stdout.write(f"Agenda : {created} événement(s) ajouté(s).")
