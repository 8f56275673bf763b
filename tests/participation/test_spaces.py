import time
from datetime import timedelta

import pytest
from django.contrib.auth.models import AnonymousUser
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from wagtail.models import PageViewRestriction
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from participation.comments.api import post_comment
from participation.models import Activity, SpacePage, Visibility
from participation.notifications.api import follow
from participation.spaces.api import can, is_visible_to
from participation.utils import content_type_for
from tests.factories import (
    DebateFactory,
    EventFactory,
    ProposalFactory,
    ThematiqueFactory,
    UserFactory,
    make_space,
)

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()
DAY = timedelta(days=1)


def _phase(title, start, end, *actions):
    return {"title": title, "start_date": start, "end_date": end, "actions": list(actions)}


def test_current_phase_follows_the_calendar_and_editors_may_force_one():
    space = make_space(
        phases=[
            _phase("Propositions", TODAY - 10 * DAY, TODAY - 1 * DAY, "propose"),
            _phase("Vote", TODAY, TODAY + 10 * DAY, "vote"),
        ]
    )
    assert space.current_phase.title == "Vote"
    space.phases.filter(title="Propositions").update(is_forced=True)
    assert SpacePage.objects.get(pk=space.pk).current_phase.title == "Propositions"


@pytest.mark.parametrize(
    ("action", "allowed"),
    [("vote", True), ("comment", False), ("propose", False), ("debate", False)],
)
def test_member_may_only_do_what_the_current_phase_opens(action, allowed):
    space = make_space(phases=[_phase("Vote", TODAY - DAY, TODAY + DAY, "vote")])
    assert can(UserFactory(), action, space) is allowed


def test_actions_of_a_module_the_space_does_not_use_stay_closed():
    space = make_space(
        phases=[_phase("Débat", TODAY - DAY, None, "debate", "register")],
        modules=["proposals"],
    )
    member = UserFactory()
    assert not can(member, "debate", space)
    assert not can(member, "register", space)


def test_visitors_and_blocked_members_cannot_act_but_visitors_may_view(space):
    blocked = UserFactory(is_active=False)
    assert can(AnonymousUser(), "view", space)
    assert not can(AnonymousUser(), "comment", space)
    assert not can(blocked, "comment", space)
    assert can(UserFactory(), "comment", space)


def test_only_moderators_may_moderate(space, moderator):
    assert can(moderator, "moderate")
    assert not can(UserFactory(), "moderate")


def test_members_comment_outside_spaces_but_cannot_vote_there():
    member = UserFactory()
    assert can(member, "comment", None)
    assert not can(member, "vote", None)


def test_private_space_is_visible_only_to_its_invited_members_and_moderators(moderator):
    invited, outsider = UserFactory(), UserFactory()
    private = make_space("Groupe Santé", visibility=Visibility.PRIVATE, memberships=[invited])
    public = make_space("Ouverte")
    assert set(SpacePage.objects.visible_to(invited)) == {private, public}
    assert set(SpacePage.objects.visible_to(outsider)) == {public}
    assert set(SpacePage.objects.visible_to(AnonymousUser())) == {public}
    assert private in SpacePage.objects.visible_to(moderator)
    assert not can(outsider, "comment", private)
    assert can(invited, "comment", private)


def test_private_space_page_is_a_404_for_outsiders_and_open_to_invited(client):
    invited = UserFactory()
    private = make_space("Groupe Santé", visibility=Visibility.PRIVATE, memberships=[invited])
    assert client.get(private.url).status_code == 404
    client.force_login(UserFactory())
    assert client.get(private.url).status_code == 404
    assert "Groupe Santé" not in client.get(reverse("participation:index")).content.decode()
    client.force_login(invited)
    assert client.get(private.url).status_code == 200
    assert "Groupe Santé" in client.get(reverse("participation:index")).content.decode()


def test_members_only_space_sends_visitors_to_the_login_page(client):
    space = make_space(visibility=Visibility.MEMBERS)
    response = client.get(space.url)
    assert response.status_code == 302
    assert reverse("account_login") in response["Location"]
    client.force_login(UserFactory())
    assert client.get(space.url).status_code == 200


def test_private_space_contributions_never_reach_outsiders_feeds_or_notifications():
    invited, outsider = UserFactory(), UserFactory()
    author = UserFactory(display_name="Autrice")
    private = make_space(
        "Groupe Santé", visibility=Visibility.PRIVATE, memberships=[invited, author]
    )
    follow(outsider, author)  # follows the author, but is not in the group
    follow(invited, author)
    post_comment(author, private, "Compte rendu confidentiel du groupe.")
    assert not Activity.objects.visible_to(outsider).exists()
    assert Activity.objects.visible_to(invited).exists()
    assert not outsider.notifications.exists()
    assert invited.notifications.count() == 1


def test_space_page_shows_phases_timeline_and_comments(client, space):
    response = client.get(space.url)
    html = response.content.decode()
    assert "Contributions" in html and 'aria-current="step"' in html
    assert "Dernières contributions" in html
    assert "Se connecter</a> pour commenter" in html
    # The phases and the activity come before the comments in the source (phone, Tab).
    thread = html.index('<section class="comments"')
    assert html.index('aria-current="step"') < html.index("Dernières contributions") < thread


def test_space_sections_come_from_the_registry(client, space, monkeypatch):
    from participation import registry

    # The registry is global: patch it for this test only, so the real proposals
    # section is back for the next tests.
    monkeypatch.setattr(registry, "_modules", dict(registry._modules))
    registry.register_module(
        "proposals",
        label="Propositions",
        section=registry.SpaceSection(
            title="Propositions de test",
            template="participation/includes/activity_feed.html",
            get_context=lambda space, request: {"activities": [], "space": space},
        ),
    )
    assert "Propositions de test" in client.get(space.url).content.decode()
    SpacePage.objects.filter(pk=space.pk).update(modules=[])
    assert "Propositions de test" not in client.get(space.url).content.decode()


# 15: a full page of 12 and a second page.
@pytest.mark.parametrize("count", [5, 15])
def test_space_index_query_count_does_not_grow(client, django_assert_max_num_queries, count):
    for n in range(count):
        make_space(f"Démarche {n}")
    client.force_login(UserFactory())
    with django_assert_max_num_queries(22):
        response = client.get(reverse("participation:index"))
    assert response.status_code == 200


def test_editors_edit_a_space_with_its_phases_and_invited_members(client, admin_user, space):
    client.force_login(admin_user)
    response = client.get(reverse("wagtailadmin_pages:edit", args=[space.pk]))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Phases" in html and "Membres invités" in html
    # The modules and the phases' actions are check boxes whose choices the modules registered.
    for code in ("proposals", "debates", "events"):
        assert f'name="modules" value="{code}"' in html
    assert 'value="register"' in html and 'value="vote"' in html


def test_editors_choose_the_modules_and_what_a_phase_opens(client, admin_user, space):
    phase = space.phases.get()
    client.force_login(admin_user)
    data = nested_form_data(
        {
            "title": space.title,
            "slug": space.slug,
            "introduction": space.introduction,
            "visibility": space.visibility,
            "phases": inline_formset(
                [
                    {
                        "id": phase.pk,
                        "title": phase.title,
                        "start_date": phase.start_date.isoformat(),
                        "end_date": phase.end_date.isoformat(),
                    }
                ],
                initial=1,
            ),
            "memberships": inline_formset([]),
            "action-publish": "publish",
        }
    )
    # Check boxes post one value each (nested_form_data would number them).
    data.update({"modules": ["debates", "events"], "phases-0-actions": ["debate", "comment"]})
    response = client.post(reverse("wagtailadmin_pages:edit", args=[space.pk]), data)
    assert response.status_code == 302
    space = SpacePage.objects.get(pk=space.pk)
    assert space.modules == ["debates", "events"]
    assert sorted(space.phases.get().actions) == ["comment", "debate"]
    assert space.opens("debate") and not space.opens("propose")


def test_private_spaces_stay_out_of_the_sitemap(client):
    make_space("Groupe Santé", visibility=Visibility.PRIVATE)
    make_space("Ouverte")
    xml = client.get("/sitemap.xml").content.decode()
    assert "/ouverte/" in xml and "groupe-sante" not in xml


def test_space_sections_are_cached_per_audience_and_expire_with_what_they_show(
    client, member_client, moderator_client
):
    """Sections are fragments shared by who sees the same spaces and may do the same
    things: a write to what they show, or a phase that opens something else, shows at
    once; a member's buttons and a moderator's hidden debates never reach others."""
    space = make_space("Démarche sentinelle-1f8c3a", modules=["proposals", "debates", "events"])
    DebateFactory(space=space, title="Débat masqué sentinelle-0b6d29", is_hidden=True)
    EventFactory(space=space, title="Rencontre sentinelle-e7a145")
    assert "Débat masqué sentinelle-0b6d29" in moderator_client.get(space.url).text
    member_page = member_client.get(space.url).text
    assert "Faire une proposition" in member_page and "Ouvrir un débat" not in member_page
    anonymous_page = client.get(space.url).text
    assert "Rencontre sentinelle-e7a145" in anonymous_page
    assert "Faire une proposition" not in anonymous_page
    assert "sentinelle-0b6d29" not in member_page + anonymous_page

    # Served from the cache, the sections ask nothing of what they show (asked again if
    # the minute that renews them turned meanwhile).
    for _ in range(2):
        minute = time.time() // 60
        with CaptureQueriesContext(connection) as queries:
            assert "Faire une proposition" in member_client.get(space.url).text
        if time.time() // 60 == minute:
            break
    shown = ('"proposals_proposal"', '"events_event"')
    read_again = [q["sql"] for q in queries.captured_queries if any(t in q["sql"] for t in shown)]
    assert not read_again, read_again
    EventFactory(space=space, title="Atelier sentinelle-93d2f0", start_at=timezone.now() + DAY)
    ProposalFactory(space=space, title="Proposition sentinelle-3b7e2c")
    page = client.get(space.url).text
    assert "Atelier sentinelle-93d2f0" in page and "Proposition sentinelle-3b7e2c" in page
    assert "1 proposition publiée" in page
    space.phases.update(title="Phase sentinelle-5c0e8b")  # named where debating is closed
    assert "Phase sentinelle-5c0e8b" in member_client.get(space.url).text
    space.phases.update(actions=["propose", "comment", "debate"])
    assert "Ouvrir un débat" in member_client.get(space.url).text


def test_space_page_fragments_expire_with_thematiques_activities_and_restrictions(client, member):
    """Header, phases, activities and sections are fragments: each write shows at once."""
    space = make_space("Démarche sentinelle-2a7d4c", modules=["debates"])
    assert "sentinelle-8e1b5f" not in client.get(space.url).text
    SpacePage.thematiques.through.objects.create(
        spacepage=space, thematique=ThematiqueFactory(name="Thématique sentinelle-8e1b5f")
    )
    Activity.objects.create(
        verb="a proposé",
        title="Activité sentinelle-6c3f9a",
        url="/sentinelle/",
        space=space,
        content_type=content_type_for(space),
        object_id=space.pk,
    )
    DebateFactory(space=space, title="Débat sentinelle-4d2e7b")
    html = client.get(space.url).text
    for sentinel in ("sentinelle-8e1b5f", "sentinelle-6c3f9a", "sentinelle-4d2e7b"):
        assert sentinel in html
    # Wagtail's view restrictions, cached for comments and follows, expire too.
    assert is_visible_to(space, member)
    PageViewRestriction.objects.create(page=space, restriction_type=PageViewRestriction.LOGIN)
    assert not is_visible_to(space, member)
    # Serving the page reads them from the same cache: the visitor is sent to log in.
    assert client.get(space.url).status_code == 302
