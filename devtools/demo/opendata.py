"""Open data: one build of the files from the demo content, so that /donnees-ouvertes/
lists downloads at once (in production the nightly cron or an editor builds them).
Like every demo module it runs again without adding anything: a finished build is kept."""

from opendata.models import Build
from opendata.tasks import build_open_data


def seed(stdout):
    if Build.objects.finished().exists():
        stdout.write("Données ouvertes : déjà construites.")
        return
    counts = build_open_data.call()
    stdout.write(f"Données ouvertes : {sum(counts.values())} lignes dans {len(counts)} jeux.")
