from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ContentConfig(AppConfig):
    """Building blocks every content app shares (blocks, abstract page, listing helpers):
    it has no models of its own, so `home`, `editorial` and `library` can all build on it
    without importing one another."""

    name = "content"
    verbose_name = _("Contenus (socle commun)")
