"""Results are found by the network search with the visibility of their space."""

from django.utils.translation import gettext_lazy as _

from accountability.models import Result
from participation.spaces.api import space_audience, space_dependencies
from search.registry import Registration, SearchDocument, register


@register
class ResultDocuments(Registration):
    model = Result
    kind = "chantier"
    label = _("Chantier")
    # A renamed status changes what its results' documents say.
    depends_on = {
        **space_dependencies(Result),
        "accountability.Status": lambda status: Result.objects.filter(status_id=status.pk),
    }

    def get_queryset(self):
        return (
            Result.objects.filter(space__live=True, space__modules__contains=["accountability"])
            .select_related("space", "status")
            .prefetch_related("thematiques", "space__memberships")
        )

    def to_document(self, result):
        status = f" · {result.status.name}" if result.status else ""
        return SearchDocument(
            title=result.title,
            url=result.get_absolute_url(),
            body=result.description,
            extra=f"{result.space.title}{status}",
            date=result.updated_at,
            thematiques=[t.slug for t in result.thematiques.all()],
            **space_audience(result.space),
        )
