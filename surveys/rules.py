"""The surveys module's action, opened by a space's phases (registered in apps.py)."""

ANSWER = "answer"
