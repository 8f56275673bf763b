from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LibraryConfig(AppConfig):
    name = "library"
    verbose_name = _("Ressources")

    def ready(self):
        from library import signals
        from library.models import Resource
        from participation import registry

        signals.connect()

        # Members comment and follow resources as they do news, outside any space.
        # A document of a restricted collection keeps Wagtail's protection: not open.
        # A resource its page has just read as public (`views.resource_detail`) says so.
        registry.register_content(
            Resource,
            space=lambda resource: None,
            is_visible_to=lambda resource, user: (
                getattr(resource, "read_as_public", False)
                or Resource.objects.public().filter(pk=resource.pk).exists()
            ),
            commentable=True,
            followable=True,
        )
