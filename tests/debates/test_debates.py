from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from debates.models import Debate
from debates.services import stance_summary
from participation.comments.api import post_comment
from participation.comments.thread import comment_counts
from participation.models import Comment, Follow, Visibility
from participation.utils import content_type_for
from tests.debates.conftest import phase
from tests.factories import DebateFactory, ThematiqueFactory, UserFactory, make_space

pytestmark = pytest.mark.django_db

NEW_DEBATE = {
    "title": "Faut-il mutualiser les adultes-relais ?",
    "description": "Entre quartiers d’une même agglomération.",
    "instructions": "",
}


def _comment_url(debate):
    return reverse("participation:comment_post", args=[content_type_for(debate).pk, debate.pk])


def test_member_opens_a_debate_while_the_phase_opens_debates(member_client, member, debate_space):
    response = member_client.post(reverse("debates:create", args=[debate_space.pk]), NEW_DEBATE)
    debate = Debate.objects.get()
    assert response.status_code == 302 and response["Location"] == debate.get_absolute_url()
    assert debate.author == member and debate.space == debate_space and not debate.is_official
    assert Follow.objects.of(debate).filter(user=member).exists()


def test_member_cannot_open_a_debate_outside_a_debate_phase_but_a_moderator_can(
    member_client, moderator, client
):
    space = make_space(phases=[phase()], modules=["proposals", "debates"])
    url = reverse("debates:create", args=[space.pk])
    assert member_client.post(url, NEW_DEBATE).status_code == 403
    assert not Debate.objects.exists()
    client.force_login(moderator)
    assert client.post(url, NEW_DEBATE).status_code == 302
    assert Debate.objects.get().is_official


def test_no_debate_in_a_space_that_does_not_use_debates(moderator_client):
    space = make_space(phases=[phase("debate")], modules=["proposals"])
    assert moderator_client.get(reverse("debates:create", args=[space.pk])).status_code == 404


def test_visitor_is_sent_to_login_to_open_a_debate(client, debate_space):
    response = client.get(reverse("debates:create", args=[debate_space.pk]))
    assert response.status_code == 302 and "/comptes/login/" in response["Location"]


def test_stances_are_counted_and_shown_as_a_bar_with_text(member_client, debate_space):
    debate = DebateFactory(space=debate_space)
    for stance in ("for", "for", "against", "neutral", ""):
        post_comment(UserFactory(), debate, "Mon avis", stance=stance)
    hidden = post_comment(UserFactory(), debate, "Masqué", stance="against")
    Comment.objects.filter(pk=hidden.pk).update(is_hidden=True)

    summary = stance_summary(comment_counts(debate)[1])
    assert summary["total"] == 4
    assert [(s["value"], s["count"], s["percent"]) for s in summary["stances"]] == [
        ("for", 2, 50),
        ("against", 1, 25),
        ("neutral", 1, 25),
    ]
    html = member_client.get(debate.get_absolute_url()).content.decode()
    assert "<strong>Pour</strong> : 2 contributions (50 %)" in html
    assert "<strong>Contre</strong> : 1 contribution (25 %)" in html
    assert 'class="stance-bar"' in html
    # The summary comes before the thread in the source: first on a phone and in Tab order.
    assert html.index('class="stance-summary"') < html.index('<section class="comments"')


def test_member_answers_with_a_stance_through_the_comment_form(member_client, debate_space):
    debate = DebateFactory(space=debate_space)
    response = member_client.post(
        _comment_url(debate), {"comment": "Je suis pour.", "stance": "for"}
    )
    assert response.status_code == 302
    assert Comment.objects.get().stance == "for"


def test_moderator_concludes_a_debate_and_answers_are_then_refused(
    moderator_client, member, debate_space
):
    debate = DebateFactory(space=debate_space)
    follower = UserFactory()
    Follow.objects.create(user=follower, content_type=content_type_for(debate), object_id=debate.pk)
    # The page's fragments, filled before the debate closes, follow every write after.
    assert "Ce débat est clos" not in moderator_client.get(debate.get_absolute_url()).text
    response = moderator_client.post(
        reverse("debates:close", args=[debate.pk]), {"conclusions": "Un binôme par quartier."}
    )
    debate.refresh_from_db()
    assert response.status_code == 302 and debate.closed_at and debate.conclusions
    assert follower.notifications.count() == 1

    with pytest.raises(PermissionDenied):
        post_comment(member, debate, "Trop tard", stance="for")
    html = moderator_client.get(debate.get_absolute_url()).content.decode()
    assert "Un binôme par quartier." in html and "Ce débat est clos" in html
    assert "Publier le commentaire" not in html
    debate.author.display_name = "Autrice sentinelle-3c8e1a"
    debate.author.save()
    Debate.thematiques.through.objects.create(
        debate=debate, thematique=ThematiqueFactory(name="Thématique sentinelle-9d4b2f")
    )
    html = moderator_client.get(debate.get_absolute_url()).text
    assert "sentinelle-3c8e1a" in html and "sentinelle-9d4b2f" in html


def test_answers_wait_for_the_opening_date(member, debate_space):
    debate = DebateFactory(space=debate_space, start_at=timezone.now() + timedelta(days=2))
    with pytest.raises(PermissionDenied):
        post_comment(member, debate, "Déjà ?")


def test_member_cannot_conclude_a_debate(member_client, debate_space):
    debate = DebateFactory(space=debate_space)
    url = reverse("debates:close", args=[debate.pk])
    assert member_client.post(url, {"conclusions": "Fini"}).status_code == 403
    debate.refresh_from_db()
    assert debate.closed_at is None and not debate.conclusions


def test_author_edits_the_debate_until_someone_answers(member_client, member, debate_space):
    debate = DebateFactory(space=debate_space, author=member)
    url = reverse("debates:edit", args=[debate.pk])
    assert (
        member_client.post(url, {**NEW_DEBATE, "title": "Question reformulée ?"}).status_code == 302
    )
    debate.refresh_from_db()
    assert debate.title == "Question reformulée ?"
    post_comment(UserFactory(), debate, "Réponse")
    assert member_client.get(url).status_code == 403
    assert member_client.post(url, {**NEW_DEBATE, "title": "Trop tard ?"}).status_code == 403
    debate.refresh_from_db()
    assert debate.title == "Question reformulée ?"


def test_private_space_debates_are_invisible_to_non_members(client, member):
    invited = UserFactory()
    private = make_space(
        "Groupe Santé",
        phases=[phase("debate")],
        modules=["proposals", "debates"],
        visibility=Visibility.PRIVATE,
        memberships=[invited],
    )
    debate = DebateFactory(space=private, title="Question interne au groupe")
    client.force_login(member)
    assert client.get(debate.get_absolute_url()).status_code == 404
    seen_by_member = client.get(reverse("debates:list")).content.decode()
    assert "Question interne" not in seen_by_member and "Groupe Santé" not in seen_by_member
    for value in (private.pk, "abc"):  # refused as any choice not offered
        refused = client.get(reverse("debates:list"), {"space": value}).content.decode()
        assert "Groupe Santé" not in refused and "Sélectionnez un choix valide" in refused
    client.logout()
    assert client.get(debate.get_absolute_url()).status_code == 404
    client.force_login(invited)
    assert client.get(debate.get_absolute_url()).status_code == 200
    seen_by_invited = client.get(reverse("debates:list")).content.decode()
    assert "Question interne" in seen_by_invited
    assert f'<option value="{private.pk}">Groupe Santé</option>' in seen_by_invited
    filtered = client.get(reverse("debates:list"), {"space": private.pk}).content.decode()
    assert "Débats · Groupe Santé" in filtered and "Question interne" in filtered


def test_hidden_debate_is_shown_only_to_moderators(member_client, moderator, client, debate_space):
    debate = DebateFactory(space=debate_space, is_hidden=True)
    assert member_client.get(debate.get_absolute_url()).status_code == 404
    client.force_login(moderator)
    assert client.get(debate.get_absolute_url()).status_code == 200


def test_list_filters_by_state_and_thematique_and_sorts_by_answers(member_client, debate_space):
    emploi = ThematiqueFactory(name="Emploi", slug="emploi")
    quiet = DebateFactory(space=debate_space, title="Débat calme")
    lively = DebateFactory(space=debate_space, title="Débat animé")
    lively.thematiques.add(emploi)
    closed = DebateFactory(space=debate_space, title="Débat conclu", closed_at=timezone.now())
    for _ in range(3):
        post_comment(UserFactory(), lively, "Oui")

    def titles(**params):
        response = member_client.get(reverse("debates:list"), params)
        return [d.title for d in response.context["page_obj"].object_list]

    assert titles(status="closed") == [closed.title]
    assert set(titles(status="open")) == {quiet.title, lively.title}
    assert titles(thematique="emploi") == [lively.title]
    assert titles(space=debate_space.pk, sort="commented")[0] == lively.title
    assert titles(q="anime") == [lively.title]


def test_space_page_lists_its_debates(client, debate_space):
    DebateFactory(space=debate_space, title="Une question pour la démarche")
    html = client.get(debate_space.url).content.decode()
    assert "Une question pour la démarche" in html and "Débats" in html


# 25: a full page of 20 and a second page.
@pytest.mark.parametrize("count", [5, 25])
def test_debate_list_makes_a_constant_number_of_queries(
    member_client, debate_space, django_assert_max_num_queries, count
):
    thematique = ThematiqueFactory()
    for debate in DebateFactory.create_batch(count, space=debate_space):
        debate.thematiques.add(thematique)
    with django_assert_max_num_queries(22):
        response = member_client.get(reverse("debates:list"))
    assert response.status_code == 200


# 25 threads: a full page of 20 and a second page.
@pytest.mark.parametrize("count", [5, 25])
def test_debate_page_with_a_long_thread_makes_a_constant_number_of_queries(
    member_client, debate_space, django_assert_max_num_queries, count
):
    debate = DebateFactory(space=debate_space)
    authors = UserFactory.create_batch(5)
    for n in range(count):
        post_comment(authors[n % 5], debate, f"Argument {n}", stance=["for", "against", ""][n % 3])
    with django_assert_max_num_queries(30):
        response = member_client.get(debate.get_absolute_url())
    assert response.status_code == 200 and "Argument 0" in response.content.decode()


def test_debate_list_renews_a_count_at_once_and_keeps_its_page_after_a_comment_elsewhere(
    client, debate_space
):
    listed = DebateFactory(space=debate_space, title="Débat sentinelle-4e1b")
    elsewhere = DebateFactory(space=debate_space, title="Autre débat")
    url = f"{reverse('debates:list')}?q=sentinelle-4e1b"
    commenter = UserFactory()

    def render():
        with CaptureQueriesContext(connection) as queries:
            html = client.get(url).content.decode()
        return html, " ".join(query["sql"] for query in queries.captured_queries)

    first, _ = render()
    post_comment(commenter, elsewhere, "Ailleurs")
    after_elsewhere, read_after_elsewhere = render()
    answer = post_comment(commenter, listed, "Oui")
    after_answer, _ = render()
    Comment.objects.filter(pk=answer.pk).update(is_hidden=True)
    after_hiding, _ = render()

    assert "sentinelle-4e1b" in first and "0 contribution" in first
    assert after_elsewhere == first
    assert '"django_comments"' not in read_after_elsewhere
    assert '"debates_debate"' not in read_after_elsewhere
    assert "1 contribution" in after_answer
    assert "0 contribution" in after_hiding


def test_debates_sorted_by_answers_reorder_at_once_and_ignore_comments_elsewhere(
    client, debate_space
):
    first = DebateFactory(space=debate_space, title="Premier sentinelle-a41c")
    second = DebateFactory(space=debate_space, title="Second sentinelle-b52d")
    elsewhere = DebateFactory(space=make_space(modules=["debates"], phases=[phase("debate")]))
    commenter = UserFactory()
    url = reverse("debates:list")
    params = {"space": debate_space.pk, "sort": "commented"}
    post_comment(commenter, first, "Oui")

    def order():
        with CaptureQueriesContext(connection) as queries:
            html = client.get(url, params).content.decode()
        read = " ".join(query["sql"] for query in queries.captured_queries)
        return html.index("Premier") < html.index("Second"), read

    first_ahead, _ = order()
    post_comment(commenter, elsewhere, "Ailleurs")
    still_ahead, read = order()
    post_comment(commenter, second, "Oui")
    post_comment(commenter, second, "Non")
    now_ahead, _ = order()

    assert first_ahead and still_ahead and not now_ahead
    assert '"django_comments"' not in read and '"debates_debate"' not in read
