"""Events are found by the network search: network-wide ones by everybody, a space's
ones with the visibility of the space."""

from django.utils.translation import gettext_lazy as _

from events.models import Event
from participation.spaces.api import space_audience, space_dependencies
from search.registry import Registration, SearchDocument, register, territory_keys


@register
class EventDocuments(Registration):
    model = Event
    kind = "evenement"
    label = _("Événement")
    depends_on = space_dependencies(Event)

    def get_queryset(self):
        return Event.objects.select_related("space", "departement__region").prefetch_related(
            "thematiques", "space__memberships"
        )

    def to_document(self, event):
        if event.space is not None and not event.space.live:
            return None
        return SearchDocument(
            title=event.title,
            url=event.get_absolute_url(),
            body=event.description,
            extra=" · ".join(
                filter(None, [event.get_format_display(), event.commune, event.address])
            ),
            date=event.start_at,
            thematiques=[t.slug for t in event.thematiques.all()],
            territories=territory_keys(departement=event.departement),
            **space_audience(event.space),
        )
