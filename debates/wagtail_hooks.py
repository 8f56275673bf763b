"""Debates in the Wagtail admin, where moderators open and close them."""

from wagtail.snippets.models import register_snippet

from debates.admin_views import DebateViewSet

register_snippet(DebateViewSet)
