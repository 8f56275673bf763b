"""Demo spaces: an open vote, a closed consultation and a private working group, with a few
comments, follows and notifications."""

from datetime import timedelta

from django.utils import timezone

from home.models import HomePage
from members.models import User
from participation.comments.api import post_comment
from participation.models import Comment, SpaceMembership, SpacePage, SpacePhase, Visibility
from participation.notifications.api import follow
from taxonomy.models import Thematique


def _phase(title, start, end, *actions):
    return SpacePhase(title=title, start_date=start, end_date=end, actions=list(actions))


def _space(home, slug, title, introduction, phases, thematiques, **fields):
    space = SpacePage.objects.filter(slug=slug).first()
    if space:
        return space, False
    space = SpacePage(slug=slug, title=title, introduction=introduction, **fields)
    space.phases = phases
    home.add_child(instance=space)
    space.thematiques.set(Thematique.objects.filter(slug__in=thematiques))
    space.save_revision().publish()
    return space, True


def seed(stdout):
    home = HomePage.objects.first()
    members = list(User.objects.filter(is_superuser=False, is_active=True).order_by("pk")[:12])
    if home is None or len(members) < 6:
        stdout.write("Participation : accueil ou membres absents, démarches non créées.")
        return
    today = timezone.localdate()
    day = timedelta(days=1)

    priorities, created = _space(
        home,
        "priorites-du-reseau-2026",
        "Priorités du réseau 2026",
        "Quels chantiers le réseau des centres de ressources doit-il porter en 2026 ? "
        "Après l’appel à contributions, votez pour les priorités qui comptent pour vos quartiers.",
        [
            _phase(
                "Appel à contributions", today - 60 * day, today - 15 * day, "propose", "comment"
            ),
            _phase("Vote", today - 14 * day, today + 21 * day, "vote", "comment"),
            _phase("Résultats", today + 22 * day, today + 60 * day),
        ],
        ["developpement-economique-et-emploi", "education", "renouvellement-urbain"],
        objectives="<p>Retenir cinq priorités qui orienteront le programme de travail commun.</p>",
        start_date=today - 60 * day,
        end_date=today + 60 * day,
    )
    _space(
        home,
        "themes-des-rencontres-trimestrielles",
        "Thèmes des rencontres trimestrielles",
        "Les thèmes des rencontres du réseau ont été choisis avec vous : merci pour vos idées.",
        [
            _phase("Propositions", today - 120 * day, today - 90 * day, "propose", "comment"),
            _phase("Synthèse", today - 89 * day, today - 60 * day),
        ],
        ["participation-des-habitants"],
        start_date=today - 120 * day,
        end_date=today - 60 * day,
        modules=["proposals", "debates"],
    )
    health, _created = _space(
        home,
        "groupe-de-travail-sante",
        "Groupe de travail Santé",
        "Espace de travail des membres du groupe Santé : contrats locaux de santé, "
        "médiation en santé, accès aux soins dans les quartiers.",
        [_phase("Travaux du groupe", today - 30 * day, today + 180 * day, "propose", "comment")],
        ["sante"],
        visibility=Visibility.PRIVATE,
    )
    for member in members[:5]:
        SpaceMembership.objects.get_or_create(space=health, user=member)

    if created or not Comment.objects.for_object(priorities).exists():
        for member in members[:6]:
            follow(member, priorities)
        first = post_comment(
            members[1],
            priorities,
            "La rénovation urbaine et la gestion urbaine de proximité devraient rester en tête : "
            "voir https://www.anru.fr pour le bilan du NPNRU.",
        )
        reply = post_comment(
            members[2],
            priorities,
            "D’accord, à condition d’y associer les conseils citoyens dès le départ.",
            parent=first,
        )
        post_comment(members[1], priorities, "Oui, c’est ce qui a marché à Dax.", parent=reply)
        post_comment(
            members[4],
            priorities,
            "L’emploi des jeunes et les cités éducatives me semblent prioritaires.",
        )
    stdout.write(
        "Participation : 3 démarches (vote ouvert, démarche close, groupe privé), "
        "commentaires et notifications."
    )
