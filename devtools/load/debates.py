"""Network-scale debates for load runs: 2,000 at scale 1 in the spaces using debates,
with 30,000 answers on a long tail (the most followed debate has a long thread)."""

from django.utils import timezone

from debates.models import Debate
from devtools.load.participation import bulk_comments
from members.models import User
from participation.models import SpacePage, Visibility
from taxonomy.models import Thematique


def seed(ctx):
    spaces = list(
        SpacePage.objects.live().filter(modules__contains=["debates"]).values_list("pk", flat=True)
    )
    user_ids = ctx.shared.get("user_ids") or list(User.objects.values_list("pk", flat=True))
    if not spaces or not user_ids:
        ctx.stdout.write("  aucune démarche avec débats : lancez seed_demo d’abord.")
        return
    total = ctx.count(2000)
    thematiques = list(Thematique.objects.values_list("pk", flat=True))
    now = timezone.now()
    with ctx.progress("Débats", total) as tick:
        debates = []
        for n in range(total):
            closed = ctx.rng.random() < 0.3
            debates.append(
                Debate(
                    space_id=ctx.rng.choice(spaces),
                    title=ctx.text.title() + " ?",
                    description=ctx.text.paragraph(4),
                    instructions=ctx.text.sentence() if n % 3 == 0 else "",
                    author_id=ctx.rng.choice(user_ids),
                    is_official=n % 5 == 0,
                    closed_at=now if closed else None,
                    conclusions=ctx.text.paragraph(3) if closed else "",
                )
            )
            tick()
        debates = Debate.objects.bulk_create(debates, batch_size=1000)
    ctx.copy(
        Debate.thematiques.through._meta.db_table,
        ["debate_id", "thematique_id"],
        (
            (debate.pk, thematique)
            for debate in debates
            for thematique in ctx.rng.sample(thematiques, ctx.rng.randint(1, 2))
        ),
    )
    # The long thread the load run reads: an open debate of a public space comes first,
    # the others follow in random order along the long tail of answers.
    public = set(
        SpacePage.objects.filter(visibility=Visibility.PUBLIC).values_list("pk", flat=True)
    )
    discussed = debates[:]
    ctx.rng.shuffle(discussed)
    longest = next(d for d in discussed if d.closed_at is None and d.space_id in public)
    discussed.remove(longest)
    discussed.insert(0, longest)
    answers = bulk_comments(ctx, discussed, ctx.count(30000), "Réponses aux débats")
    ctx.shared["debate_ids"] = [d.pk for d in debates]
    ctx.stdout.write(f"  {total} débats, {answers} réponses ; le plus suivi : n° {longest.pk}.")
