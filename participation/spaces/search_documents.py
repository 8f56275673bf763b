"""Démarches participatives are found by the network search with their own visibility; the
helpers below give a space's content (proposals…) the same visibility."""

from django.contrib.contenttypes.models import ContentType
from django.utils.translation import gettext_lazy as _
from wagtail.rich_text import get_text_for_indexing

from participation.spaces.models import SpacePage, Visibility
from search.registry import Audience, PageRegistration, SearchDocument, register


def space_audience(space):
    """Who may find content of `space` (None: the whole network): everybody, signed-in
    members, or only the members invited to a private space."""
    if space is None or space.visibility == Visibility.PUBLIC:
        return {"audience": Audience.PUBLIC}
    if space.visibility == Visibility.MEMBERS:
        return {"audience": Audience.MEMBERS}
    return {
        "audience": Audience.RESTRICTED,
        "allowed_user_ids": [m.user_id for m in space.memberships.all()],
    }


def space_dependencies(model):
    """A space turning private, being unpublished or inviting someone changes who finds
    the `model` objects it holds. Memberships are edited with the space page, whose save
    (after its memberships, on commit) re-indexes them when one is removed."""
    return {
        "participation.SpacePage": lambda space: model.objects.filter(space_id=space.pk),
        "participation.SpaceMembership": lambda membership: model.objects.filter(
            space_id=membership.space_id
        ),
    }


def logged_changes(model):
    """Moderation (hiding, restoring, blocking an author) and module services (answers,
    withdrawals, merges) change `model` objects with `update()`, which sends no signal;
    the log row they write (moderation action, activity) is saved, so it is followed."""

    def about(row):
        if row.content_type_id == ContentType.objects.get_for_model(model).pk:
            return model._base_manager.filter(pk=row.object_id)
        return model._base_manager.none()

    def moderated(action):
        # Blocking a member hides all their content; the action names the member only.
        if action.content_type_id is None and action.member_id is not None:
            author = model.moderation_author_field
            return model._base_manager.filter(**{f"{author}_id": action.member_id})
        return about(action)

    return {"participation.Activity": about, "participation.ModerationAction": moderated}


@register
class SpaceDocuments(PageRegistration):
    model = SpacePage
    kind = "demarche"
    label = _("Démarche participative")
    depends_on = {
        "participation.SpaceMembership": lambda membership: SpacePage.objects.filter(
            pk=membership.space_id
        )
    }

    def get_queryset(self):
        return super().get_queryset().prefetch_related("thematiques", "memberships", "phases")

    def to_document(self, space):
        phases = [f"{phase.title} {phase.description}" for phase in space.phases.all()]
        return SearchDocument(
            title=space.title,
            url=space.url,
            extra=space.search_description or space.introduction,
            body="\n".join([get_text_for_indexing(space.objectives), *phases]),
            date=space.start_date or space.first_published_at,
            thematiques=[t.slug for t in space.thematiques.all()],
            **space_audience(space),
        )
