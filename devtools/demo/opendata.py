"""Open data: one build of the files from the demo content, so that /donnees-ouvertes/
lists downloads at once (in production the nightly cron or an editor builds them)."""

from opendata.tasks import build_open_data


def seed(stdout):
    counts = build_open_data.call()
    stdout.write(f"Données ouvertes : {sum(counts.values())} lignes dans {len(counts)} jeux.")
