from django.urls import path

from opendata import embeds, maps, views

app_name = "opendata"

urlpatterns = [
    path("", views.index, name="index"),
    path("reconstruire/", views.rebuild, name="rebuild"),
    path("widgets/", embeds.generator, name="widgets"),
    path("widgets/<slug:kind>/cadre/", embeds.frame, name="widget_frame"),
    path("widgets/<slug:kind>/fragment/", embeds.fragment, name="widget_fragment"),
    path("carte/", maps.map_page, name="map"),
    path("carte/donnees.geojson", maps.map_geojson, name="map_geojson"),
]
