from importlib import import_module
from importlib.util import find_spec

from django.apps import apps
from django.core.management.base import BaseCommand
from django.db import transaction


class Command(BaseCommand):
    help = "Charge le contenu de démonstration de chaque module (sans doublon si relancé)."

    def handle(self, *args, **options):
        # Each app that has demo content owns a `demo` module with `seed(stdout)`;
        # they run in INSTALLED_APPS order.
        for config in apps.get_app_configs():
            if find_spec(f"{config.name}.demo") is None:
                continue
            module = import_module(f"{config.name}.demo")
            with transaction.atomic():
                module.seed(self.stdout)
        self.stdout.write(self.style.SUCCESS("Contenu de démonstration prêt."))
