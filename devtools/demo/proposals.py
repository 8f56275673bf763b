"""Demo proposals: an open vote ("Priorités du réseau 2026": votes, a long discussion,
co-authors, a duplicate) and a closed space whose proposals all got their answer.
Runs after participation's demo, which creates the spaces."""

import json
import random
from datetime import timedelta
from pathlib import Path

from django.utils import timezone
from django.utils.translation import gettext as _

from members.models import User
from participation.comments.api import post_comment
from participation.models import SpacePage
from participation.notifications.api import follow, notify
from proposals.models import Coauthorship, Proposal, ProposalSettings, Vote
from proposals.services import answers
from taxonomy.models import Departement, Thematique

DATA = Path(__file__).resolve().parent / "data" / "proposals" / "proposals.json"
OPEN_VOTE = "priorites-du-reseau-2026"
CLOSED = "themes-des-rencontres-trimestrielles"
THREAD = [
    "Très bonne idée : nous manquons cruellement de méthode commune.",
    "D’accord, mais il faudra associer les habitants dès la conception des outils.",
    "À Roubaix, nous avons testé un format de ce type : je peux partager le bilan.",
    "Oui, partagez-le ! Le retour d’expérience nous aiderait à convaincre nos élus.",
    "Attention au temps demandé aux équipes, déjà très sollicitées.",
    "Un format court, à distance, répondrait à cette contrainte.",
]


def _publish(space, author, row, when, thematiques, departements):
    proposal = Proposal.objects.create(
        space=space,
        author=author,
        title=row["title"],
        body=row["body"],
        published_at=when,
        departement=departements.get(row.get("departement")),
    )
    Proposal.objects.filter(pk=proposal.pk).update(created_at=when)
    Coauthorship.objects.create(proposal=proposal, user=author, accepted_at=when)
    proposal.thematiques.set([thematiques[s] for s in row["thematiques"] if s in thematiques])
    proposal.tags.set(row.get("tags", []))
    follow(author, proposal)
    notify(author, _("a proposé"), proposal, recipients=())
    return proposal


def _seed_space(space, rows, members, now):
    thematiques = {t.slug: t for t in Thematique.objects.all()}
    departements = {d.code: d for d in Departement.objects.all()}
    proposals = []
    for index, row in enumerate(rows):
        author = members[(index * 5 + 1) % len(members)]
        when = now - timedelta(days=len(rows) - index + 20, hours=index)
        proposals.append(_publish(space, author, row, when, thematiques, departements))
    return proposals


def seed(stdout):
    spaces = {s.slug: s for s in SpacePage.objects.filter(slug__in=[OPEN_VOTE, CLOSED])}
    members = list(User.objects.filter(is_superuser=False, is_active=True).order_by("pk"))
    moderator = User.objects.filter(is_superuser=True).order_by("pk").first()
    if len(spaces) < 2 or len(members) < 12 or moderator is None:
        stdout.write("Propositions : démarches ou membres absents, rien n’est créé.")
        return
    if Proposal.objects.filter(space__in=spaces.values()).exists():
        stdout.write("Propositions : déjà présentes.")
        return
    data = json.loads(DATA.read_text(encoding="utf-8"))
    now = timezone.now()
    rng = random.Random(2026)

    # --- Open vote: 5 votes per member, retained from 8 ---------------------------------
    space = spaces[OPEN_VOTE]
    ProposalSettings.objects.update_or_create(
        space=space, defaults={"vote_limit": 5, "threshold": 8}
    )
    proposals = _seed_space(space, data[OPEN_VOTE], members, now)
    weights = [len(proposals) - i for i in range(len(proposals))]
    # Written in bulk like the closed space's below (at most 5 per member, the limit, so
    # the vote service's checks would all pass): one vote at a time through the service
    # cost eight queries each, a fifth of the demo's queries.
    supports = []
    for number, member in enumerate(members):
        # The first member (the load run's account) keeps votes to spend.
        wanted = 2 if number == 0 else rng.randint(1, 5)
        chosen = set(rng.choices(proposals, weights=weights, k=wanted))
        supports += [Vote(proposal=p, user=member, space=space) for p in chosen]
    Vote.objects.bulk_create(supports)
    for proposal in proposals:
        Proposal.objects.filter(pk=proposal.pk).update(
            vote_count=sum(vote.proposal is proposal for vote in supports)
        )
    Coauthorship.objects.create(
        proposal=proposals[0], user=members[2], invited_by=proposals[0].author, accepted_at=now
    )
    Coauthorship.objects.create(
        proposal=proposals[1], user=members[0], invited_by=proposals[1].author
    )
    discussed = proposals[0]
    parent = None
    for turn in range(36):
        text = THREAD[turn % len(THREAD)]
        comment = post_comment(
            members[(turn * 7 + 3) % len(members)],
            discussed,
            text,
            parent=parent if turn % 3 else None,
        )
        parent = comment if turn % 3 == 0 else parent
    # The last proposal repeats the first: a moderator merges it.
    answers.merge(moderator, proposals[-1], proposals[0])
    answers.answer(
        moderator,
        proposals[2],
        "evaluating",
        "Le bureau du réseau instruit la demande avec la DGCL ; réponse attendue avant l’été.",
    )
    proposals[5].withdrawn_at = now - timedelta(days=3)
    proposals[5].save(update_fields=["withdrawn_at"])

    # --- Closed space: the answers are given --------------------------------------------
    closed = spaces[CLOSED]
    ProposalSettings.objects.update_or_create(space=closed, defaults={"threshold": 10})
    rows = data[CLOSED]
    for proposal, row in zip(_seed_space(closed, rows, members, now), rows, strict=True):
        voters = rng.sample(members, rng.randint(3, 18))
        Vote.objects.bulk_create([Vote(proposal=proposal, user=m, space=closed) for m in voters])
        Proposal.objects.filter(pk=proposal.pk).update(vote_count=len(voters))
        if row.get("state"):
            answers.answer(moderator, proposal, row["state"], row["answer"])
    stdout.write(
        f"Propositions : {len(proposals)} dans « {space.title} » (vote ouvert), "
        f"{len(rows)} dans « {closed.title} » (close, avec réponses)."
    )
