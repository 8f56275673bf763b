from importlib import import_module

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import transaction

from devtools import demo
from search import indexing


class Command(BaseCommand):
    help = "Charge le contenu de démonstration de chaque module (sans doublon si relancé)."

    def handle(self, *args, **options):
        # The search index is built once at the end, as after load data: indexing each
        # object after each commit, with the comments that follow it, was half the seeding.
        auto_index = settings.MAILLAGE_SEARCH_AUTO_INDEX
        settings.MAILLAGE_SEARCH_AUTO_INDEX = False
        try:
            for name in demo.MODULES:
                with transaction.atomic():
                    import_module(f"devtools.demo.{name}").seed(self.stdout)
        finally:
            settings.MAILLAGE_SEARCH_AUTO_INDEX = auto_index
        if auto_index:
            indexing.rebuild()
        self.stdout.write(self.style.SUCCESS("Contenu de démonstration prêt."))
