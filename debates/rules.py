"""The debates module's action, opened by a space's phases (registered in apps.py)."""

DEBATE = "debate"
