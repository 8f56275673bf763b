"""Open data: one flat row per published proposal of a space, for CSV and JSON."""

from proposals.models import Proposal, ProposalSettings

CHUNK = 500

# The export's columns, in order: the header line of the CSV even when no row follows.
COLUMNS = (
    "id",
    "titre",
    "description",
    "auteurs",
    "thematiques",
    "mots_cles",
    "territoire",
    "votes",
    "retenue",
    "commentaires",
    "etat",
    "reponse",
    "retiree",
    "publiee_le",
    "adresse",
)


def export_rows(space):
    settings = ProposalSettings.for_space(space)
    proposals = (
        Proposal.objects.listed()
        .filter(space=space)
        .select_related("region", "departement")
        .prefetch_related("thematiques", "tags")
        .with_accepted_coauthors()
        .with_comment_count()
        .order_by("pk")
    )
    for proposal in proposals.iterator(chunk_size=CHUNK):
        yield {
            "id": proposal.pk,
            "titre": proposal.title,
            "description": proposal.body,
            "auteurs": ", ".join(str(user) for user in proposal.authors),
            "thematiques": ", ".join(t.name for t in proposal.thematiques.all()),
            "mots_cles": ", ".join(t.name for t in proposal.tags.all()),
            "territoire": str(proposal.territory or ""),
            "votes": None if settings.counts_hidden else proposal.vote_count,
            "retenue": None if settings.counts_hidden else settings.is_retained(proposal),
            "commentaires": proposal.comment_count,
            "etat": proposal.get_state_display() if proposal.state else "",
            "reponse": proposal.answer,
            "retiree": proposal.is_withdrawn,
            "publiee_le": proposal.published_at,
            "adresse": proposal.get_absolute_url(),
        }
