"""The daily job: phases open and close with the calendar, digests fall due. Run by cron
(`manage.py send_digests`) or by the task worker (`send_digests`)."""

from django_tasks import task

from participation.notifications import emails
from participation.notifications.announcements import announce_phase_changes


def run():
    """Announce the phase changes, then send the digests due; returns both counts."""
    return announce_phase_changes(), emails.send_digests()


@task()
def send_digests():
    return run()[1]
