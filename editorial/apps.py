from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EditorialConfig(AppConfig):
    name = "editorial"
    verbose_name = _("Contenus éditoriaux")

    def ready(self):
        from editorial import signals
        from editorial.models import ExperiencePage, NewsPage
        from participation import registry

        signals.connect()

        # Members comment news and experience pages, outside any space.
        for model in (NewsPage, ExperiencePage):
            registry.register_content(
                model, space=lambda page: None, commentable=True, followable=True
            )
