from django.db.models import Count

from events.models import Event
from participation.models import Visibility
from taxonomy.models import Region


def targets():
    """The agenda (plain, filtered, past), a région's calendar feed, the network event
    with most registrations, its .ics, a member's registration to it (idempotent once
    registered), and an event with a programme. The busiest event is taken outside any
    space: every member may register there, whatever the phases of the spaces."""
    network = Event.objects.filter(space__isnull=True) | Event.objects.filter(
        space__visibility=Visibility.PUBLIC, space__live=True
    )
    busiest = (
        Event.objects.filter(space__isnull=True)
        .upcoming()
        .annotate(n=Count("registrations"))
        .order_by("-n", "start_at")
        .first()
    )
    region = Region.objects.filter(departements__events__isnull=False).first()
    found = [
        {"name": "agenda", "path": "/agenda/"},
        {"name": "agenda (membre)", "path": "/agenda/", "login": True},
        {"name": "agenda passé", "path": "/agenda/?when=past"},
    ]
    if region:
        found += [
            {"name": "agenda filtré", "path": f"/agenda/?region={region.pk}&format=rencontre"},
            {
                "name": "agenda .ics d’une région",
                "path": f"/agenda/region/{region.code}/agenda.ics",
            },
        ]
    with_programme = network.filter(programme_items__isnull=False).order_by("pk").first()
    if with_programme:
        found.append(
            {"name": "événement avec programme", "path": with_programme.get_absolute_url()}
        )
    if busiest:
        url = busiest.get_absolute_url()
        found += [
            {"name": "événement", "path": url},
            {"name": "événement (membre)", "path": url, "login": True},
            {"name": "événement .ics", "path": f"{url}evenement.ics"},
            {
                "name": "inscription à un événement",
                "path": f"{url}inscription/",
                "method": "POST",
                "login": True,
            },
        ]
    return found
