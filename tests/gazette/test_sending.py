"""Sending an issue: personalised per reader, HTML with inlined CSS and a text part, the
unsubscribe headers, batches that resume after a crash without sending anyone twice."""

import json
from collections import Counter
from datetime import timedelta

import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from gazette import sending, tasks
from gazette.models import Delivery, DeliveryStatus, Sending
from taxonomy.models import Departement
from tests.factories import (
    EventFactory,
    GazetteIssuePageFactory,
    NewsIndexPageFactory,
    NewsPageFactory,
    PartnerSubscriberFactory,
)

pytestmark = pytest.mark.django_db

BODY = [
    {
        "type": "texte",
        "value": '<p>Édito sentinelle-edito-3c8e51, voir <a href="/agenda/">l’agenda</a></p>',
    },
    {"type": "vos_thematiques", "value": {"heading": ""}},
    {"type": "votre_region", "value": {"heading": ""}},
]


def _issue(index, body=BODY):
    return GazetteIssuePageFactory(parent=index, body=json.dumps(body))


def _addresses():
    return Counter(address for message in mail.outbox for address in message.to)


@pytest.fixture
def two_readers(make_reader, thematiques, hauts_de_france, nord):
    """Readers of different thématiques and régions, and what is new for each."""
    emploi, education = thematiques
    news = NewsIndexPageFactory()
    NewsPageFactory(parent=news, title="Actu sentinelle-emploi-7f3a9c", thematiques=[emploi])
    NewsPageFactory(parent=news, title="Actu sentinelle-education-2b8d41", thematiques=[education])
    EventFactory(title="Rencontre sentinelle-nord-5e1c77", departement=nord)
    bouches_du_rhone = Departement.objects.get(code="13")
    EventFactory(title="Rencontre sentinelle-marseille-9a4f02", departement=bouches_du_rhone)
    north = make_reader(departement=nord, thematiques=[emploi])
    south = make_reader(departement=bouches_du_rhone, thematiques=[education])
    return north, south


def test_each_reader_gets_the_novelties_and_events_of_their_own_profile(
    gazette_index, two_readers, client
):
    north, south = two_readers
    issue = _issue(gazette_index)

    sending.start(issue)
    sending.send_pending(issue)

    by_address = {message.to[0]: message for message in mail.outbox}
    north_mail = by_address[north.user.email]
    south_mail = by_address[south.user.email]
    assert "sentinelle-emploi-7f3a9c" in north_mail.body
    assert "sentinelle-nord-5e1c77" in north_mail.body
    assert "sentinelle-education-2b8d41" not in north_mail.body
    assert "sentinelle-marseille-9a4f02" not in north_mail.body
    assert "sentinelle-education-2b8d41" in south_mail.body
    assert "sentinelle-marseille-9a4f02" in south_mail.body
    assert "sentinelle-emploi-7f3a9c" not in south_mail.body
    assert "sentinelle-nord-5e1c77" not in south_mail.body
    assert "Les nouveautés de vos thématiques" in north_mail.body

    # The web version shows the generic blocks: everything, for everyone.
    page = client.get(issue.url).text
    assert "Les nouveautés du réseau" in page
    for sentinel in ("emploi-7f3a9c", "education-2b8d41", "nord-5e1c77", "marseille-9a4f02"):
        assert f"sentinelle-{sentinel}" in page


def test_the_email_has_inlined_css_a_text_part_and_one_click_unsubscribe_headers(
    gazette_index, make_reader
):
    reader = make_reader()
    issue = _issue(gazette_index)
    sending.start(issue)
    sending.send_pending(issue)

    (message,) = mail.outbox
    html, mimetype = message.alternatives[0]
    assert mimetype == "text/html"
    assert "<style" not in html and 'class="gazette-section" style="' in html
    assert "<img" not in html  # no tracking pixel
    assert "sentinelle-edito-3c8e51" in message.body and "<p>" not in message.body
    assert "l’agenda (http://testserver/agenda/)" in message.body  # addresses are absolute
    assert 'href="http://testserver/agenda/"' in html and 'href="/' not in html
    unsubscribe = message.extra_headers["List-Unsubscribe"]
    assert unsubscribe.startswith("<http://testserver/gazette/desabonnement/")
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert unsubscribe.strip("<>") in message.body and unsubscribe.strip("<>") in html
    assert reader.deliveries.get().status == DeliveryStatus.SENT


def test_sending_resumes_after_a_crash_between_batches_without_sending_twice(gazette_index):
    subscribers = PartnerSubscriberFactory.create_batch(5)
    issue = _issue(gazette_index)
    assert sending.start(issue) == 5

    sending.send_pending(issue, batch_size=2, max_batches=1)  # the worker stops here
    assert len(mail.outbox) == 2
    assert Delivery.objects.filter(status=DeliveryStatus.PENDING).count() == 3
    assert Sending.objects.get().finished_at is None

    sending.send_pending(issue, batch_size=2)  # a new worker takes over
    sending.send_pending(issue, batch_size=2)  # and once more: nothing left to send
    with pytest.raises(sending.SendingRefused):
        sending.start(issue)

    assert _addresses() == Counter(s.email for s in subscribers)
    assert Delivery.objects.filter(status=DeliveryStatus.SENT).count() == 5
    assert Sending.objects.get().finished_at is not None


def test_a_refused_address_is_marked_failed_and_the_others_are_sent(
    gazette_index, settings, moderator_client
):
    settings.EMAIL_BACKEND = "tests.gazette.backends.RefusingBackend"
    PartnerSubscriberFactory.create_batch(2)
    refused = PartnerSubscriberFactory(email="refuse@exemple.org")
    issue = _issue(gazette_index)
    sending.start(issue)
    sending.send_pending(issue)

    assert len(mail.outbox) == 2
    failed = Delivery.objects.get(status=DeliveryStatus.FAILED)
    assert failed.subscriber == refused and "No such user" in failed.error
    listing = moderator_client.get("/admin/gazette/").text
    assert "<td>2</td>" in listing and "<td>1</td>" in listing


def test_a_crash_inside_a_batch_never_sends_its_recipients_again(gazette_index, settings):
    settings.EMAIL_BACKEND = "tests.gazette.backends.CrashingBackend"
    PartnerSubscriberFactory(email="a@exemple.org")
    PartnerSubscriberFactory(email="crash@exemple.org")
    PartnerSubscriberFactory(email="c@exemple.org")
    issue = _issue(gazette_index)
    sending.start(issue)
    with pytest.raises(RuntimeError):
        sending.send_pending(issue, batch_size=2)
    assert _addresses() == Counter({"a@exemple.org": 1})

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    sending.send_pending(issue, batch_size=2)
    later = timezone.now() + sending.STALE_AFTER + timedelta(minutes=1)
    sending.send_pending(issue, batch_size=2, now=later)

    assert _addresses() == Counter({"a@exemple.org": 1, "c@exemple.org": 1})
    statuses = dict(Delivery.objects.values_list("subscriber__email", "status"))
    assert statuses == {
        "a@exemple.org": DeliveryStatus.FAILED,  # sent, but the crash lost the record
        "crash@exemple.org": DeliveryStatus.FAILED,
        "c@exemple.org": DeliveryStatus.SENT,
    }
    assert Sending.objects.get().finished_at is not None


def test_a_batch_costs_the_same_queries_whatever_its_size(
    gazette_index, make_reader, thematiques, nord
):
    def queries_for_one_batch(size):
        readers = [make_reader(departement=nord, thematiques=thematiques) for _ in range(size)]
        PartnerSubscriberFactory()
        issue = _issue(gazette_index)
        sending.start(issue)
        issue.url  # noqa: B018 -- warm the site root cache that every link uses
        with CaptureQueriesContext(connection) as queries:
            sending.send_pending(issue, batch_size=100)
        for reader in readers:  # the next issue has its own readers
            reader.unsubscribed_at = timezone.now()
            reader.save()
        return len(queries)

    assert queries_for_one_batch(2) == queries_for_one_batch(8)


def test_a_scheduled_issue_goes_out_once_its_time_has_come(gazette_index, moderator):
    PartnerSubscriberFactory()
    issue = _issue(gazette_index)
    sending.schedule(issue, timezone.now() + timedelta(hours=1), moderator)

    tasks.send_due_issues.call()
    assert not mail.outbox and not Delivery.objects.exists()

    Sending.objects.update(scheduled_at=timezone.now() - timedelta(minutes=1))
    tasks.send_due_issues.call()
    tasks.send_due_issues.call()
    assert len(mail.outbox) == 1


def test_a_draft_cannot_be_sent(gazette_index):
    PartnerSubscriberFactory()
    issue = _issue(gazette_index)
    issue.unpublish()
    with pytest.raises(sending.SendingRefused):
        sending.start(issue)
    assert not Delivery.objects.exists()
