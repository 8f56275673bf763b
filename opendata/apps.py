from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class OpenDataConfig(AppConfig):
    name = "opendata"
    verbose_name = _("Données ouvertes")

    def ready(self):
        from opendata import signals
        from opendata.datasets import agenda, panorama, participation
        from opendata.registry import register_dataset

        register_dataset(
            "propositions",
            title=_("Propositions"),
            description=_(
                "Les propositions publiées dans les démarches publiques, avec leurs soutiens, "
                "leurs réponses officielles et leur état."
            ),
            columns=participation.PROPOSAL_COLUMNS,
            rows=participation.proposal_rows,
            order=10,
        )
        register_dataset(
            "debats",
            title=_("Débats"),
            description=_("Les débats des démarches publiques et leurs conclusions."),
            columns=participation.DEBATE_COLUMNS,
            rows=participation.debate_rows,
            order=20,
        )
        register_dataset(
            "evenements",
            title=_("Événements"),
            description=_(
                "L’agenda du réseau : rencontres, visites, webinaires, passés et à venir, "
                "hors événements des démarches non publiques."
            ),
            columns=agenda.EVENT_COLUMNS,
            rows=agenda.event_rows,
            order=30,
        )
        register_dataset(
            "ressources",
            title=_("Ressources"),
            description=_(
                "Les métadonnées des documents de la bibliothèque en accès libre, avec "
                "leur adresse de téléchargement."
            ),
            columns=agenda.RESOURCE_COLUMNS,
            rows=agenda.resource_rows,
            order=40,
        )
        register_dataset(
            "panorama",
            title=_("Panorama des acteurs"),
            description=_(
                "Les effectifs des membres qui ont accepté de figurer au panorama, par type "
                "de structure, région, département, mission, thématique, temps consacré et "
                "taille d’équipe ; tout effectif de moins de 5 est masqué."
            ),
            columns=panorama.PANORAMA_COLUMNS,
            rows=panorama.panorama_rows,
            order=60,
        )
        post_migrate.connect(
            signals.grant_rebuild_permission,
            sender=self,
            dispatch_uid="opendata_grant_rebuild_permission",
        )
