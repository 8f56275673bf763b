"""Small helpers every participation subpackage needs about "any object"."""

from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from wagtail.models import Page


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
    next_url = request.POST.get("next") or request.GET.get("next")
    if next_url and url_has_allowed_host_and_scheme(next_url, {request.get_host()}):
        return redirect(next_url)
    url = object_url(obj)
    # Some followable things (a thématique) have no page: back to the member's follows.
    return redirect(url or reverse("participation:follows"))
