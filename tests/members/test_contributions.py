"""The public contributions on a member's profile: what the viewer may see only, paginated,
in a constant number of queries."""

import pytest
from django.urls import reverse

from members.models import Profile
from tests.factories import (
    CommentFactory,
    DebateFactory,
    EventFactory,
    ProposalFactory,
    UserFactory,
    make_space,
)

pytestmark = pytest.mark.django_db

SENTINEL = "sentinelle-7f3a9c"


@pytest.fixture
def author():
    user = UserFactory(display_name="Karim Benali")
    Profile.objects.filter(user=user).update(in_directory=True)
    return user


def test_profile_lists_public_contributions_and_hides_the_rest(client, author):
    public = make_space("Priorités du réseau", modules=["proposals", "debates"])
    invited = UserFactory()
    private = make_space(
        "Groupe de travail", visibility="private", memberships=[invited], modules=["proposals"]
    )
    proposal = ProposalFactory(space=public, author=author, title="Des jardins partagés")
    hidden = ProposalFactory(space=private, author=author, title=f"Privée {SENTINEL}")
    DebateFactory(space=public, author=author, title=f"Masqué {SENTINEL}", is_hidden=True)
    debate = DebateFactory(space=public, author=author, title="Mutualiser les moyens ?")
    CommentFactory(content_object=proposal, user=author, comment="Je soutiens cette idée.")
    CommentFactory(content_object=debate, user=author, comment="Oui, par territoire.")
    CommentFactory(content_object=hidden, user=author, comment=f"Dans le groupe {SENTINEL}")
    EventFactory(organiser=author, title="Rencontre des chefs de projet")
    url = reverse("members:profile", args=[author.pk])

    html = client.get(url).content.decode()
    for title in (
        "Des jardins partagés",
        "Mutualiser les moyens",
        "Je soutiens cette idée",
        "Oui, par territoire.",
        "Rencontre des chefs de projet",
    ):
        assert title in html
    assert SENTINEL not in html
    assert "5 contributions publiques" in html

    # The list is a fragment shared by who sees the same spaces, renewed by any write.
    ProposalFactory(space=public, author=author, title="Des bancs sentinelle-2d7b64")
    html = client.get(url).content.decode()
    assert "Des bancs sentinelle-2d7b64" in html and "6 contributions publiques" in html

    client.force_login(invited)
    html = client.get(url).content.decode()
    assert f"Privée {SENTINEL}" in html and f"Dans le groupe {SENTINEL}" in html
    assert f"Masqué {SENTINEL}" not in html
    client.logout()
    assert SENTINEL not in client.get(url).content.decode()


@pytest.mark.parametrize("count", [3, 12])
def test_profile_query_count_does_not_grow_with_contributions(
    client, django_assert_max_num_queries, author, count
):
    space = make_space("Priorités du réseau", modules=["proposals", "debates"])
    for n in range(count):
        proposal = ProposalFactory(space=space, author=author, title=f"Proposition {n}")
        CommentFactory(content_object=proposal, user=author)
        DebateFactory(space=space, author=author)
        EventFactory(organiser=author)
    url = reverse("members:profile", args=[author.pk])
    client.get(url)  # the layout (navigation) is then cached
    with django_assert_max_num_queries(16):
        response = client.get(url)
    assert response.text.count('<li><span class="card__meta">') == min(4 * count, 10)
    assert client.get(url, {"page": "zz"}).status_code == 200
