"""Demo debates: two open ones in a space of their own (which also hosts events) and a
concluded one in participation's closed consultation. Content lives in data/debates/."""

import json
from datetime import timedelta
from pathlib import Path

from django.conf import settings
from django.utils import timezone

from debates.models import Debate
from home.models import HomePage
from members.models import User
from members.roles import MODERATEURS
from participation.comments.api import post_comment
from participation.models import Comment, SpacePage, SpacePhase
from taxonomy.models import Thematique

DATA = json.loads((Path(__file__).parent / "data" / "debates" / "debates.json").read_text("utf-8"))


def demo_space(home):
    """The space where members debate and register to the year's rencontres."""
    spec = DATA["space"]
    space = SpacePage.objects.filter(slug=spec["slug"]).first()
    if space:
        return space
    today = timezone.localdate()
    space = SpacePage(
        slug=spec["slug"],
        title=spec["title"],
        introduction=spec["introduction"],
        modules=["debates", "events"],
        start_date=today - timedelta(days=30),
        end_date=today + timedelta(days=300),
    )
    space.phases = [
        SpacePhase(
            title="Débats et inscriptions",
            start_date=today - timedelta(days=30),
            end_date=today + timedelta(days=300),
            actions=["comment", "debate", "register"],
        )
    ]
    home.add_child(instance=space)
    space.thematiques.set(Thematique.objects.filter(slug__in=spec["thematiques"]))
    space.save_revision().publish()
    return space


def write_comment(author, debate, text, stance):
    """A comment stored as is, without the checks, notifications and activity of
    participation's service: for history (a consultation now closed) and load data."""
    Comment.objects.create(
        content_object=debate,
        site_id=settings.SITE_ID,
        user=author,
        user_name=str(author)[:50],
        user_email=author.email,
        comment=text,
        stance=stance,
    )


def seed(stdout):
    home = HomePage.objects.first()
    members = list(User.objects.filter(is_superuser=False, is_active=True).order_by("pk")[:12])
    moderator = User.objects.filter(groups__name=MODERATEURS).order_by("pk").first()
    if home is None or len(members) < 6 or moderator is None:
        stdout.write("Débats : accueil, membres ou modérateur absents, débats non créés.")
        return
    demo_space(home)
    spaces = {s.slug: s for s in SpacePage.objects.filter(modules__contains=["debates"])}
    created = 0
    for index, spec in enumerate(DATA["debates"]):
        space = spaces.get(spec["space"])
        if space is None or Debate.objects.filter(space=space, title=spec["title"]).exists():
            continue
        debate = Debate.objects.create(
            space=space,
            title=spec["title"],
            description=spec["description"],
            instructions=spec["instructions"],
            author=moderator if spec["official"] else members[index % len(members)],
            is_official=spec["official"],
        )
        debate.thematiques.set(Thematique.objects.filter(slug__in=spec["thematiques"]))
        for number, (stance, text) in enumerate(spec["comments"]):
            author = members[(index + number + 1) % len(members)]
            if space.opens("comment"):
                post_comment(author, debate, text, stance=stance)
            else:
                write_comment(author, debate, text, stance)
        if spec.get("conclusions"):
            debate.conclusions = spec["conclusions"]
            debate.closed_at = timezone.now()
            debate.closed_by = moderator
            debate.save()
        created += 1
    stdout.write(f"Débats : {created} débat(s) ajouté(s).")
