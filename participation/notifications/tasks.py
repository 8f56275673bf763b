"""Background job of `notify()` (django-tasks; `manage.py db_worker` runs it)."""

from django_tasks import task

from participation.notifications import emails


@task()
def send_notification_emails(activity_id):
    emails.send_immediate(activity_id)
