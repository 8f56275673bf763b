from wagtail.signals import page_published

from participation.notifications.announcements import announce_phase_change
from participation.spaces.models import SpacePage


def announce_phase(sender, instance, **kwargs):
    """An editor forcing a phase (or publishing new dates) notifies followers right away."""
    announce_phase_change(instance)


def connect():
    page_published.connect(announce_phase, sender=SpacePage, dispatch_uid="participation_phase")
