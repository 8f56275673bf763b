from wagtail.signals import page_published

from participation.notifications.announcements import announce_opening, announce_phase_change
from participation.spaces.models import SpacePage


def announce_phase(sender, instance, revision=None, **kwargs):
    """A first publication announces the space; later, an editor forcing a phase (or
    publishing new dates) notifies followers right away."""
    if instance.live and instance.first_published_at == instance.last_published_at:
        announce_opening(instance, getattr(revision, "user", None) or instance.owner)
    else:
        announce_phase_change(instance)


def connect():
    page_published.connect(announce_phase, sender=SpacePage, dispatch_uid="participation_phase")
