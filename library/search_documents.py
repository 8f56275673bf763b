"""Library resources in the network search, with the text extracted from their file.

A document in a collection whose access is restricted, or below one (Wagtail applies a
collection's restriction to its sub-collections), is never indexed.
"""

import datetime

from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail.models import Collection

from library.choices import ResourceType
from library.models import Resource
from search.registry import Registration, SearchDocument, register, territory_keys


@register
class ResourceDocuments(Registration):
    model = Resource
    kind = "ressource"
    label = _("Ressource")
    depends_on = {
        "wagtailcore.CollectionViewRestriction": lambda restriction: Resource.objects.filter(
            collection__path__startswith=restriction.collection.path
        )
    }

    def get_queryset(self):
        restricted = Q()
        for path in Collection.objects.filter(view_restrictions__isnull=False).values_list(
            "path", flat=True
        ):
            restricted |= Q(collection__path__startswith=path)
        return (
            Resource.objects.exclude(restricted)
            .select_related("region", "departement__region")
            .prefetch_related("thematiques")
        )

    def to_document(self, resource):
        # "Autre" says nothing a reader could search for.
        type_label = (
            ""
            if resource.resource_type == ResourceType.AUTRE
            else resource.get_resource_type_display()
        )
        return SearchDocument(
            title=resource.title,
            url=resource.get_absolute_url(),
            extra=" · ".join(filter(None, [type_label, resource.source, resource.description])),
            body=resource.extracted_text,
            # The year the document was published, which the year facet offers.
            date=datetime.date(resource.year, 1, 1) if resource.year else resource.created_at,
            thematiques=[t.slug for t in resource.thematiques.all()],
            territories=territory_keys(region=resource.region, departement=resource.departement),
        )
