from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TaxonomyConfig(AppConfig):
    name = "taxonomy"
    verbose_name = _("Thématiques et territoires")

    def ready(self):
        from participation import registry
        from taxonomy.models import Departement, Region

        # Members follow a territory: what is published there reaches them (the follower
        # lookup of participation.notifications reads `region` and `departement`).
        for model in (Region, Departement):
            registry.register_content(model, space=lambda territory: None, followable=True)
