from django.db.models import Count
from django.urls import reverse

from participation.models import SpacePage, Visibility


def targets():
    """The list of spaces and the public space with the most proposals."""
    found = [{"name": "démarches", "path": reverse("participation:index")}]
    space = (
        SpacePage.objects.live()
        .filter(visibility=Visibility.PUBLIC)
        .annotate(n=Count("proposals"))
        .order_by("-n", "pk")
        .first()
    )
    if space:
        found += [
            {"name": "démarche", "path": space.get_url()},
            {"name": "démarche (membre)", "path": space.get_url(), "login": True},
        ]
    return found
