"""Events in the Wagtail admin, where editors and moderators manage them."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.viewsets.chooser import ChooserViewSet
from wagtail.admin.widgets import ListingButton
from wagtail.snippets.models import register_snippet

from events.admin_views import EventViewSet, duplicate
from events.models import Event

register_snippet(EventViewSet)


@hooks.register("register_admin_urls")
def duplicate_url():
    return [path("evenements/<int:pk>/dupliquer/", duplicate, name="events_duplicate")]


@hooks.register("register_snippet_listing_buttons")
def duplicate_button(snippet, user, next_url=None):
    if isinstance(snippet, Event) and user.has_perm("events.add_event"):
        yield ListingButton(
            _("Dupliquer"),
            reverse("events_duplicate", args=[snippet.pk]),
            icon_name="copy",
            priority=25,
        )


class ProposalChooserViewSet(ChooserViewSet):
    """Picks the proposals that came out of a meeting, for its minutes."""

    model = "proposals.Proposal"
    icon = "resubmit"
    choose_one_text = _("Choisir une proposition")
    choose_another_text = _("Choisir une autre proposition")


@hooks.register("register_admin_viewset")
def proposal_chooser():
    return ProposalChooserViewSet("events_proposal_chooser")
