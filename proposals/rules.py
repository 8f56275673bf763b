"""The proposals module's actions, opened by a space's phases (registered in apps.py)."""

PROPOSE = "propose"
VOTE = "vote"
