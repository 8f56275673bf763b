"""Background jobs of the gazette (django-tasks; `manage.py db_worker` runs them)."""

from django_tasks import task

from gazette import sending
from gazette.models import GazetteIssuePage


@task()
def send_issue(issue_id):
    """Send what is still pending of a started issue."""
    issue = GazetteIssuePage.objects.filter(pk=issue_id).first()
    if issue is not None:
        sending.send_pending(issue)


@task()
def send_due_issues():
    """Start the issues whose scheduled time has come, and finish those a crash left
    unfinished; `manage.py send_gazette` enqueues it (cron, every few minutes)."""
    for issue in GazetteIssuePage.objects.filter(pk__in=sending.due_issue_ids()):
        try:
            sending.start(issue)
        except sending.SendingRefused:
            continue
    for issue in GazetteIssuePage.objects.filter(pk__in=sending.unfinished_issue_ids()):
        sending.send_pending(issue)


def check_at(when):
    """Have the worker look for due issues at `when`, where the backend can defer a task
    (the database one); cron's `send_gazette` is the safety net in any case."""
    if send_due_issues.get_backend().supports_defer:
        send_due_issues.using(run_after=when).enqueue()
