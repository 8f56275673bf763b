"""Proposals (with their votes and official answers) and debates of the public spaces."""

from django.utils.translation import gettext_lazy as _

from debates.models import Debate
from opendata.datasets.common import ANONYMOUS, CHUNK, absolute, moment, names, territory
from opendata.registry import Column
from participation.spaces.api import SpacePage
from proposals.models import Proposal, ProposalSettings

PROPOSAL_COLUMNS = [
    Column("id", _("Identifiant de la proposition sur Maillage.")),
    Column("demarche", _("Titre de la démarche participative où elle a été déposée.")),
    Column("titre", _("Titre de la proposition.")),
    Column("description", _("Texte de la proposition (texte simple).")),
    Column("thematiques", _("Thématiques, séparées par « ; ».")),
    Column("region", _("Région concernée, vide si aucune.")),
    Column("departement", _("Département concerné (nom et code), vide si aucun.")),
    Column(
        "soutiens",
        _("Nombre de soutiens ; vide tant que la démarche masque les nombres pendant le vote."),
    ),
    Column("retenue", _("Vrai si la proposition a atteint le seuil de soutiens de la démarche.")),
    Column("commentaires", _("Nombre de commentaires publiés.")),
    Column("etat", _("État donné par la réponse officielle, vide sans réponse.")),
    Column("reponse", _("Réponse officielle de l’équipe d’animation.")),
    Column("repondue_le", _("Date de la réponse officielle (ISO 8601).")),
    Column("retiree", _("Vrai si ses auteurs l’ont retirée.")),
    Column("publiee_le", _("Date de publication (ISO 8601).")),
    Column("url", _("Adresse de la proposition sur Maillage.")),
]


def _public_spaces():
    """The spaces an anonymous visitor sees, each with its proposal settings (whether its
    counts are hidden right now): one query per space, never one per proposal."""
    spaces = SpacePage.objects.visible_to(ANONYMOUS).select_related("proposal_settings")
    return {space.pk: (space, ProposalSettings.for_space(space)) for space in spaces}


def proposal_rows():
    spaces = _public_spaces()
    proposals = (
        Proposal.objects.listed()
        .filter(space__in=list(spaces))
        .select_related("region", "departement")
        .prefetch_related("thematiques")
        .with_comment_count()
        .order_by("pk")
    )
    hidden = {pk for pk, (_space, settings) in spaces.items() if settings.counts_hidden}
    for proposal in proposals.iterator(chunk_size=CHUNK):
        space, settings = spaces[proposal.space_id]
        counts_hidden = proposal.space_id in hidden
        yield (
            proposal.pk,
            space.title,
            proposal.title,
            proposal.body,
            names(proposal.thematiques.all()),
            *territory(proposal),
            None if counts_hidden else proposal.vote_count,
            None if counts_hidden else settings.is_retained(proposal),
            proposal.comment_count,
            proposal.get_state_display() if proposal.state else "",
            proposal.answer,
            moment(proposal.answered_at),
            proposal.is_withdrawn,
            moment(proposal.published_at),
            absolute(proposal.get_absolute_url()),
        )


DEBATE_COLUMNS = [
    Column("id", _("Identifiant du débat sur Maillage.")),
    Column("demarche", _("Titre de la démarche participative du débat.")),
    Column("question", _("La question débattue.")),
    Column("presentation", _("Contexte et enjeux de la question.")),
    Column("statut", _("À venir, ouvert ou clos, le jour de la production du fichier.")),
    Column("officiel", _("Vrai si l’équipe d’animation l’a ouvert.")),
    Column("ouverture", _("Date d’ouverture (ISO 8601), vide si ouvert dès sa création.")),
    Column("cloture_prevue", _("Date de clôture prévue (ISO 8601).")),
    Column("clos_le", _("Date de clôture effective (ISO 8601).")),
    Column("commentaires", _("Nombre de commentaires publiés.")),
    Column("conclusions", _("Conclusions de l’équipe d’animation.")),
    Column("thematiques", _("Thématiques, séparées par « ; ».")),
    Column("url", _("Adresse du débat sur Maillage.")),
]


def debate_rows():
    debates = (
        Debate.objects.visible_to(ANONYMOUS)
        .select_related("space")
        .prefetch_related("thematiques")
        .with_comment_counts()
        .order_by("pk")
    )
    for debate in debates.iterator(chunk_size=CHUNK):
        yield (
            debate.pk,
            debate.space.title,
            debate.title,
            debate.description,
            debate.get_status_display(),
            debate.is_official,
            moment(debate.start_at),
            moment(debate.end_at),
            moment(debate.closed_at),
            debate.comments_count,
            debate.conclusions,
            names(debate.thematiques.all()),
            absolute(debate.get_absolute_url()),
        )
