from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ApiConfig(AppConfig):
    name = "api"
    verbose_name = _("API publique")

    def ready(self):
        from api import registry
        from api.endpoints import ENDPOINTS

        for order, (prefix, router) in enumerate(ENDPOINTS):
            registry.register_router(prefix, router, order=order)
