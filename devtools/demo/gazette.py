"""Demo gazette: the index page, subscribers among the demo members (and two partners,
one confirmed), and two issues already sent: a national one and one for the
Hauts-de-France. Texts live in data/gazette/gazette.json. Sent means delivery rows
marked sent: the seed e-mails nobody."""

import datetime
import json
from pathlib import Path

from django.utils import timezone

from editorial.models import ExperiencePage, NewsPage
from events.models import Event
from gazette.audience import recipients
from gazette.models import (
    Delivery,
    DeliveryStatus,
    GazetteIndexPage,
    GazetteIssuePage,
    Sending,
    Subscriber,
)
from home.models import HomePage
from library.models import Resource
from members.models import User
from participation.models import SpacePage
from taxonomy.models import Region

DATA = json.loads((Path(__file__).parent / "data" / "gazette" / "gazette.json").read_text("utf-8"))


def _index():
    index = GazetteIndexPage.objects.first()
    if index is None:
        index = GazetteIndexPage(slug="gazette", **DATA["index"])
        HomePage.objects.get().add_child(instance=index)
        index.save_revision().publish()
    return index


def _subscribers(now):
    """The named members, then one member in `subscriber_share` of the others."""
    named = list(User.objects.filter(email__in=DATA["subscribers"]))
    others = User.objects.filter(is_active=True, is_superuser=False).exclude(
        email__in=DATA["subscribers"]
    )
    members = named + list(others.order_by("pk"))[:: DATA["subscriber_share"]]
    for number, user in enumerate(members):
        since = now - datetime.timedelta(days=60 - number)
        Subscriber.objects.get_or_create(
            user=user, defaults={"consented_at": since, "confirmed_at": since}
        )
    for partner in DATA["partners"]:
        since = now - datetime.timedelta(days=50)
        confirmed = since if partner["confirmed"] else None
        Subscriber.objects.get_or_create(
            email=partner["email"],
            user=None,
            defaults={"requested_at": since, "consented_at": confirmed, "confirmed_at": confirmed},
        )
    return len(members)


def _body(spec, region, date):
    body = [{"type": "texte", "value": "".join(f"<p>{p}</p>" for p in spec["editorial"])}]
    news = NewsPage.objects.live().filter(date__lte=date).order_by("-date")[: spec["news"]]
    experiences = ExperiencePage.objects.live()
    if region:
        experiences = experiences.filter(region=region)
    events = Event.objects.upcoming().filter(space__isnull=True)
    if region:
        events = events.filter(departement__region=region)
    chosen = [
        ("actualites", [page.pk for page in news]),
        ("experiences", [page.pk for page in experiences.order_by("title")[: spec["experiences"]]]),
        (
            "ressources",
            [r.pk for r in Resource.objects.order_by("-created_at")[: spec["resources"]]],
        ),
        ("evenements", [event.pk for event in events[: spec["events"]]]),
        ("demarches", [s.pk for s in SpacePage.objects.live().public()[: spec["spaces"]]]),
    ]
    body += [{"type": name, "value": {"heading": "", "items": pks}} for name, pks in chosen if pks]
    body += [
        {"type": "vos_thematiques", "value": {"heading": ""}},
        {"type": "votre_region", "value": {"heading": ""}},
    ]
    return json.dumps(body)


def _issue(index, spec, today):
    issue = GazetteIssuePage.objects.filter(title=spec["title"]).first()
    if issue is not None:
        return issue, False
    region = Region.objects.get(code=spec["region"]) if spec.get("region") else None
    date = today - datetime.timedelta(days=spec["days_ago"])
    issue = GazetteIssuePage(
        title=spec["title"],
        date=date,
        introduction=spec["introduction"],
        body=_body(spec, region, date),
    )
    if region:
        issue.audience_regions = [region]
    index.add_child(instance=issue)
    issue.save_revision().publish()
    return issue, True


def _mark_sent(issue, sent_at):
    """Deliveries as a finished sending leaves them, without e-mailing anyone."""
    Delivery.objects.bulk_create(
        [
            Delivery(
                issue=issue,
                subscriber_id=pk,
                status=DeliveryStatus.SENT,
                claimed_at=sent_at,
                sent_at=sent_at,
            )
            for pk in recipients(issue).values_list("pk", flat=True)
        ],
        ignore_conflicts=True,
    )
    Sending.objects.update_or_create(
        issue=issue, defaults={"started_at": sent_at, "finished_at": sent_at}
    )


def seed(stdout):
    now = timezone.now()
    index = _index()
    members = _subscribers(now)
    created = 0
    for spec in DATA["issues"]:
        issue, new = _issue(index, spec, timezone.localdate())
        if new:
            sent_at = timezone.make_aware(datetime.datetime.combine(issue.date, datetime.time(9)))
            _mark_sent(issue, sent_at)
            created += 1
    stdout.write(f"Gazette : {members} membre(s) abonné(s), {created} numéro(s) ajouté(s).")
