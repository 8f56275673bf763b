from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ApiConfig(AppConfig):
    name = "api"
    verbose_name = _("API publique")

    def ready(self):
        from api import registry
        from api.endpoints import ENDPOINTS
        from api.models import ApiToken
        from privacy.api import register_erasure, register_export

        for order, (prefix, router) in enumerate(ENDPOINTS):
            registry.register_router(prefix, router, order=order)
        # A member's tokens are their own: exported without their hash, and deleted with
        # the account.
        register_export(ApiToken, exclude=["key_hash"])
        register_erasure(ApiToken, "user")
