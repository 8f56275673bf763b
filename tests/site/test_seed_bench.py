import json
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import transaction
from django.db.models import Count, F, Q
from django_comments_xtd.models import XtdComment

from debates.models import Debate
from devtools.load.members import BENCH_DOMAIN
from editorial.models import ExperiencePage, NewsPage
from events.models import Event, Registration, RegistrationStatus
from library.models import Resource
from members.models import User
from participation.models import Comment, SpaceMembership, SpacePage, Visibility
from proposals.models import Proposal, Vote
from search.models import SearchEntry

pytestmark = pytest.mark.django_db

SCALE = 0.01
MODELS = {
    "members": User,
    "spaces": SpacePage,
    "proposals": Proposal,
    "votes": Vote,
    "comments": Comment,
    "debates": Debate,
    "events": Event,
    "pages": NewsPage,
    "experiences": ExperiencePage,
    "documents": Resource,
}


def counts():
    return {name: model.objects.count() for name, model in MODELS.items()}


@pytest.fixture(scope="module")
def seeded(demo, django_db_blocker):
    """Load data at 1/100 of the reference size on top of the demo, once for the module,
    in a transaction rolled back after its last test (each test runs in a savepoint)."""
    with django_db_blocker.unblock(), transaction.atomic():
        before = counts()
        call_command("seed_bench", scale=SCALE, stdout=StringIO())
        after = counts()
        yield {name: after[name] - before[name] for name in MODELS}
        transaction.set_rollback(True)


def test_load_data_has_the_reference_proportions(seeded):
    assert seeded["members"] == 50
    assert seeded["spaces"] == 10  # at least the voting spaces and one private space
    assert seeded["proposals"] == 200  # drafts included
    assert seeded["votes"] == 1500
    assert seeded["comments"] == 2000  # proposals, debates and editorial pages
    assert seeded["debates"] == 20
    assert seeded["events"] == 30
    assert seeded["pages"] + seeded["experiences"] == 30
    assert seeded["documents"] == 50
    assert User.objects.filter(email__endswith="@" + BENCH_DOMAIN).count() == 50


def test_load_data_keeps_the_rules_of_the_modules(seeded):
    # vote counters equal the vote rows, one vote per member and proposal
    assert not Proposal.objects.annotate(n=Count("votes")).exclude(n=F("vote_count")).exists()
    popular = Proposal.objects.order_by("-vote_count").first()
    assert popular.vote_count > 5 * (1500 / 200)  # a long tail: a few very popular ones
    # registrations within capacities, the rest on the waiting list
    confirmed = Count("registrations", filter=Q(registrations__status=RegistrationStatus.CONFIRMED))
    assert not Event.objects.annotate(n=confirmed).filter(n__gt=F("capacity")).exists()
    assert Registration.objects.exists()
    # private spaces have their invited members
    for space in SpacePage.objects.filter(
        visibility=Visibility.PRIVATE, slug__startswith="demarche"
    ):
        assert SpaceMembership.objects.filter(space=space).exists()
    # the search index covers the new content
    assert SearchEntry.objects.filter(kind="proposition").count() >= 150


def test_bulk_comment_threads_are_those_django_comments_xtd_builds(seeded):
    rows = list(
        XtdComment.norel_objects.values(
            "id", "thread_id", "parent_id", "level", "order", "nested_count", "object_pk"
        )
    )
    by_id = {row["id"]: row for row in rows}
    threads = {}
    for row in rows:
        threads.setdefault(row["thread_id"], []).append(row)
        if row["id"] == row["thread_id"]:
            assert (row["parent_id"], row["level"], row["order"]) == (row["id"], 0, 1)
            continue
        parent = by_id[row["parent_id"]]
        assert row["level"] == parent["level"] + 1 <= 2
        assert row["object_pk"] == parent["object_pk"]
        # depth-first: replies come right after their parent, within its descendants
        assert parent["order"] < row["order"] <= parent["order"] + parent["nested_count"]
    for thread in threads.values():
        assert sorted(row["order"] for row in thread) == list(range(1, len(thread) + 1))
    longest = max(len(thread) for thread in threads.values())
    assert longest > 5


def test_a_reply_posted_on_bulk_data_joins_its_thread(seeded):
    from participation.comments.api import post_comment

    root = (
        Comment.objects.filter(level=0, content_type__model="proposal", nested_count__gt=0)
        .order_by("-nested_count", "pk")
        .first()
    )
    proposal = root.content_object
    member = User.objects.filter(email__endswith="@" + BENCH_DOMAIN).first()
    reply = post_comment(member, proposal, "Je confirme.", parent=root)
    root.refresh_from_db()
    assert (reply.thread_id, reply.level) == (root.pk, 1)
    assert reply.order == root.order + root.nested_count


def test_every_load_run_target_answers_on_load_data(seeded, client, capsys):
    """The load runner visits what the apps declare; a stale target would only show up as
    errors in a run, so each one is requested here, on the data a load run has (the demo
    and the load data), logged in as the runner's default account (whose conversations
    the messaging targets name). A load run always has both: a second pass over every
    target on the demo alone (tests/site/test_bench_targets.py) proved nothing more."""
    capsys.readouterr()
    call_command("bench_targets")
    targets = json.loads(capsys.readouterr().out)
    names = {t["name"] for t in targets}
    assert {
        "accueil",
        "actualités",
        "actualité",
        "bibliothèque à facettes",
        "démarche",
        "propositions filtrées et triées",
        "proposition longue discussion",
        "vote",
        "commentaire",
        "débat (long fil)",
        "événement",
        "agenda",
        "recherche",
        "annuaire",
    } <= names
    member = User.objects.get(email="claire.martin@exemple.fr")
    for target in targets:
        if target.get("login"):
            client.force_login(member)
        else:
            client.logout()
        method = target.get("method", "GET").lower()
        response = getattr(client, method)(target["path"], target.get("data") or {})
        expected = 200 if method == "get" else 302
        assert response.status_code == expected, (target, response.status_code)
