from wagtail.signals import page_published


def announce_phase(sender, instance, **kwargs):
    """An editor forcing a phase (or publishing new dates) notifies followers right away."""
    from participation.services.spaces import announce_phase_change

    announce_phase_change(instance)


def connect():
    from participation.models import SpacePage

    page_published.connect(announce_phase, sender=SpacePage, dispatch_uid="participation_phase")
