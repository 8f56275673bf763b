from django.core.management.base import BaseCommand

from opendata.tasks import build_open_data


class Command(BaseCommand):
    help = (
        "Met en file la reconstruction des fichiers de données ouvertes (/donnees-ouvertes/), "
        "à lancer par cron chaque nuit ; --immediat la fait dans ce processus, sans worker."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--immediat",
            action="store_true",
            help="Reconstruire tout de suite ici plutôt que par le worker.",
        )

    def handle(self, *args, immediat=False, **options):
        if immediat:
            counts = build_open_data.call()
            total = sum(counts.values())
            self.stdout.write(f"Données ouvertes reconstruites : {total} lignes.")
            return
        result = build_open_data.enqueue()
        self.stdout.write(f"Tâche {result.id} mise en file.")
