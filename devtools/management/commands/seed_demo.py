from importlib import import_module

from django.core.management.base import BaseCommand
from django.db import transaction

from devtools import demo


class Command(BaseCommand):
    help = "Charge le contenu de démonstration de chaque module (sans doublon si relancé)."

    def handle(self, *args, **options):
        for name in demo.MODULES:
            with transaction.atomic():
                import_module(f"devtools.demo.{name}").seed(self.stdout)
        self.stdout.write(self.style.SUCCESS("Contenu de démonstration prêt."))
