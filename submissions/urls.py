from django.urls import path

from submissions import views

app_name = "submissions"
urlpatterns = [
    path("", views.my_contributions, name="mine"),
    path("proposer/<str:kind>/", views.propose, name="propose"),
    path("<int:pk>/modifier/", views.edit, name="edit"),
    path("<int:pk>/supprimer/", views.delete, name="delete"),
]
