"""Demo follow-up: the closed « Thèmes des rencontres trimestrielles » space follows what
became of its answered proposals, with results in each status, a parent with children
and a timeline. Runs after proposals' demo (the answers) and events'."""

import json
from datetime import timedelta
from pathlib import Path

from django.utils import timezone

from accountability import services
from accountability.models import Result
from debates.models import Debate
from events.models import Event
from members.models import User
from participation.models import SpacePage
from participation.notifications.api import follow
from proposals.models import Proposal
from taxonomy.models import Thematique

DATA = Path(__file__).resolve().parent / "data" / "accountability" / "results.json"
SPACE = "themes-des-rencontres-trimestrielles"


def _use_module(space):
    if not space.uses("accountability"):
        space.modules = [*space.modules, "accountability"]
        space.save_revision().publish()


def seed(stdout):
    space = SpacePage.objects.filter(slug=SPACE).first()
    moderator = User.objects.filter(is_superuser=True).order_by("pk").first()
    if space is None or moderator is None:
        stdout.write("Suivi : démarche ou administrateur absents, rien n’est créé.")
        return
    _use_module(space)
    space = SpacePage.objects.get(pk=space.pk)
    if Result.objects.filter(space=space).exists():
        stdout.write("Suivi : déjà présent.")
        return
    today = timezone.localdate()
    statuses = {status.name: status for status in services.statuses(space)}
    proposals = {p.title: p for p in Proposal.objects.filter(space=space)}
    thematiques = {t.slug: t for t in Thematique.objects.all()}
    results = {}
    for row in json.loads(DATA.read_text(encoding="utf-8"))["results"]:
        proposal = proposals.get(row.get("proposal"))
        result = Result(
            space=space,
            reference=row["reference"],
            parent=results.get(row.get("parent")),
            title=row.get("title") or proposal.title,
            description=row.get("description") or (proposal.body if proposal else ""),
            status=statuses.get(row.get("status")),  # a parent's progress is its children's
            progress=row.get("progress"),
            start_date=today + timedelta(days=row["start"]) if "start" in row else None,
            end_date=today + timedelta(days=row["end"]) if "end" in row else None,
            region_id=proposal.region_id if proposal else None,
            departement_id=proposal.departement_id if proposal else None,
        )
        slugs = row.get("thematiques") or []
        services.save_result(
            moderator,
            result,
            thematiques=[thematiques[s] for s in slugs if s in thematiques]
            or (proposal.thematiques.all() if proposal else []),
            proposals=[proposal] if proposal else [],
            # The programme is carried by the space's debates and events.
            debates=None if proposal else Debate.objects.filter(space=space),
            events=None if proposal else Event.objects.filter(space=space),
        )
        results[row["reference"]] = result
        if proposal and proposal.author:
            follow(proposal.author, result)
        for entry in row.get("entries", []):
            services.add_entry(
                moderator,
                result,
                entry["text"],
                date=today + timedelta(days=entry["days"]),
                status=statuses.get(entry.get("status")),
            )
    stdout.write(
        f"Suivi : {len(results)} chantiers dans « {space.title} », "
        "dans chaque état, avec leurs étapes."
    )
