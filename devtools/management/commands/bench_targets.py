import json
from importlib import import_module

from django.core.management.base import BaseCommand

from devtools import pages


class Command(BaseCommand):
    help = "Liste en JSON les pages que la campagne de charge (bench/load.py) doit visiter."

    def handle(self, *args, **options):
        targets = []
        for name in pages.MODULES:
            targets.extend(import_module(f"devtools.pages.{name}").targets())
        self.stdout.write(json.dumps(targets, ensure_ascii=False))
