from messaging.models import Participant

LOAD_MEMBER = "claire.martin@exemple.fr"  # bench/load.py's default --email


def targets():
    found = [{"name": "messages (membre)", "path": "/messages/", "login": True}]
    mine = Participant.objects.filter(user__email=LOAD_MEMBER).select_related("conversation")
    participant = mine.order_by("pk").first()
    if participant:
        url = participant.conversation.get_absolute_url()
        found.append({"name": "conversation (membre)", "path": url, "login": True})
    return found
