"""Debates are found by the network search with the visibility of their space."""

from django.utils.translation import gettext_lazy as _

from debates.models import Debate
from participation.models import Visibility
from search.registry import Audience, Registration, SearchDocument, register


def space_audience(space):
    """Who may find content of `space` (None: the whole network): everybody, signed-in
    members, or the members invited to a private space."""
    if space is None or space.visibility == Visibility.PUBLIC:
        return {"audience": Audience.PUBLIC}
    if space.visibility == Visibility.MEMBERS:
        return {"audience": Audience.MEMBERS}
    return {
        "audience": Audience.RESTRICTED,
        "allowed_user_ids": [m.user_id for m in space.memberships.all()],
    }


def space_dependencies(model):
    """A space turning private, or inviting someone, changes who finds its content."""
    return {
        "participation.SpacePage": lambda space: model.objects.filter(space_id=space.pk),
        "participation.SpaceMembership": lambda membership: model.objects.filter(
            space_id=membership.space_id
        ),
    }


@register
class DebateDocuments(Registration):
    model = Debate
    kind = "debat"
    label = _("Débat")
    depends_on = space_dependencies(Debate)

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
