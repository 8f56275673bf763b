from django.apps import AppConfig


class DevtoolsConfig(AppConfig):
    """Development and load-run tooling: demo content, load data, the load runner's pages
    and query counting. Installed by the dev, test and load settings, never in production."""

    name = "devtools"
    verbose_name = "Outils de développement"
