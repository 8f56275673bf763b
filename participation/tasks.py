"""Background jobs (django-tasks; `manage.py db_worker` runs them)."""

from django_tasks import task

from participation.services import emails, spaces


@task()
def send_notification_emails(activity_id):
    emails.send_immediate(activity_id)


@task()
def send_digests():
    spaces.announce_phase_changes()
    return emails.send_digests()
