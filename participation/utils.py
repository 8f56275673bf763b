"""Small helpers every participation subpackage needs about "any object"."""

from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.shortcuts import redirect
from django.urls import reverse
from wagtail.models import Page

from maillage.redirects import safe_next


def content_type_for(obj):
    return ContentType.objects.get_for_model(obj)


def object_url(obj):
    """The object's page, or None for what has none (a thématique)."""
    if isinstance(obj, Page):
        return obj.get_url() or obj.url_path
    if isinstance(obj, get_user_model()):
        return obj.profile.get_absolute_url()
    return obj.get_absolute_url() if hasattr(obj, "get_absolute_url") else None


def object_title(obj):
    return getattr(obj, "title", None) or str(obj)


def redirect_back(request, obj):
    """To the page the form came from (`next`, on this site only), else the object's."""
    # Some followable things (a thématique) have no page: back to the member's follows.
    return redirect(safe_next(request, object_url(obj) or reverse("participation:follows")))
