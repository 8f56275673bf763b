"""A news item or an experience published for the first time reaches the followers of
its thématiques and of its territory (notifications and digests)."""

from django.utils.translation import gettext as _
from wagtail.signals import page_published

from editorial.models import ExperiencePage, NewsPage
from participation.notifications.api import notify

VERBS = {
    NewsPage: lambda: _("a publié l’actualité"),
    ExperiencePage: lambda: _("a publié le retour d’expérience"),
}


def announce_first_publication(sender, instance, revision=None, **kwargs):
    """Only the first publication (Wagtail sets both dates to the same instant then):
    corrections of a published page notify nobody, nor does scheduling a publication
    (announced when it goes live). Private pages are never announced."""
    if not instance.live or instance.first_published_at != instance.last_published_at:
        return
    if instance.get_view_restrictions().exists():
        return
    actor = getattr(revision, "user", None) or instance.owner
    notify(actor, VERBS[sender](), instance)


def connect():
    for model in VERBS:
        page_published.connect(
            announce_first_publication,
            sender=model,
            dispatch_uid=f"editorial_announce_{model._meta.model_name}",
        )
