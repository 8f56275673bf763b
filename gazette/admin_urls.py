from django.urls import path

from gazette import admin_views

app_name = "gazette_admin"

urlpatterns = [
    path("", admin_views.issues, name="issues"),
    path("<int:pk>/", admin_views.issue_sending, name="sending"),
    path("<int:pk>/apercu/", admin_views.email_preview, name="preview"),
    path("<int:pk>/test/", admin_views.send_test, name="test"),
    path("<int:pk>/envoyer/", admin_views.send_now, name="send"),
    path("<int:pk>/programmer/", admin_views.schedule, name="schedule"),
    path("<int:pk>/deprogrammer/", admin_views.unschedule, name="unschedule"),
]
