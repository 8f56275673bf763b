"""The results page says the threshold in French: singular for 1 ("1 soutien")."""

from django.urls import reverse

from proposals.models import ProposalSettings


def test_threshold_of_one_support_is_singular(client, vote_space):
    url = reverse("proposals:results", args=[vote_space.slug])
    assert "retenue à partir de 2 soutiens." in client.get(url).content.decode()
    ProposalSettings.objects.filter(space=vote_space).update(threshold=1)
    assert "retenue à partir de 1 soutien." in client.get(url).content.decode()
