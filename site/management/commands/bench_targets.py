import json
from importlib import import_module
from importlib.util import find_spec

from django.apps import apps
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Liste en JSON les pages que la campagne de charge (bench/load.py) doit visiter."

    def handle(self, *args, **options):
        # Each app that has pages worth measuring owns a `bench` module whose `targets()`
        # returns dicts: name, path, and optionally method, data, login (member only).
        targets = []
        for config in apps.get_app_configs():
            if find_spec(f"{config.name}.bench") is not None:
                targets.extend(import_module(f"{config.name}.bench").targets())
        self.stdout.write(json.dumps(targets, ensure_ascii=False))
