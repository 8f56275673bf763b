import time
from importlib import import_module

from django.apps import apps
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction

from devtools import load
from devtools.bench_tools import BenchContext


class Command(BaseCommand):
    help = (
        "Remplit la base à l’échelle du réseau (échelle 1 : 5 000 membres, 20 000 propositions, "
        "150 000 votes, 200 000 commentaires…). À lancer sur une base dédiée, après seed_demo."
    )

    def add_arguments(self, parser):
        parser.add_argument("--scale", type=float, default=1.0, help="1 = taille de référence")
        parser.add_argument("--seed", type=int, default=2026, help="graine du hasard")

    def handle(self, *args, scale, seed, **options):
        if scale <= 0:
            raise CommandError("L’échelle doit être positive.")
        ctx = BenchContext(scale, seed, self.stdout)
        started = time.monotonic()
        for name in load.MODULES:
            self.stdout.write(f"{apps.get_app_config(name).verbose_name} :")
            with transaction.atomic():
                import_module(f"devtools.load.{name}").seed(ctx)
        # Statistics and visibility maps as a database in service has them (autovacuum):
        # right after bulk loads, PostgreSQL would plan as if the new tables were empty
        # and could not answer from indexes alone (VACUUM cannot run in a transaction: tests).
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE" if connection.in_atomic_block else "VACUUM ANALYZE")
        self.stdout.write(
            self.style.SUCCESS(f"Données de charge prêtes en {time.monotonic() - started:.0f} s.")
        )
