from django.urls import path

from mentions import views

app_name = "mentions"

urlpatterns = [path("membres/", views.suggest, name="suggest")]
