"""Notifications grouped by object and kind: the page, "Depuis votre dernière visite",
marking a group read, the digest, and the home page's block."""

from datetime import timedelta

import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from participation.models import Activity, Notification, NotificationSettings
from participation.notifications import emails, grouping
from participation.utils import content_type_for
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

NOTIFICATIONS = reverse("participation:notifications")


def _notify(member, space, count, *, verb="a commenté", page="/priorites/", title="Priorités"):
    """`count` notifications of `member` about one page (a thread of comments): written
    directly, the shortest way to many rows."""
    activities = Activity.objects.bulk_create(
        Activity(
            verb=verb,
            title=title,
            url=f"{page}?page={n % 2 + 1}#c{n}" if n > 2 else f"{page}#c{n}",
            space=space,
            content_type=content_type_for(space),
            object_id=space.pk,
        )
        for n in range(count)
    )
    return Notification.objects.bulk_create(
        Notification(recipient=member, activity=activity) for activity in activities
    )


def test_comments_on_one_page_make_one_group_newest_group_first(space, member):
    _notify(member, space, 12, title="Rénovation urbaine")
    _notify(member, space, 1, verb="a proposé", page="/autre/", title="Jardins partagés")
    groups = grouping.groups_of(member)
    assert [group.count for group in groups] == [1, 12]
    assert str(groups[1].summary) == "12 nouveaux commentaires sur « Rénovation urbaine »"
    assert str(groups[0].summary) == "a proposé « Jardins partagés »"


def test_group_link_opens_first_unread_item_and_marks_group_read(client, space, member):
    first, second, third = _notify(member, space, 3)
    Notification.objects.filter(pk=first.pk).update(read_at=timezone.now())
    group = grouping.groups_of(member)[0]
    assert group.opened == second and group.unread == 2
    client.force_login(member)
    html = client.get(NOTIFICATIONS).content.decode()
    assert "2 non lues" in html and "3 nouveaux commentaires sur « Priorités »" in html
    response = client.get(reverse("participation:notification_open", args=[second.pk]))
    assert response.url == "/priorites/#c1"
    assert not member.notifications.unread().exists()


def test_since_last_visit_shows_what_arrived_after_the_previous_visit(client, space, member):
    client.force_login(member)
    since = {"vue": "depuis"}
    assert "C’est votre première visite" in client.get(NOTIFICATIONS, since).content.decode()
    _notify(member, space, 2, page="/avant/", title="Sentinelle-avant-3c1f")
    # The previous visit ended more than 30 minutes ago.
    NotificationSettings.objects.filter(user=member).update(
        visited_at=timezone.now() - timedelta(hours=2)
    )
    Notification.objects.update(created_at=timezone.now() - timedelta(hours=3))
    _notify(member, space, 1, page="/apres/", title="Sentinelle-apres-9d2e")
    html = client.get(NOTIFICATIONS, since).content.decode()
    assert "Sentinelle-apres-9d2e" in html and "Sentinelle-avant-3c1f" not in html
    assert "moins de 30 minutes" in html
    # A view a minute later is the same visit: the view keeps its start.
    html = client.get(NOTIFICATIONS, since).content.decode()
    assert "Sentinelle-apres-9d2e" in html
    assert "Sentinelle-avant-3c1f" in client.get(NOTIFICATIONS).content.decode()


def test_visits_less_than_the_gap_apart_are_one_visit(member):
    start = timezone.now()
    assert grouping.record_visit(member, start) is None
    assert grouping.record_visit(member, start + timedelta(minutes=10)) is None
    later = start + timedelta(minutes=50)
    assert grouping.record_visit(member, later) == start + timedelta(minutes=10)
    assert grouping.record_visit(member, later + timedelta(minutes=5)) == start + timedelta(
        minutes=10
    )


def test_member_marks_one_group_read_without_js_and_with_htmx(client, space, member):
    thread = _notify(member, space, 3)
    other = _notify(member, space, 2, page="/autre/")
    client.force_login(member)
    url = reverse("participation:notification_group_read", args=[thread[-1].pk])
    response = client.post(url, {"next": f"{NOTIFICATIONS}?vue=depuis"})
    assert response.url == f"{NOTIFICATIONS}?vue=depuis"
    assert not Notification.objects.filter(pk__in=[n.pk for n in thread], read_at=None).exists()
    assert Notification.objects.filter(pk__in=[n.pk for n in other], read_at=None).count() == 2

    url = reverse("participation:notification_group_read", args=[other[0].pk])
    html = client.post(url, headers={"HX-Request": "true"}).content.decode()
    assert "data-focus-after-swap" in html and "data-announce" in html
    assert "Marquer ce groupe comme lu" not in html
    assert not member.notifications.unread().exists()


def test_member_cannot_mark_someone_elses_group_read(client, space, member):
    thread = _notify(member, space, 2)
    client.force_login(UserFactory())
    url = reverse("participation:notification_group_read", args=[thread[0].pk])
    assert client.post(url).status_code == 404
    assert client.get(url).status_code == 405
    assert member.notifications.unread().count() == 2


@pytest.mark.parametrize("pages", [1, 30])
def test_notifications_page_queries_do_not_grow(
    client, space, member, pages, django_assert_max_num_queries
):
    for page in range(pages):
        _notify(member, space, 3, page=f"/page-{page}/")
    client.force_login(member)
    client.get(NOTIFICATIONS)
    with django_assert_max_num_queries(14):
        response = client.get(NOTIFICATIONS, {"vue": "depuis"})
    assert response.status_code == 200
    with django_assert_max_num_queries(14):
        response = client.get(NOTIFICATIONS, {"page": "2", "vue": "inconnue"})
    assert response.status_code == 200


def test_digest_uses_the_same_groups():
    from tests.factories import make_space

    space = make_space("Rencontres")
    member = UserFactory()
    _notify(member, space, 4, title="Ateliers")
    _notify(member, space, 1, verb="a proposé", page="/jardins/", title="Jardins")
    assert emails.send_digests() == 1
    body = mail.outbox[0].body
    assert "- 4 nouveaux commentaires sur « Ateliers » (Rencontres)" in body
    assert "http://testserver/priorites/#c0" in body
    assert body.count("\n- ") == 2
    assert not Notification.objects.filter(emailed_at__isnull=True).exists()


def test_home_shows_a_member_what_is_new_and_an_anonymous_visitor_the_usual_page(
    client, space, member, settings, django_assert_max_num_queries
):
    settings.MAILLAGE_PAGE_CACHE_SECONDS = 60
    _notify(member, space, 5, title="Sentinelle-accueil-5b7e")
    anonymous = client.get("/")
    assert anonymous["X-Page-Cache"] == "miss"
    assert "Du nouveau dans ce que vous suivez" not in anonymous.content.decode()
    assert client.get("/")["X-Page-Cache"] == "hit"

    client.force_login(member)
    with CaptureQueriesContext(connection) as few:
        response = client.get("/")
    html = response.content.decode()
    assert "X-Page-Cache" not in response
    assert "Du nouveau dans ce que vous suivez" in html
    assert "5 nouveaux commentaires sur « Sentinelle-accueil-5b7e »" in html
    for page in range(8):
        _notify(member, space, 2, page=f"/page-{page}/")
    with django_assert_max_num_queries(len(few)):
        assert client.get("/").content.decode().count("notification--unread") == 5
    # The block is the member's own fragment: served again without grouping, never to
    # another member, and renewed once the member reads.
    with CaptureQueriesContext(connection) as served:
        client.get("/")
    assert not any("regexp_replace" in query["sql"] for query in served)
    client.force_login(UserFactory())
    assert "Sentinelle-accueil-5b7e" not in client.get("/").content.decode()
    client.force_login(member)
    Notification.objects.filter(recipient=member).update(read_at=timezone.now())
    assert "Rien de nouveau pour l’instant" in client.get("/").content.decode()
    # The member's block never reaches visitors through the shared cache.
    client.logout()
    client.cookies.clear()
    assert "Du nouveau dans ce que vous suivez" not in client.get("/").content.decode()
