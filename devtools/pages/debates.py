from debates.models import Debate
from participation.models import Visibility


def targets():
    """The debate list, a space's list sorted by answers, and the longest public thread."""
    longest = (
        Debate.objects.visible()
        .filter(space__visibility=Visibility.PUBLIC, space__live=True)
        .with_comment_counts()
        .order_by("-comments_count", "pk")
        .first()
    )
    found = [{"name": "débats", "path": "/debats/"}]
    if longest:
        url = longest.get_absolute_url()
        found += [
            {
                "name": "débats d’une démarche",
                "path": f"/debats/?space={longest.space_id}&sort=commented",
            },
            {"name": "débat (long fil)", "path": url},
            {"name": "débat (long fil, membre)", "path": url, "login": True},
        ]
    return found
