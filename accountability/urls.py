from django.urls import path

from accountability import manage_views, views

app_name = "accountability"

urlpatterns = [
    path("demarche/<int:space_id>/", views.result_list, name="list"),
    path("demarche/<int:space_id>/nouveau/", manage_views.result_form, name="create"),
    path(
        "demarche/<int:space_id>/depuis-les-propositions/",
        manage_views.from_proposals,
        name="from_proposals",
    ),
    path("demarche/<int:space_id>/importer/", manage_views.import_csv, name="import"),
    path("demarche/<int:space_id>/export.csv", manage_views.export_csv, name="export"),
    path("chantier/<int:pk>/", views.result_detail, name="detail"),
    path("chantier/<int:pk>/modifier/", manage_views.result_form, name="edit"),
    path("chantier/<int:pk>/etape/", manage_views.entry_create, name="entry"),
    path("etape/<int:pk>/document/", views.entry_attachment, name="attachment"),
]
