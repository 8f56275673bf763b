"""Who moderates: the "Modérateurs" and "Administrateurs" groups (members/roles.py) and
superusers."""

from maillage.member_facts import Fact, value
from members.roles import ADMINISTRATEURS, MODERATEURS

# Asked with the member's other per-page facts, in one query (maillage/member_facts.py).
MODERATOR_FACT = Fact(
    "moderator",
    lambda user: user.groups.filter(name__in=[MODERATEURS, ADMINISTRATEURS]).values("pk"),
    "exists",
)


def is_moderator(user):
    if not user.is_authenticated or not user.is_active:
        return False
    if user.is_superuser:
        return True
    return value(user, MODERATOR_FACT)
