import json

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.urls import reverse

from messaging.models import Block
from participation.moderation.models import ModerationAction
from participation.notifications.api import follow
from privacy.models import Consent
from taxonomy.models import Region
from tests.factories import CommentFactory, ProposalFactory, UserFactory, make_space

pytestmark = pytest.mark.django_db

SENTINEL = "sentinelle-7f3a9c"


def _models_owned_by_a_member():
    """Enumerated here, independently of the code under test: every installed model with
    a ForeignKey or a OneToOne to the user model."""
    user_model = get_user_model()
    return {
        model._meta.label
        for model in apps.get_models()
        if model is not user_model
        and any(
            getattr(field, "remote_field", None) is not None
            and field.remote_field.model is user_model
            and (field.many_to_one or field.one_to_one)
            for field in model._meta.concrete_fields
        )
    }


def _download(client):
    response = client.post(reverse("privacy:export"))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert "attachment" in response["Content-Disposition"]
    return json.loads(response.content)


def test_export_covers_every_model_a_member_owns_and_only_their_rows(member, member_client):
    space = make_space()
    mine = ProposalFactory(space=space, author=member, title="Ma proposition à moi")
    CommentFactory(content_object=mine, user=member, comment="Mon commentaire")
    follow(member, Region.objects.get(name="Bretagne"))
    Consent.objects.create(user=member, document="terms", version="1.0")
    other = UserFactory(display_name=f"Autre {SENTINEL}")
    theirs = ProposalFactory(space=space, author=other, title=f"Proposition {SENTINEL}")
    CommentFactory(content_object=theirs, user=other, comment=f"Commentaire {SENTINEL}")

    export = _download(member_client)

    owned = _models_owned_by_a_member()
    assert {"proposals.Proposal", "participation.Comment", "privacy.Consent"} <= owned
    assert owned <= set(export["data"])
    assert export["account"]["fields"]["email"] == member.email
    assert "password" not in export["account"]["fields"]
    assert [row["fields"]["title"] for row in export["data"]["proposals.Proposal"]] == [
        "Ma proposition à moi"
    ]
    assert export["data"]["participation.Follow"][0]["fields"]["user"] == member.pk
    assert export["data"]["privacy.Consent"][0]["fields"]["version"] == "1.0"
    assert export["data"]["members.Profile"][0]["fields"]["user"] == member.pk
    text = json.dumps(export)
    assert SENTINEL not in text
    assert member.password not in text and "pbkdf2" not in text and "md5$" not in text


def test_export_is_rate_limited(member_client, settings):
    settings.MAILLAGE_RATE_LIMITS = {**settings.MAILLAGE_RATE_LIMITS, "data_export": "2/h"}
    for _attempt in range(2):
        assert member_client.post(reverse("privacy:export")).status_code == 200

    refused = member_client.post(reverse("privacy:export"), follow=True)

    assert "réessayez dans une heure" in refused.content.decode()
    assert refused.redirect_chain[-1][0] == reverse("privacy:my_data")


def test_export_needs_a_login_and_a_post(client, member_client):
    assert client.post(reverse("privacy:export")).status_code == 302
    assert member_client.get(reverse("privacy:export")).status_code == 405


def test_export_says_whom_the_member_blocked_never_who_blocked_them(member, member_client):
    blocked, blocker, moderator = UserFactory(), UserFactory(), UserFactory()
    Block.objects.create(blocker=member, blocked=blocked)
    Block.objects.create(blocker=blocker, blocked=member)
    ModerationAction.objects.create(
        moderator=moderator, member=member, kind="block", reason="Messages répétés"
    )

    export = _download(member_client)

    assert [row["fields"]["blocked"] for row in export["data"]["messaging.Block"]] == [blocked.pk]
    (action,) = export["data"]["participation.ModerationAction"]
    assert action["fields"]["reason"] == "Messages répétés"
    assert "moderator" not in action["fields"]
