"""The events module's action, opened by a space's phases (registered in apps.py)."""

REGISTER = "register"
