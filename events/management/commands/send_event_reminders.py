from django.core.management.base import BaseCommand

from events import services


class Command(BaseCommand):
    help = "Rappelle aux inscrits les événements qui ont lieu d’ici demain soir (à lancer chaque jour)."

    def handle(self, *args, **options):
        sent = services.send_reminders()
        self.stdout.write(f"{sent} événement(s) rappelé(s) aux inscrits.")
