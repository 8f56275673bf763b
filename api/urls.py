"""/api/v1/ (the read API, namespace "api-v1" that django-ninja reverses) and
/api/jetons/ (a member's tokens, namespace "api")."""

from django.urls import include, path

from api import views
from api.gateway import api_view
from api.site import build_api

_api_patterns, _app_name, namespace = build_api().urls

# Every URL of the API passes through the gateway (token, rate limit, CORS, 304).
v1_patterns = [
    path(str(pattern.pattern), api_view(pattern.callback), name=pattern.name)
    for pattern in _api_patterns
]
token_patterns = [
    path("", views.token_list, name="tokens"),
    path("<int:pk>/revoquer/", views.token_revoke, name="token_revoke"),
]

urlpatterns = [
    path("v1/", include((v1_patterns, namespace))),
    path("jetons/", include((token_patterns, "api"))),
]
