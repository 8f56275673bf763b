"""Demo agenda: a dozen events, past and upcoming, across formats and régions, some with
registrations (one full, with a waiting list), in data/events/events.json; and the
meetings of data/events/meetings.json with their programme, workshops, registration
questions and, for the past rencontre des chefs de projet, minutes with two PDFs."""

import json
from datetime import datetime, time, timedelta
from pathlib import Path

from django.utils import timezone
from django.utils.text import slugify

from devtools.demo.library import build_pdf, create_resource
from events.models import (
    Event,
    MinutesDocument,
    ProgrammeItem,
    Registration,
    RegistrationQuestion,
    RegistrationStatus,
    Workshop,
)
from members.models import User
from members.roles import MODERATEURS
from participation.models import SpacePage
from taxonomy.models import Departement, Thematique

FOLDER = Path(__file__).parent / "data" / "events"
DATA = json.loads((FOLDER / "events.json").read_text("utf-8"))
MEETINGS = json.loads((FOLDER / "meetings.json").read_text("utf-8"))


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
    meetings = sum(
        _seed_meeting(spec, today, departements, organiser, members)
        for spec in MEETINGS
        if not Event.objects.filter(title=spec["title"]).exists()
    )
    stdout.write(f"Agenda : {meetings} rencontre(s) avec programme ajoutée(s).")


def _at(day, clock):
    hour, minute = (int(part) for part in clock.split(":"))
    return timezone.make_aware(datetime.combine(day, time(hour, minute)))


def _seed_meeting(spec, today, departements, organiser, members):
    day = today + timedelta(days=spec["days"])
    start = _at(day, f"{spec['hour']}:00")
    event = Event.objects.create(
        format=spec["format"],
        title=spec["title"],
        description=spec["description"],
        start_at=start,
        end_at=start + timedelta(hours=spec["hours"]),
        address=spec.get("address", ""),
        commune=spec.get("commune", ""),
        departement=departements.get(spec.get("departement")),
        online_url=spec.get("online_url", ""),
        capacity=spec["capacity"],
        organiser=organiser,
    )
    event.thematiques.set(Thematique.objects.filter(slug__in=spec["thematiques"]))
    for order, item in enumerate(spec.get("programme", [])):
        when = day + timedelta(days=item["day"])
        row = ProgrammeItem.objects.create(
            event=event,
            sort_order=order,
            start_at=_at(when, item["start"]),
            end_at=_at(when, item["end"]),
            title=item["title"],
            description=item.get("description", ""),
            speakers_text=item.get("speakers_text", ""),
            room=item.get("room", ""),
        )
        row.speakers.set(members[: item.get("speakers", 0)])
        row.save()  # a ParentalManyToManyField is written when its instance is saved
    workshops = [
        Workshop.objects.create(
            event=event,
            sort_order=order,
            start_at=_at(day + timedelta(days=w["day"]), w["start"]),
            end_at=_at(day + timedelta(days=w["day"]), w["end"]),
            title=w["title"],
            room=w.get("room", ""),
            capacity=w.get("capacity"),
        )
        for order, w in enumerate(spec.get("workshops", []))
    ]
    for order, question in enumerate(spec.get("questions", [])):
        RegistrationQuestion.objects.create(event=event, sort_order=order, **question)
    for n, member in enumerate(members[: spec["registered"]]):
        registration = Registration.objects.create(
            event=event, user=member, attended=spec["days"] < 0 and n % 4 != 3
        )
        if workshops:
            registration.workshops.set([workshops[n % 2]])
    if "minutes" in spec:
        _seed_minutes(event, spec["minutes"])
    return 1


def _seed_minutes(event, minutes):
    """The minutes of a past meeting, with its PDFs in the resource library; published
    without notifying anyone (demo data is not news)."""
    for order, document in enumerate(minutes["documents"]):
        resource = create_resource(
            document["title"],
            build_pdf(document["title"], document["paragraphs"], subtitle=event.title),
            f"{slugify(document['title'])[:80]}.pdf",
            thematiques=event.thematiques.all(),
            resource_type=document["kind"],
            year=event.start_at.year,
            source="Centre de ressources",
            description=document["paragraphs"][0],
            departement=event.departement,
            region=event.region,
        )
        MinutesDocument.objects.create(event=event, document=resource, sort_order=order)
    Event.objects.filter(pk=event.pk).update(
        minutes_summary=minutes["summary"],
        participants_count=minutes["participants"],
        structures_count=minutes["structures"],
        minutes_published=True,
        minutes_notified_at=timezone.now(),
    )
