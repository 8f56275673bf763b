"""The rebuild of the open data files, in the background (django-tasks; `manage.py
db_worker` runs it): each night through `manage.py build_open_data` (cron), and when an
editor asks for it on /donnees-ouvertes/."""

from django.utils import timezone
from django_tasks import task

from opendata import files
from opendata.models import Build


@task()
def build_open_data(build_id=None):
    """Writes every dataset and the archive, then marks the build finished (a nightly
    build has no row until it runs)."""
    build = Build.objects.filter(pk=build_id).first() if build_id else None
    if build is None:
        build = Build.objects.create()
    counts = files.build_all()
    Build.objects.filter(pk=build.pk).update(finished_at=timezone.now(), row_counts=counts)
    return counts
