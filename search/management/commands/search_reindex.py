import sys

from django.core.management.base import BaseCommand

from search import indexing


class Command(BaseCommand):
    help = "Reconstruit l’index de recherche à partir des contenus (sans interruption, relançable)."

    def handle(self, *args, **options):
        total = indexing.count_documents()
        done = 0
        interactive = sys.stdout.isatty()

        def progress(registration, count):
            nonlocal done
            done += count
            bar = "#" * (30 * done // max(total, 1))
            line = f"[{bar:<30}] {done}/{total} · {registration.label}"
            if interactive:
                self.stdout.write(f"\r{line}", ending="")
            else:
                self.stdout.write(line)

        indexing.rebuild(progress)
        if interactive:
            self.stdout.write("")
        self.stdout.write(self.style.SUCCESS(f"Index reconstruit : {done} objets parcourus."))
