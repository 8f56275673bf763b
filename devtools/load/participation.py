"""Network-scale spaces for load runs (40 at scale 1, the first ones voting now, a few
private ones with their invited members), and `bulk_comments`, which the modules call to
give their own objects comment threads."""

from datetime import timedelta

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.utils import timezone

from home.models import HomePage
from members.models import User
from participation.models import Comment, SpaceMembership, SpacePage, SpacePhase, Visibility
from taxonomy.models import Thematique

SPACES = 40
VOTING = 8  # the first spaces are in their vote phase
PRIVATE_EVERY = 10  # spaces n° 9, 19, 29, 39 are private working groups
MEMBERS_ONLY_EVERY = 7
INVITED = 150
# Share of comments that answer an earlier one, and of replies that go one level deeper.
REPLY_SHARE = 0.45
DEEP_REPLY_SHARE = 0.3


def seed(ctx):
    home = HomePage.objects.first()
    user_ids = ctx.shared.get("user_ids")
    if home is None or not user_ids:
        ctx.stdout.write("  accueil ou membres absents : lancez seed_demo puis members d’abord.")
        return
    total = max(VOTING + 2, ctx.count(SPACES))
    today = timezone.localdate()
    day = timedelta(days=1)
    spaces = []
    with ctx.progress("Démarches", total) as tick:
        for n in range(total):
            visibility = Visibility.PUBLIC
            if n % PRIVATE_EVERY == PRIVATE_EVERY - 1:
                visibility = Visibility.PRIVATE
            elif n % MEMBERS_ONLY_EVERY == MEMBERS_ONLY_EVERY - 1:
                visibility = Visibility.MEMBERS
            title = ctx.text.title()
            steps = _phases(n)
            last_day = steps[-1][2]
            spaces.append(
                SpacePage(
                    title=title[:200],
                    slug=f"demarche-{n + 1}",
                    introduction=ctx.text.paragraph(2)[:500],
                    objectives=f"<p>{ctx.text.paragraph(3)}</p>",
                    start_date=today + steps[0][1] * day,
                    end_date=None if last_day is None else today + last_day * day,
                    modules=_modules(n),
                    visibility=visibility,
                    first_published_at=timezone.now() + steps[0][1] * day,
                )
            )
            tick()
    ctx.add_pages(home, spaces)

    phases = [
        SpacePhase(
            space=space,
            sort_order=order,
            title=title,
            description=ctx.text.sentence(),
            start_date=today + begin * day,
            end_date=None if end is None else today + end * day,
            actions=actions,
        )
        for n, space in enumerate(spaces)
        for order, (title, begin, end, actions) in enumerate(_phases(n))
    ]
    SpacePhase.objects.bulk_create(phases)

    thematiques = list(Thematique.objects.values_list("pk", flat=True))
    ctx.copy(
        SpacePage.thematiques.through._meta.db_table,
        ["spacepage_id", "thematique_id"],
        (
            (space.pk, thematique)
            for space in spaces
            for thematique in ctx.rng.sample(thematiques, min(len(thematiques), 2))
        ),
    )
    private = [space for space in spaces if space.visibility == Visibility.PRIVATE]
    SpaceMembership.objects.bulk_create(
        SpaceMembership(space=space, user_id=user_id)
        for space in private
        for user_id in ctx.rng.sample(user_ids, min(len(user_ids), ctx.count(INVITED)))
    )
    ctx.shared["space_ids"] = [space.pk for space in spaces]
    ctx.stdout.write(
        f"  {total} démarches ({VOTING} en phase de vote, {len(private)} privées), "
        f"{len(phases)} phases."
    )


def _modules(n):
    """Four spaces in five use proposals, one in two debates, one in three events."""
    used = {"proposals": n % 5 != 4, "debates": n % 2 == 0, "events": n % 3 == 0}
    return [module for module, uses in used.items() if uses]


def _phases(n):
    """(title, first day, last day, what it opens) relative to today: the first spaces
    vote now, one in four gathers contributions, debates and meetings, the others are
    closed."""
    if n < VOTING:
        return [
            ("Appel à contributions", -60, -15, ["propose", "comment"]),
            ("Vote", -14, 21, ["vote", "comment"]),
        ]
    if n % 4 == 0:
        actions = ["propose", "comment", "debate", "register"]
        return [("Contributions et rencontres", -30, 30, actions)]
    return [
        ("Propositions", -120, -21, ["propose", "comment"]),
        ("Synthèse", -20, None, []),
    ]


def bulk_comments(ctx, objects, total, label="Commentaires"):
    """Give `objects` (of one model, most discussed first) `total` comments written with
    COPY: threads of up to three levels whose thread/parent/level/order/nested_count are
    what django-comments-xtd computes when comments are posted one by one. Debates
    (`comments_with_stance`) get positions. Returns the number written."""
    if not objects or total <= 0:
        return 0
    model = type(objects[0])
    content_type_id = ContentType.objects.get_for_model(model).pk
    with_stance = getattr(model, "comments_with_stance", False)
    authors = list(User.objects.filter(is_active=True).values_list("pk", "display_name", "email"))
    # ~600 comments on the most discussed of 20,000 proposals, a handful on most.
    counts = ctx.long_tail(total, len(objects))
    ids = iter(ctx.reserve_ids(Comment, total))
    now = timezone.now()

    def threads():
        for obj, count in zip(objects, counts, strict=True):
            yield from _thread(ctx, obj, count, ids, authors, with_stance, content_type_id, now)

    with ctx.progress(label, total) as tick:

        def ticking(comments):
            for comment in comments:
                tick()
                yield comment

        ctx.insert(ticking(threads()))
    return total


def _thread(ctx, obj, count, ids, authors, with_stance, content_type_id, now):
    """The comments of one object, in posting order, with their thread data."""
    rng = ctx.rng
    when = now - timedelta(days=rng.randint(1, 365))
    step = timedelta(minutes=rng.randint(5, 240))
    comments, children = [], {}
    for n in range(count):
        pk = next(ids)
        user_id, name, email = rng.choice(authors)
        parent = None
        replyable = [c for c in comments[-20:] if c.level < settings.COMMENTS_XTD_MAX_THREAD_LEVEL]
        if comments and rng.random() < REPLY_SHARE and replyable:
            parent = rng.choice(replyable)
            if parent.level == 0 and rng.random() < DEEP_REPLY_SHARE:
                deeper = children.get(parent.id)
                parent = rng.choice(deeper) if deeper else parent
        hidden = rng.random() < 0.005
        comment = Comment(
            id=pk,
            content_type_id=content_type_id,
            object_pk=str(obj.pk),
            site_id=settings.SITE_ID,
            user_id=user_id,
            user_name=name[:50],
            user_email=email,
            comment=ctx.text.paragraph(rng.randint(1, 4)),
            submit_date=min(now, when + n * step),
            is_public=True,
            is_removed=False,
            thread_id=parent.thread_id if parent else pk,
            parent_id=parent.id if parent else pk,
            level=parent.level + 1 if parent else 0,
            is_hidden=hidden,
            deleted_at=now if not hidden and rng.random() < 0.005 else None,
            stance=rng.choice(["for", "against", "neutral", ""]) if with_stance else "",
        )
        comments.append(comment)
        if parent:
            children.setdefault(parent.id, []).append(comment)
    for root in (c for c in comments if c.level == 0):
        _number(root, children, 1)
    for comment in comments:
        comment.nested_count = _descendants(comment, children)
    return comments


def _number(comment, children, order):
    """Depth-first order inside the thread, replies after their parent in posting order:
    the `order` django-comments-xtd gives. Returns the next free order."""
    comment.order = order
    order += 1
    for child in children.get(comment.id, []):
        order = _number(child, children, order)
    return order


def _descendants(comment, children):
    return sum(1 + _descendants(child, children) for child in children.get(comment.id, []))
