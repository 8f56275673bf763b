"""Network-scale proposals for load runs: 20,000 at scale 1 over the spaces (a few spaces
gather most of them), 150,000 votes and 160,000 comments, both on a long tail: a few
proposals are very popular, most get a handful."""

from datetime import timedelta

from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, F, OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone
from taggit.models import Tag, TaggedItem

from devtools.load.participation import bulk_comments
from participation.models import SpacePage
from proposals.models import Coauthorship, Proposal, State, Vote
from taxonomy.models import Departement, Thematique

TAGS = [
    "jeunesse",
    "mobilité",
    "emploi",
    "logement",
    "santé",
    "numérique",
    "culture",
    "sport",
    "tranquillité publique",
    "parentalité",
    "insertion",
    "commerce",
]
ANSWERS = [State.EVALUATING, State.ACCEPTED, State.REJECTED, State.IMPLEMENTED]


def seed(ctx):
    space_ids = ctx.shared.get("space_ids", [])
    spaces = list(
        SpacePage.objects.filter(pk__in=space_ids, modules__contains=["proposals"]).order_by("pk")
    )
    user_ids = ctx.shared.get("user_ids")
    if not spaces or not user_ids:
        ctx.stdout.write("  aucune démarche de charge : participation doit passer avant.")
        return
    proposals = _proposals(ctx, spaces, user_ids, ctx.count(20000))
    _relations(ctx, proposals, user_ids)
    # The most popular proposals first: the same ones get the votes and the discussions,
    # and the very first one is in an open vote (the load run votes and reads it).
    popular = proposals[:]
    ctx.rng.shuffle(popular)
    headline = next(
        p
        for p in popular
        if p.space_id == spaces[0].pk and not (p.is_hidden or p.withdrawn_at or p.state)
    )
    popular.remove(headline)
    popular.insert(0, headline)
    votes = _votes(ctx, popular, user_ids, ctx.count(150000))
    comments = bulk_comments(ctx, popular, ctx.count(160000), "Commentaires des propositions")
    ctx.shared["proposal_ids"] = [p.pk for p in popular]
    ctx.stdout.write(
        f"  {len(proposals)} propositions, {votes} votes, {comments} commentaires ; "
        f"la plus discutée : n° {popular[0].pk}."
    )


def _proposals(ctx, spaces, user_ids, total):
    rng = ctx.rng
    departements = list(Departement.objects.all())
    weights = [1 / (rank + 1) for rank in range(len(spaces))]
    now = timezone.now()
    proposals = []
    with ctx.progress("Propositions", total) as tick:
        for n in range(total):
            space = rng.choices(spaces, weights)[0]
            published = now - timedelta(days=rng.randint(1, 60), minutes=rng.randint(0, 1440))
            answered = not space.opens("vote") and rng.random() < 0.4
            departement = rng.choice(departements) if rng.random() < 0.6 else None
            proposals.append(
                Proposal(
                    space=space,
                    author_id=rng.choice(user_ids),
                    title=f"{ctx.text.title()} à {ctx.text.pick('communes')}"[:150],
                    body=ctx.text.paragraph(rng.randint(2, 6))[:3000],
                    region_id=departement.region_id if departement else None,
                    departement=departement,
                    state=rng.choice(ANSWERS) if answered else "",
                    answer=ctx.text.paragraph(2) if answered else "",
                    answered_at=now if answered else None,
                    published_at=published if n % 50 else None,  # one in 50 is a draft
                    withdrawn_at=now if n % 97 == 0 else None,
                    is_hidden=n % 199 == 0,
                )
            )
            tick()
    proposals = Proposal.objects.bulk_create(proposals, batch_size=2000)
    # `created_at` is set on insert: date proposals back to their publication.
    Proposal.objects.filter(pk__in=[p.pk for p in proposals], published_at__isnull=False).update(
        created_at=F("published_at")
    )
    return [p for p in proposals if p.published_at]


def _relations(ctx, proposals, user_ids):
    """Authors (one in twenty proposals has a co-author), thématiques and tags."""
    rng = ctx.rng
    Coauthorship.objects.bulk_create(
        [
            Coauthorship(proposal=p, user_id=p.author_id, accepted_at=p.published_at)
            for p in proposals
        ]
        + [
            Coauthorship(proposal=p, user_id=user, invited_by_id=p.author_id, accepted_at=when)
            for n, p in enumerate(proposals)
            if n % 20 == 0
            for user in [rng.choice(user_ids)]
            for when in [p.published_at if rng.random() < 0.8 else None]
            if user != p.author_id
        ],
        batch_size=5000,
    )
    thematiques = list(Thematique.objects.values_list("pk", flat=True))
    ctx.copy(
        Proposal.thematiques.through._meta.db_table,
        ["proposal_id", "thematique_id"],
        (
            (p.pk, thematique)
            for p in proposals
            for thematique in rng.sample(thematiques, rng.randint(1, 2))
        ),
    )
    tags = [Tag.objects.get_or_create(name=name)[0].pk for name in TAGS]
    content_type = ContentType.objects.get_for_model(Proposal).pk
    ctx.copy(
        TaggedItem._meta.db_table,
        ["content_type_id", "object_id", "tag_id"],
        (
            (content_type, p.pk, tag)
            for p in proposals
            if rng.random() < 0.3
            for tag in rng.sample(tags, rng.randint(1, 3))
        ),
    )


def _votes(ctx, proposals, user_ids, total):
    """Distinct members per proposal, no per-space limit on bench spaces, and each
    proposal's `vote_count` equal to its rows."""
    counts = ctx.long_tail(total, len(proposals), exponent=0.7, cap=len(user_ids))
    rows = []
    with ctx.progress("Votes", sum(counts)) as tick:
        for proposal, count in zip(proposals, counts, strict=True):
            for user_id in ctx.rng.sample(user_ids, count):
                rows.append((proposal.pk, user_id, proposal.space_id, proposal.published_at))
            tick(count)
    ctx.copy(Vote._meta.db_table, ["proposal_id", "user_id", "space_id", "created_at"], rows)
    voted = Vote.objects.filter(proposal=OuterRef("pk")).order_by().values("proposal")
    Proposal.objects.filter(pk__in=[p.pk for p in proposals]).update(
        vote_count=Coalesce(Subquery(voted.annotate(n=Count("pk")).values("n")), 0)
    )
    return len(rows)
