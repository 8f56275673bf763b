"""Network-scale follow-up for load runs: 300 results at scale 1 in the spaces using the
module (a third of them children), each with a timeline of up to 12 entries, so that the
Suivi pages are measured with many results and long timelines."""

from datetime import timedelta

from django.utils import timezone

from accountability import services
from accountability.models import ProgressEntry, Result
from participation.models import SpacePage
from taxonomy.models import Thematique


def seed(ctx):
    spaces = list(SpacePage.objects.live().filter(modules__contains=["accountability"]))
    if not spaces:
        ctx.stdout.write("  aucune démarche avec suivi : lancez seed_demo d’abord.")
        return
    statuses = {space.pk: services.statuses(space) for space in spaces}
    thematiques = list(Thematique.objects.values_list("pk", flat=True))
    today = timezone.localdate()
    total = ctx.count(300)
    created = []
    with ctx.progress("Chantiers suivis", total) as tick:
        parents = []
        for n in range(total):
            space = ctx.rng.choice(spaces)
            parent = ctx.rng.choice(parents) if parents and n % 3 == 0 else None
            result = Result(
                space_id=parent.space_id if parent else space.pk,
                parent=parent,
                title=ctx.text.title(),
                description=ctx.text.paragraph(3),
                status=ctx.rng.choice(statuses[parent.space_id if parent else space.pk]),
                start_date=today - timedelta(days=ctx.rng.randint(0, 300)),
            )
            result.save()
            created.append(result.pk)
            if parent is None:
                parents.append(result)
            tick()
    # Only the results made here: the demo's already carry their thématiques.
    results = created
    ctx.copy(
        Result.thematiques.through._meta.db_table,
        ["result_id", "thematique_id"],
        ((pk, ctx.rng.choice(thematiques)) for pk in results),
    )
    ProgressEntry.objects.bulk_create(
        (
            ProgressEntry(
                result_id=pk,
                date=today - timedelta(days=ctx.rng.randint(0, 300)),
                text=ctx.text.paragraph(2),
            )
            for pk in results
            for _entry in range(ctx.rng.randint(0, 12))
        ),
        batch_size=1000,
    )
