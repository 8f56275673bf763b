"""A new timeline entry or a status change reaches the result's followers and the authors
and supporters of the proposals it answers, once each, never its writer, and never a
member who cannot see a private space."""

from accountability import services
from participation.models import Activity, Notification, Visibility
from participation.notifications.api import follow
from proposals.models import Coauthorship, Vote
from tests.accountability.conftest import closed_phase
from tests.factories import ProposalFactory, ResultFactory, UserFactory, make_space


def _notified(activity):
    return sorted(
        Notification.objects.filter(activity=activity).values_list("recipient_id", flat=True)
    )


def _linked_result(space, status=None):
    """A result answering a proposal; returns it with its author, co-author and voter."""
    author, coauthor, voter = UserFactory(), UserFactory(), UserFactory()
    proposal = ProposalFactory(space=space, author=author, state="accepted")
    Coauthorship.objects.create(proposal=proposal, user=coauthor, accepted_at=proposal.published_at)
    Vote.objects.create(proposal=proposal, user=voter, space=space)
    result = ResultFactory(space=space, status=status)
    result.proposals.add(proposal)
    return result, proposal, (author, coauthor, voter)


def test_an_entry_notifies_followers_authors_and_supporters_once_each(space, statuses, moderator):
    result, proposal, (author, coauthor, voter) = _linked_result(space)
    follower, bystander = UserFactory(), UserFactory()
    follow(follower, result)
    follow(author, result)  # author and follower: one notification
    Vote.objects.create(proposal=proposal, user=follower, space=space)  # follower and voter
    follow(moderator, result)  # the writer is never notified

    entry = services.add_entry(moderator, result, "Le comité de pilotage s’est réuni.")

    activity = Activity.objects.get(object_id=result.pk, verb="a fait avancer le chantier")
    assert _notified(activity) == sorted(u.pk for u in (author, coauthor, voter, follower))
    assert bystander.pk not in _notified(activity)
    assert entry.status is None
    assert Notification.objects.count() == 4


def test_a_status_change_is_an_entry_and_one_notification(space, statuses, moderator):
    result, _proposal, people = _linked_result(space, status=statuses["À lancer"])

    services.add_entry(moderator, result, "Les travaux commencent.", status=statuses["En cours"])

    result.refresh_from_db()
    assert result.status == statuses["En cours"]
    entry = result.entries.get()
    assert entry.status == statuses["En cours"]
    activity = Activity.objects.get(object_id=result.pk)
    assert activity.verb == "a changé l’état du chantier"
    assert _notified(activity) == sorted(u.pk for u in people)


def test_editing_the_status_records_an_entry_and_notifies(space, statuses, moderator):
    result, _proposal, people = _linked_result(space, status=statuses["À lancer"])
    result.status = statuses["Réalisé"]
    services.save_result(moderator, result, previous_status_id=statuses["À lancer"].pk)
    assert result.entries.get().status == statuses["Réalisé"]
    assert Notification.objects.filter(recipient__in=people).count() == 3


def test_a_private_space_notifies_its_invited_members_only(moderator):
    invited = UserFactory()
    space = make_space(
        "Groupe privé",
        phases=closed_phase(),
        modules=["proposals", "accountability"],
        visibility=Visibility.PRIVATE,
        memberships=[invited],
    )
    result, _proposal, (author, coauthor, voter) = _linked_result(space)
    follow(invited, result)
    # The proposal's people were never invited (the space turned private since).
    services.add_entry(moderator, result, "Étape confidentielle sentinelle-7f3a9c.")
    activity = Activity.objects.get(object_id=result.pk)
    assert _notified(activity) == [invited.pk]
