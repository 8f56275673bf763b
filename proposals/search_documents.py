"""Published proposals are found by the network search with the visibility of their space.

Drafts, hidden proposals and those merged into another (found through the one kept) are
left out; withdrawn ones stay visible, as on the site, and say so in their title.
"""

from django.contrib.contenttypes.models import ContentType
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from participation.search_documents import space_audience, space_dependencies
from proposals.models import Proposal
from search.registry import Registration, SearchDocument, register, territory_keys


def _about_proposal(row):
    """Proposals a log row (activity, moderation action) is about: answers, withdrawals,
    merges and hiding are written with `update()`, so their log row is what gets saved."""
    if row.content_type_id == ContentType.objects.get_for_model(Proposal).pk:
        return Proposal.objects.filter(pk=row.object_id)
    return Proposal.objects.none()


def _moderated(action):
    """Blocking a member hides all their content; the action names the member only."""
    if action.content_type_id is None and action.member_id is not None:
        return Proposal.objects.filter(author_id=action.member_id)
    return _about_proposal(action)


@register
class ProposalDocuments(Registration):
    model = Proposal
    kind = "proposition"
    label = _("Proposition")
    depends_on = {
        **space_dependencies(Proposal),
        "participation.Activity": _about_proposal,
        "participation.ModerationAction": _moderated,
    }

    def get_queryset(self):
        return (
            Proposal.objects.listed()
            .filter(space__live=True)
            .select_related("space", "departement__region", "region")
            .prefetch_related("thematiques", "tags", "space__memberships", "coauthorships__user")
        )

    def to_document(self, proposal):
        title = proposal.title
        if proposal.is_withdrawn:
            title = gettext("%(title)s (retirée)") % {"title": title}
        authors = [c.user.display_name for c in proposal.coauthorships.all() if c.accepted_at]
        return SearchDocument(
            title=title,
            url=proposal.get_absolute_url(),
            body="\n\n".join(filter(None, [proposal.body, proposal.answer])),
            extra=" · ".join(
                filter(
                    None,
                    [
                        proposal.space.title,
                        proposal.get_state_display(),
                        ", ".join(authors),
                        ", ".join(tag.name for tag in proposal.tags.all()),
                    ],
                )
            ),
            date=proposal.published_at,
            thematiques=[t.slug for t in proposal.thematiques.all()],
            territories=territory_keys(region=proposal.region, departement=proposal.departement),
            **space_audience(proposal.space),
        )
