from django.contrib.contenttypes.models import ContentType
from django.db.models import F
from django.urls import reverse

from proposals.models import Proposal


def targets():
    proposals = Proposal.objects.listed().active().select_related("space")
    discussed = proposals.with_comment_count().order_by(F("comment_count").desc()).first()
    if discussed is None:
        return []
    space = discussed.space.slug
    listing = reverse("proposals:list", args=[space])
    votable = proposals.filter(space=discussed.space, state="").order_by("pk").first() or discussed
    return [
        {"name": "propositions", "path": listing},
        {
            "name": "propositions filtrées et triées",
            "path": f"{listing}?order=votes&state=unanswered&q=quartiers",
        },
        {"name": "propositions (membre)", "path": f"{listing}?order=recent", "login": True},
        {"name": "proposition longue discussion", "path": discussed.get_absolute_url()},
        {"name": "proposition (membre)", "path": discussed.get_absolute_url(), "login": True},
        {"name": "priorités du réseau", "path": reverse("proposals:results", args=[space])},
        {
            "name": "commentaire",
            "path": reverse(
                "participation:comment_post",
                args=[ContentType.objects.get_for_model(Proposal).pk, discussed.pk],
            ),
            "method": "POST",
            "data": {"comment": "Merci pour cette proposition, nous la soutenons."},
            "login": True,
        },
        {
            "name": "vote",
            "path": reverse("proposals:vote", args=[votable.pk]),
            "method": "POST",
            "data": {"action": "add"},
            "login": True,
        },
    ]
