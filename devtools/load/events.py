"""Network-scale agenda for load runs: 3,000 events over two years and 30,000
registrations at scale 1, loaded with COPY."""

from datetime import timedelta

from django.utils import timezone

from events.models import Event, EventFormat, Registration, RegistrationStatus
from members.models import User
from participation.models import SpacePage
from taxonomy.models import Departement, Thematique

CAPACITIES = [None, 20, 30, 50, 80, 120]


def seed(ctx):
    user_ids = ctx.shared.get("user_ids") or list(User.objects.values_list("pk", flat=True))
    if not user_ids:
        ctx.stdout.write("  aucun membre : lancez seed_demo d’abord.")
        return
    total = ctx.count(3000)
    wanted = ctx.count(30000)
    departements = list(Departement.objects.all())
    thematiques = list(Thematique.objects.values_list("pk", flat=True))
    spaces = list(
        SpacePage.objects.live().filter(modules__contains=["events"]).values_list("pk", flat=True)
    )
    types = [value for value, _label in EventFormat.choices]
    now = timezone.now().replace(minute=0, second=0, microsecond=0)
    with ctx.progress("Événements", total) as tick:
        events = []
        for _n in range(total):
            start = now + timedelta(days=ctx.rng.randint(-365, 365), hours=ctx.rng.randint(-4, 4))
            online = ctx.rng.random() < 0.2
            departement = None if online else ctx.rng.choice(departements)
            events.append(
                Event(
                    format=EventFormat.WEBINAIRE if online else ctx.rng.choice(types),
                    title=ctx.text.title(),
                    description=ctx.text.paragraph(5),
                    start_at=start,
                    end_at=start + timedelta(hours=ctx.rng.choice([1, 3, 7])),
                    commune="" if online else ctx.text.pick("communes"),
                    departement=departement,
                    online_url="https://visio.exemple.fr/salle" if online else "",
                    capacity=ctx.rng.choice(CAPACITIES),
                    space_id=ctx.rng.choice(spaces) if spaces and ctx.rng.random() < 0.1 else None,
                    reminder_sent_at=start if start < now else None,
                )
            )
            tick()
        events = Event.objects.bulk_create(events, batch_size=1000)
    ctx.copy(
        Event.thematiques.through._meta.db_table,
        ["event_id", "thematique_id"],
        (
            (event.pk, thematique)
            for event in events
            for thematique in ctx.rng.sample(thematiques, ctx.rng.randint(1, 2))
        ),
    )
    rows = []
    mean = wanted / total
    for event in events:
        # Most events draw a handful of members, a few draw crowds.
        count = min(len(user_ids), round(ctx.rng.expovariate(1 / mean)))
        for index, user_id in enumerate(ctx.rng.sample(user_ids, count)):
            confirmed = event.capacity is None or index < event.capacity
            status = RegistrationStatus.CONFIRMED if confirmed else RegistrationStatus.WAITING
            rows.append((event.pk, user_id, status, event.start_at - timedelta(days=30)))
    ctx.copy(Registration._meta.db_table, ["event_id", "user_id", "status", "created_at"], rows)
    ctx.stdout.write(f"  {total} événements, {len(rows)} inscriptions.")
