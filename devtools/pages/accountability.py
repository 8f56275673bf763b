from django.db.models import Count

from accountability.models import Result
from participation.models import Visibility


def targets():
    """The follow-up page of a public space and its result with the longest timeline."""
    busiest = (
        Result.objects.filter(space__visibility=Visibility.PUBLIC, space__live=True)
        .annotate(entry_count=Count("entries"))
        .order_by("-entry_count", "pk")
        .first()
    )
    if busiest is None:
        return []
    return [
        {"name": "suivi d’une démarche", "path": f"/suivi/demarche/{busiest.space_id}/"},
        {"name": "chantier suivi", "path": busiest.get_absolute_url()},
    ]
