"""Following thématiques and territories: what is published with them reaches the
followers' notifications and digests; /participer/abonnements/ lists and undoes."""

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core import mail
from django.urls import reverse

from editorial.models import NewsPage
from events.services import save_event
from participation.models import EmailFrequency, Follow, Notification, NotificationSettings
from participation.notifications import emails
from participation.notifications.api import follow
from taxonomy.models import Departement, Region
from tests.factories import (
    EventFactory,
    ExperiencePageFactory,
    NewsPageFactory,
    ResourceFactory,
    ThematiqueFactory,
    ThematiquePageFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


def _titles(user):
    return set(
        Notification.objects.filter(recipient=user).values_list("activity__title", flat=True)
    )


def test_a_news_item_of_a_followed_thematique_reaches_notifications_and_daily_digest():
    sante = ThematiqueFactory(name="Santé des habitants", slug="sante-suivie")
    follower, other = UserFactory(), UserFactory()
    NotificationSettings.objects.create(user=follower, email_frequency=EmailFrequency.DAILY)
    follow(follower, sante)

    NewsPageFactory(title="Un nouvel atelier santé ville", thematiques=[sante])

    assert _titles(follower) == {"Un nouvel atelier santé ville"}
    assert not _titles(other)
    assert emails.send_digests() == 1
    assert mail.outbox[-1].to == [follower.email]
    assert "Un nouvel atelier santé ville" in mail.outbox[-1].body


def test_experiences_and_events_located_in_a_followed_territory_reach_their_followers(
    editor,
):
    nord = Departement.objects.get(code="59")
    hauts_de_france = nord.region
    region_follower, departement_follower, elsewhere = UserFactory(), UserFactory(), UserFactory()
    follow(region_follower, hauts_de_france)
    follow(departement_follower, nord)
    follow(elsewhere, Region.objects.get(name="Bretagne"))

    ExperiencePageFactory(title="Un jardin à Roubaix", region=hauts_de_france, departement=nord)
    ExperiencePageFactory(title="Un réseau régional", region=hauts_de_france)
    save_event(
        editor, EventFactory.build(title="Visite à Lille", departement=nord), [], is_new=True
    )

    assert _titles(region_follower) == {
        "Un jardin à Roubaix",
        "Un réseau régional",
        "Visite à Lille",
    }
    # A département follow does not bring what concerns its whole région only.
    assert _titles(departement_follower) == {"Un jardin à Roubaix", "Visite à Lille"}
    assert not _titles(elsewhere)


def test_a_new_resource_reaches_the_followers_of_its_territory_after_commit(
    django_capture_on_commit_callbacks,
):
    follower = UserFactory()
    follow(follower, Region.objects.get(name="Bretagne"))

    with django_capture_on_commit_callbacks(execute=True):
        ResourceFactory(title="Guide breton", region=Region.objects.get(name="Bretagne"))

    assert _titles(follower) == {"Guide breton"}


def test_corrections_of_a_published_page_notify_nobody():
    sante = ThematiqueFactory(slug="sante-corrigee")
    follower = UserFactory()
    follow(follower, sante)
    news = NewsPage.objects.get(
        pk=NewsPageFactory(title="Première version", thematiques=[sante]).pk
    )

    news.title = "Version corrigée"
    news.save_revision().publish()

    assert _titles(follower) == {"Première version"}


def test_follow_buttons_on_thematique_page_agenda_and_panorama_work_without_javascript(
    member, member_client
):
    thematique = ThematiqueFactory(name="Emploi", slug="emploi-suivi")
    page = ThematiquePageFactory(title="Emploi", slug="emploi", thematique=thematique)
    bretagne = Region.objects.get(name="Bretagne")
    region_type = ContentType.objects.get_for_model(Region)
    follow_url = reverse("participation:follow", args=[region_type.pk, bretagne.pk])

    assert "Suivre" in member_client.get(page.url).content.decode()
    agenda = member_client.get(reverse("events:agenda"), {"region": bretagne.pk}).content.decode()
    assert follow_url in agenda
    assert follow_url not in member_client.get(reverse("events:agenda")).content.decode()
    panorama = member_client.get(reverse("members:panorama"), {"region": bretagne.pk})
    assert follow_url in panorama.content.decode()
    finistere = Departement.objects.get(code="29")
    departement_url = reverse(
        "participation:follow",
        args=[ContentType.objects.get_for_model(Departement).pk, finistere.pk],
    )
    by_departement = member_client.get(reverse("events:agenda"), {"departement": finistere.pk})
    assert departement_url in by_departement.content.decode()
    assert "Département Finistère : recevez" in by_departement.content.decode()

    for _twice in range(2):  # sending the form again changes nothing
        response = member_client.post(
            follow_url, {"action": "follow", "next": f"/agenda/?region={bretagne.pk}"}
        )
        # back to the button (its anchor) on the page it was sent from
        anchor = f"#follow-{region_type.pk}-{bretagne.pk}"
        assert response["Location"] == f"/agenda/?region={bretagne.pk}{anchor}"
    assert Follow.objects.filter(user=member).count() == 1
    assert "ne plus suivre" in member_client.get(f"/agenda/?region={bretagne.pk}").content.decode()


def test_follows_page_groups_by_kind_and_unfollows(member, member_client):
    bretagne = Region.objects.get(name="Bretagne")
    follow(member, bretagne)
    follow(member, Departement.objects.get(code="29"))
    follow(member, ThematiqueFactory(name="Logement", slug="logement-suivi"))

    page = member_client.get(reverse("participation:follows")).content.decode()
    for heading in ("Régions", "Départements", "Thématiques"):
        assert f">{heading}</h2>" in page
    assert page.count("Ne plus suivre") == 3

    region_type = ContentType.objects.get_for_model(Region)
    response = member_client.post(
        reverse("participation:follow", args=[region_type.pk, bretagne.pk]),
        {"action": "unfollow", "next": reverse("participation:follows")},
        follow=True,
    )
    assert "Vous ne suivez plus « Bretagne »." in response.content.decode()
    assert not Follow.objects.filter(user=member, content_type=region_type).exists()
    assert Follow.objects.filter(user=member).count() == 2


def test_follows_page_query_count_does_not_grow(
    member, member_client, django_assert_max_num_queries
):
    def follow_more(count):
        for region in Region.objects.exclude(
            pk__in=Follow.objects.filter(user=member).values("object_id")
        )[:count]:
            follow(member, region)
        for thematique in ThematiqueFactory.create_batch(count):
            follow(member, thematique)

    follow_more(2)
    with django_assert_max_num_queries(18) as few:
        member_client.get(reverse("participation:follows"))
    follow_more(8)
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = member_client.get(reverse("participation:follows"))
    assert response.content.decode().count("Ne plus suivre") == 20
