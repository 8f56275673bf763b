from django.urls import path

from debates import views

app_name = "debates"

urlpatterns = [
    path("", views.debate_list, name="list"),
    path("demarche/<int:space_id>/nouveau/", views.debate_create, name="create"),
    path("<int:pk>/", views.debate_detail, name="detail"),
    path("<int:pk>/modifier/", views.debate_edit, name="edit"),
    path("<int:pk>/conclure/", views.debate_close, name="close"),
]
