from datetime import timedelta

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from participation.comments.api import post_comment
from participation.models import (
    EmailFrequency,
    Notification,
    NotificationSettings,
    SpacePage,
)
from participation.notifications import emails
from participation.notifications.announcements import announce_phase_change
from participation.notifications.api import follow, unfollow
from tests.factories import ThematiqueFactory, UserFactory, make_space

pytestmark = pytest.mark.django_db


def _prefers(user, frequency):
    NotificationSettings.objects.update_or_create(
        user=user, defaults={"email_frequency": frequency}
    )


def test_followers_of_a_space_are_notified_of_a_new_comment_but_not_the_author(space):
    follower, author = UserFactory(), UserFactory()
    follow(follower, space)
    post_comment(author, space, "Nouveau")
    assert follower.notifications.count() == 1
    assert not author.notifications.exists()


def test_authors_are_notified_of_replies_because_commenting_follows(space):
    author, replier = UserFactory(), UserFactory()
    first = post_comment(author, space, "Question ?")
    post_comment(replier, space, "Réponse", parent=first)
    assert author.notifications.get().activity.verb.startswith("a répondu")


def test_following_a_member_or_a_thematique_notifies(space):
    thematique = ThematiqueFactory()
    space.thematiques.add(thematique)
    space.save()
    author, fan, curious = UserFactory(), UserFactory(), UserFactory()
    follow(fan, author)
    follow(curious, thematique)
    post_comment(author, space, "Bonjour")
    assert fan.notifications.count() == 1
    space = SpacePage.objects.get(pk=space.pk)
    from participation.notifications.api import notify

    notify(author, "a lancé", space)
    assert curious.notifications.count() == 1


def test_unfollowing_stops_notifications(space):
    member = UserFactory()
    follow(member, space)
    unfollow(member, space)
    post_comment(UserFactory(), space, "Rien pour vous")
    assert not member.notifications.exists()


def test_unread_count_in_header_and_opening_marks_its_group_read(client, space):
    member = UserFactory()
    follow(member, space)
    post_comment(UserFactory(), space, "Un")
    post_comment(UserFactory(), space, "Deux")
    client.force_login(member)
    html = client.get(reverse("participation:notifications")).content.decode()
    assert '<span class="badge">2' in html
    elsewhere = make_space("Ailleurs")
    follow(member, elsewhere)
    post_comment(UserFactory(), elsewhere, "Trois")
    notification = member.notifications.filter(activity__space=space).first()
    response = client.get(reverse("participation:notification_open", args=[notification.pk]))
    assert response.status_code == 302
    assert member.notifications.unread().count() == 1
    client.post(reverse("participation:mark_read"))
    assert not member.notifications.unread().exists()


def test_member_cannot_open_someone_elses_notification(client, space):
    member = UserFactory()
    follow(member, space)
    post_comment(UserFactory(), space, "Privé")
    client.force_login(UserFactory())
    notification = member.notifications.get()
    url = reverse("participation:notification_open", args=[notification.pk])
    assert client.get(url).status_code == 404


def test_member_chooses_email_frequency(client):
    member = UserFactory()
    client.force_login(member)
    client.post(reverse("participation:preferences"), {"email_frequency": "daily"})
    assert member.notification_settings.email_frequency == EmailFrequency.DAILY


def test_weekly_digest_is_the_default_groups_by_page_and_never_resends():
    first, second = make_space("Priorités 2026"), make_space("Rencontres")
    member = UserFactory()
    follow(member, first)
    follow(member, second)
    author = UserFactory()
    post_comment(author, first, "A")
    post_comment(author, second, "B")
    post_comment(author, first, "C")
    assert emails.send_digests() == 1
    body = mail.outbox[0].body
    assert body.index("2 nouveaux commentaires sur « Priorités 2026 »") < body.index(
        "commenté « Rencontres »"
    )
    assert body.count("http://testserver/priorites-2026/#c") == 1
    assert not Notification.objects.filter(emailed_at__isnull=True).exists()

    later = timezone.now() + timedelta(days=8)
    assert emails.send_digests(now=later) == 0
    assert len(mail.outbox) == 1


def test_weekly_digest_waits_a_week_daily_a_day():
    space = make_space()
    weekly, daily = UserFactory(), UserFactory()
    _prefers(daily, EmailFrequency.DAILY)
    for member in (weekly, daily):
        follow(member, space)
    author = UserFactory()
    post_comment(author, space, "Lundi")
    now = timezone.now()
    assert emails.send_digests(now=now) == 2
    post_comment(author, space, "Mardi")
    assert emails.send_digests(now=now + timedelta(days=1)) == 1
    assert mail.outbox[-1].to == [daily.email]
    assert emails.send_digests(now=now + timedelta(days=7)) == 1
    assert mail.outbox[-1].to == [weekly.email]


def test_members_who_said_never_get_no_email(space):
    member = UserFactory()
    _prefers(member, EmailFrequency.NEVER)
    follow(member, space)
    post_comment(UserFactory(), space, "Silence")
    assert emails.send_digests() == 0
    assert not mail.outbox


def test_immediate_emails_go_once_after_commit(space, django_capture_on_commit_callbacks):
    member = UserFactory()
    _prefers(member, EmailFrequency.IMMEDIATE)
    follow(member, space)
    with django_capture_on_commit_callbacks(execute=True):
        post_comment(UserFactory(), space, "Tout de suite")
    assert len(mail.outbox) == 1
    assert space.title in mail.outbox[0].subject
    assert emails.send_digests() == 0


def test_send_digests_command_announces_phase_changes_once(space):
    member = UserFactory()
    follow(member, space)
    SpacePage.objects.filter(pk=space.pk).update(announced_phase_id=None)
    call_command("send_digests", stdout=open("/dev/null", "w"))
    assert member.notifications.get().activity.verb == "entre dans la phase"
    assert len(mail.outbox) == 1
    assert not announce_phase_change(SpacePage.objects.get(pk=space.pk))
