"""A survey's first publication is announced to the followers of its space (and of its
author), through participation's one entry for notifying."""

from django.utils.translation import gettext as _
from wagtail.signals import page_published

from participation.notifications.api import notify


def announce_survey(sender, instance, revision, **kwargs):
    if instance.first_published_at and instance.first_published_at != instance.last_published_at:
        return
    notify(revision.user if revision else None, _("a publié l’enquête"), instance)


def connect():
    from surveys.models import SurveyPage

    page_published.connect(announce_survey, sender=SurveyPage, dispatch_uid="surveys_announce")
