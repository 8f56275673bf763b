from django.urls import reverse

from taxonomy.models import Thematique


def targets():
    """Searches over every kind, narrowed by facets, and the header's suggestions."""
    url = reverse("search:search")
    found = [
        {"name": "recherche", "path": f"{url}?q=quartiers"},
        {"name": "recherche (membre)", "path": f"{url}?q=emploi+des+jeunes", "login": True},
        {"name": "suggestions", "path": f"{reverse('search:suggest')}?q=quart"},
    ]
    thematique = Thematique.objects.order_by("pk").first()
    if thematique:
        found.append(
            {
                "name": "recherche à facettes",
                "path": f"{url}?q=habitants&kind=proposition&thematique={thematique.slug}",
            }
        )
    return found
