from django.conf import settings
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path
from django.views.generic import TemplateView
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps import Sitemap
from wagtail.documents import urls as wagtaildocs_urls

from maillage import views

handler403 = views.permission_denied
handler404 = views.page_not_found
handler500 = views.server_error

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("comptes/", include("allauth.urls")),
    path("membres/", include("members.urls")),
    path("structures/", include("structures.urls")),
    path("participer/", include("participation.urls")),
    path("debats/", include("debates.urls")),
    path("agenda/", include("events.urls")),
    path("barcamp/", include("barcamp.urls")),
    path("propositions/", include("proposals.urls")),
    path("messages/", include("messaging.urls")),
    path("recherche/", include("search.urls")),
    path("mes-donnees/", include("privacy.urls")),
    path("gazette/", include("gazette.urls")),
    path("api/", include("api.urls")),
    path("donnees-ouvertes/", include("opendata.urls")),
    path("suivi/", include("accountability.urls")),
    path("contributions/", include("submissions.urls")),
    # Beside the library's Wagtail page (/ressources/), which keeps its own address.
    path("ressources/", include("library.urls")),
    path("mentions/", include("mentions.urls")),
    path("sitemap.xml", sitemap, {"sitemaps": {"pages": Sitemap}}),
    path(
        "robots.txt",
        TemplateView.as_view(template_name="robots.txt", content_type="text/plain"),
    ),
]

if settings.DEBUG:
    from django.conf.urls.static import static
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Wagtail's page serving comes last: it matches every remaining URL (content/routing.py).
urlpatterns += [path("", include("content.routing"))]
