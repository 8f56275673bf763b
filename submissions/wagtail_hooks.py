"""The "Refuser" item beside "Approuver" and "Demander des modifications" in the
footer of a member submission under review (page or snippet), and its admin view."""

from django.contrib.contenttypes.models import ContentType
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.action_menu import ActionMenuItem as PageActionMenuItem
from wagtail.snippets.action_menu import ActionMenuItem as SnippetActionMenuItem

from submissions.admin_views import can_refuse, refuse
from submissions.models import Submission
from submissions.signals import CONTENT_MODELS


def _submission(obj):
    """The submission of the page or snippet being edited; None for any other: only the
    kinds a member submits are looked up (every page editor shows this menu)."""
    if not isinstance(obj, CONTENT_MODELS) or obj.pk is None:
        return None
    return Submission.objects.filter(
        content_type=ContentType.objects.get_for_model(obj), object_id=obj.pk
    ).first()


class RefuseMixin:
    label = _("Refuser la contribution")
    name = "action-refuse-submission"
    icon_name = "error"
    object_key = None

    def _submission(self, context):
        if context.get("view") != "edit":
            return None
        return _submission(context.get(self.object_key))

    def is_shown(self, context):
        return can_refuse(context["request"].user, self._submission(context))

    def get_url(self, context):
        return reverse("submissions_refuse", args=[self._submission(context).pk])


class RefusePageMenuItem(RefuseMixin, PageActionMenuItem):
    object_key = "page"


class RefuseSnippetMenuItem(RefuseMixin, SnippetActionMenuItem):
    object_key = "instance"


@hooks.register("register_page_action_menu_item")
def register_refuse_page():
    return RefusePageMenuItem(order=45)


@hooks.register("register_snippet_action_menu_item")
def register_refuse_snippet(model):
    """Only the snippets a member submits get the item (Wagtail skips a None)."""
    return RefuseSnippetMenuItem(order=45) if issubclass(model, CONTENT_MODELS) else None


@hooks.register("register_admin_urls")
def register_refuse_url():
    return [path("contributions/<int:pk>/refuser/", refuse, name="submissions_refuse")]
