from library.models import Resource, ResourceIndexPage


def targets():
    """The library, with facets applied and sorted, as members browse it."""
    index = ResourceIndexPage.objects.live().first()
    if index is None:
        return []
    url = index.get_url()
    found = [{"name": "bibliothèque", "path": url}]
    resource = (
        Resource.objects.public()
        .exclude(year=None)
        .filter(thematiques__isnull=False)
        .order_by("-pk")
        .first()
    )
    if resource:
        thematique = resource.thematiques.order_by("pk").first()
        found += [
            {
                "name": "bibliothèque à facettes",
                "path": f"{url}?resource_type={resource.resource_type}"
                f"&thematique={thematique.slug}&sort=year",
            },
            {"name": "bibliothèque par année", "path": f"{url}?year={resource.year}&sort=title"},
            {"name": "page d’une ressource", "path": resource.get_absolute_url()},
        ]
    return found
