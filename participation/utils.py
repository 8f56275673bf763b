"""Small helpers every participation function needs about "any object"."""

from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from wagtail.models import Page


def content_type_for(obj):
    return ContentType.objects.get_for_model(obj)


def object_url(obj):
    if isinstance(obj, Page):
        return obj.get_url() or obj.url_path
    if isinstance(obj, get_user_model()):
        return obj.profile.get_absolute_url()
    return obj.get_absolute_url()


def object_title(obj):
    return getattr(obj, "title", None) or str(obj)


def space_of(obj):
    """The space an object belongs to: itself for a space, its `space` attribute for module
    content (proposals, debates, events), the enclosing space for a page; None outside."""
    from participation.models import SpacePage

    if isinstance(obj, SpacePage):
        return obj
    if hasattr(obj, "space"):
        return obj.space
    if isinstance(obj, Page):
        return SpacePage.objects.ancestor_of(obj).first()
    return None


def is_visible_to(obj, user):
    """Whether the user may see the object: its space, its moderation state, the page's
    publication, and the object's own `is_visible_to(user)` when it defines one."""
    from participation.permissions import can
    from participation.roles import is_moderator

    if getattr(obj, "is_hidden", False) and not is_moderator(user):
        return False
    if isinstance(obj, Page) and (not obj.live or obj.get_view_restrictions().exists()):
        return False
    if hasattr(obj, "is_visible_to") and not obj.is_visible_to(user):
        return False
    return can(user, "view", space_of(obj))
