"""The heaviest page of the site: a member reading a proposal with 45 comments, built with
factories (fixed texts, so that the page's size does not depend on random words)."""

from participation.models import CommentReaction
from tests.factories import CommentFactory, ProposalFactory, UserFactory, make_space

TEXT = (
    "Dans notre quartier, le conseil citoyen s’est emparé du sujet : nous avons réuni les "
    "habitants, les bailleurs et le centre social pour partager le diagnostic. Il faudrait "
    "que la démarche garde du temps pour ces échanges, sinon les mêmes voix se font entendre."
)
# Replies of each thread's root: a few long threads, as in a lively discussion.
REPLIES = [6, 5, 4, 3, 2, 1, 1, 0, 0, 0, 0, 0, 0]
COMMENTS = 45


def long_thread(reader):
    """A proposal with 45 comments in 13 threads: most have replies (some more than the
    folded ones, one in three answered once more), the first roots have reactions, some
    comments are the reader's."""
    space = make_space("Priorités du réseau 2027")
    proposal = ProposalFactory(space=space, title="Ouvrir les conseils citoyens aux jeunes")
    authors = [UserFactory(display_name=f"Membre {n} du réseau") for n in range(6)]
    made = 0
    for n, replies in enumerate(REPLIES):
        root = CommentFactory(content_object=proposal, user=authors[n % 6], comment=TEXT)
        made += 1
        if n < 6:
            CommentReaction.objects.create(comment=root, user=authors[5], kind="useful")
        for r in range(replies):
            reply = CommentFactory(
                content_object=proposal, user=authors[r % 5 + 1], comment=TEXT, parent_id=root.pk
            )
            made += 1
            if r % 3 == 0:
                CommentFactory(
                    content_object=proposal, user=reader, comment=TEXT, parent_id=reply.pk
                )
                made += 1
    assert made == COMMENTS, made
    return proposal
