"""Who moderates: the "Modérateurs" and "Administrateurs" groups (members/roles.py) and
superusers."""

from members.roles import ADMINISTRATEURS, MODERATEURS


def is_moderator(user):
    if not user.is_authenticated or not user.is_active:
        return False
    if user.is_superuser:
        return True
    cached = getattr(user, "_participation_is_moderator", None)
    if cached is None:
        cached = user.groups.filter(name__in=[MODERATEURS, ADMINISTRATEURS]).exists()
        user._participation_is_moderator = cached
    return cached
