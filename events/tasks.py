"""Background jobs (django-tasks; `manage.py db_worker` runs them)."""

from django_tasks import task

from events import services


@task()
def send_event_reminders():
    return services.send_reminders()
