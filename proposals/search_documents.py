"""Published proposals are found by the network search with the visibility of their space.

Drafts, hidden proposals and those merged into another (found through the one kept) are
left out; withdrawn ones stay visible, as on the site, and say so in their title.
"""

from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from participation.spaces.api import logged_changes, space_audience, space_dependencies
from proposals.models import Proposal
from search.registry import Registration, SearchDocument, register, territory_keys


@register
class ProposalDocuments(Registration):
    model = Proposal
    kind = "proposition"
    label = _("Proposition")
    depends_on = {**space_dependencies(Proposal), **logged_changes(Proposal)}

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
