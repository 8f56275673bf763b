"""Debates are found by the network search with the visibility of their space."""

from django.utils.translation import gettext_lazy as _

from debates.models import Debate
from participation.spaces.api import logged_changes, space_audience, space_dependencies
from search.registry import Registration, SearchDocument, register


@register
class DebateDocuments(Registration):
    model = Debate
    kind = "debat"
    label = _("Débat")
    # Moderation hides debates with update(): its log rows are followed.
    depends_on = {**space_dependencies(Debate), **logged_changes(Debate)}

    def get_queryset(self):
        return (
            Debate.objects.visible()
            .filter(space__live=True)
            .select_related("space", "author")
            .prefetch_related("thematiques", "space__memberships")
        )

    def to_document(self, debate):
        return SearchDocument(
            title=debate.title,
            url=debate.get_absolute_url(),
            body="\n\n".join(filter(None, [debate.description, debate.conclusions])),
            extra=f"{debate.space.title} · {debate.author.display_name}",
            date=debate.created_at,
            thematiques=[t.slug for t in debate.thematiques.all()],
            **space_audience(debate.space),
        )
