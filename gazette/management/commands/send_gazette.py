from django.core.management.base import BaseCommand

from gazette.tasks import send_due_issues


class Command(BaseCommand):
    help = (
        "Lance l’envoi des numéros de la gazette programmés dont l’heure est venue et "
        "reprend ceux qu’un arrêt a interrompus (à lancer par cron toutes les 5 minutes ; "
        "personne ne reçoit un numéro deux fois)."
    )

    def handle(self, *args, **options):
        result = send_due_issues.enqueue()
        self.stdout.write(f"Tâche {result.id} mise en file.")
