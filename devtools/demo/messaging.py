"""Demo conversations between demo members, two of them unread by Claire Martin (the demo
member account), so that the header's count and the inbox show something. Texts live in
data/messaging/. Written as they stand, dated in the past, without notifications."""

import json
from datetime import timedelta
from pathlib import Path

from django.utils import timezone

from members.models import User
from messaging.models import Conversation, Message, Participant, direct_key

DATA = json.loads(
    (Path(__file__).parent / "data" / "messaging" / "conversations.json").read_text("utf-8")
)
READER = "claire.martin@exemple.fr"


def seed(stdout):
    created = 0
    now = timezone.now()
    for spec in DATA:
        authors = [email for email, _hours, _text in spec["messages"]]
        emails = list(dict.fromkeys([*authors, READER, *spec.get("others", [])]))
        users = {user.email: user for user in User.objects.filter(email__in=emails)}
        if len(users) != len(emails):
            continue
        first = spec["messages"][0][2]
        if Message.objects.filter(body=first).exists():
            continue
        members = [users[email] for email in emails]
        key = direct_key(members[0].pk, members[1].pk) if len(members) == 2 else None
        started = now - timedelta(hours=spec["messages"][0][1])
        conversation = Conversation.objects.create(
            created_by=members[0], direct_key=key, created_at=started, last_message_at=started
        )
        messages = [
            Message.objects.create(
                conversation=conversation,
                author=users[email],
                body=text,
                created_at=now - timedelta(hours=hours),
            )
            for email, hours, text in spec["messages"]
        ]
        last = messages[-1]
        Conversation.objects.filter(pk=conversation.pk).update(
            last_message=last, last_message_at=last.created_at
        )
        for member in members:
            own = [m.created_at for m in messages if m.author_id == member.pk]
            read = last.created_at if spec["read_by_all"] else max(own, default=None)
            Participant.objects.create(
                conversation=conversation, user=member, joined_at=started, last_read_at=read
            )
        created += 1
    stdout.write(f"Messagerie : {created} conversation(s) créée(s).")
