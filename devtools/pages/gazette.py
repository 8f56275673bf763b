from gazette.models import GazetteIndexPage, GazetteIssuePage


def targets():
    """The gazette's archive, its feed and its latest issue (web version, generic blocks),
    when the data has a gazette."""
    index = GazetteIndexPage.objects.live().first()
    if index is None:
        return []
    found = [
        {"name": "gazette", "path": index.url},
        {"name": "gazette, flux RSS", "path": f"{index.url}flux/"},
    ]
    latest = GazetteIssuePage.objects.live().child_of(index).order_by("-date").first()
    if latest:
        found.append({"name": "numéro de la gazette", "path": latest.url})
    return found
