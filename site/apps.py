from django.apps import AppConfig
from django.db.backends.signals import connection_created
from django.utils.translation import gettext_lazy as _


class MaillageConfig(AppConfig):
    name = "maillage"
    verbose_name = _("Maillage")

    def ready(self):
        from maillage.page_cache import install_write_detector

        connection_created.connect(install_write_detector, dispatch_uid="page_cache_writes")
