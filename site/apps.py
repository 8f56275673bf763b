from django.apps import AppConfig
from django.db.backends.signals import connection_created
from django.utils.translation import gettext_lazy as _


class MaillageConfig(AppConfig):
    name = "maillage"
    verbose_name = _("Maillage")

    def ready(self):
        from maillage import csrf_tokens, french_plurals, table_versions

        csrf_tokens.install()
        french_plurals.connect()
        connection_created.connect(table_versions.install, dispatch_uid="table_versions")
