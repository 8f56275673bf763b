from django.core.management.base import BaseCommand

from participation.notifications import daily


class Command(BaseCommand):
    help = (
        "Annonce les changements de phase et envoie les résumés de notifications dus "
        "(à lancer chaque jour par cron ; rien n’est envoyé deux fois)."
    )

    def handle(self, *args, **options):
        announced, sent = daily.run()
        self.stdout.write(
            f"{announced} changement(s) de phase annoncé(s), {sent} résumé(s) envoyé(s)."
        )
