"""Who sees an object: only types a module declared (default deny), and then the space
that owns it decides, with moderation, the page's publication and the object's own rule."""

from django.contrib.contenttypes.models import ContentType
from django.http import Http404
from django.shortcuts import get_object_or_404
from wagtail.models import Page

from content.pages import view_restrictions
from participation import registry
from participation.roles import is_moderator
from participation.spaces.permissions import can


def space_of(obj):
    """The space that owns `obj`, as its module declared it (None outside any space or
    for a type nobody declared)."""
    content = registry.content_of(type(obj))
    return content.space(obj) if content is not None else None


def is_visible_to(obj, user):
    """Whether the user may see the object."""
    content = registry.content_of(type(obj))
    if content is None:
        return False
    if getattr(obj, "is_hidden", False) and not is_moderator(user):
        return False
    if isinstance(obj, Page) and (not obj.live or view_restrictions(obj)):
        return False
    if content.is_visible_to is not None and not content.is_visible_to(obj, user):
        return False
    return can(user, "view", content.space(obj))


def target_or_404(content_type_id, object_id, user, capability):
    """The object a generic URL names, if a module declared its type open to
    `capability` (commenting, following, reporting) and `user` may see it."""
    try:
        # From ContentType's per-process cache: no query once the type has been read.
        content_type = ContentType.objects.get_for_id(content_type_id)
    except ContentType.DoesNotExist:
        raise Http404 from None
    model = content_type.model_class()
    if model is None or not registry.accepts(model, capability):
        raise Http404
    obj = get_object_or_404(model._default_manager, pk=object_id)
    if isinstance(obj, Page):
        obj = obj.specific
    if not is_visible_to(obj, user):
        raise Http404
    return obj
