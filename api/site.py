"""The API object (django-ninja): its description, French errors, the documentation page
and the routers of `api.registry`, built once when the URLs are first loaded."""

from django.http import Http404
from django.utils.translation import gettext as _
from ninja import NinjaAPI
from ninja.errors import ValidationError
from ninja.openapi.docs import Swagger
from ninja.renderers import JSONRenderer

from api import registry
from api.errors import BadRequest, validation_message

DESCRIPTION = """\
Les contenus publics du réseau Maillage, en lecture seule, en JSON.

**Sans jeton**, l’API donne exactement ce qu’un visiteur non connecté voit sur le site.
**Avec un jeton personnel** (à créer dans « Mon compte › Jetons d’accès à l’API »), envoyé
dans l’en-tête `Authorization: Bearer <jeton>`, elle donne ce que son membre peut voir
(démarches réservées aux membres, démarches privées où il est invité).

Les listes sont paginées par curseur (`limite` de 1 à 100, `curseur` = la valeur
« suivant » de la page précédente), dans un ordre stable : les plus récemment modifiés
d’abord, puis par identifiant. Chaque réponse porte un `ETag` (et un `Last-Modified`
quand les éléments ont une date) : renvoyez-les dans `If-None-Match` /
`If-Modified-Since` pour recevoir un `304` sans contenu. Au-delà de la limite de
requêtes, la réponse est `429` avec `Retry-After` (en secondes). Une valeur de filtre
invalide donne une erreur `400` en français.
"""

SECURITY_SCHEME = {
    "type": "http",
    "scheme": "bearer",
    "description": "Jeton personnel d’un membre, facultatif : sans jeton, données publiques.",
}


class Renderer(JSONRenderer):
    """JSON in UTF-8 as written (« é » rather than \\u00e9)."""

    json_dumps_params = {"ensure_ascii": False}


class MaillageAPI(NinjaAPI):
    def get_openapi_schema(self, *args, **kwargs):
        """The generated schema, with the optional bearer token declared."""
        schema = super().get_openapi_schema(*args, **kwargs)
        schema["components"].setdefault("securitySchemes", {})["jeton"] = SECURITY_SCHEME
        schema["security"] = [{}, {"jeton": []}]
        return schema


class Docs(Swagger):
    """Swagger UI from the files django-ninja ships (no CDN), in a French page whose
    script is a static file (the site's CSP runs no inline script)."""

    template = "api/docs.html"


def build_api():
    api = MaillageAPI(
        title=_("API publique de Maillage"),
        version="1",
        description=DESCRIPTION,
        urls_namespace="api-v1",
        renderer=Renderer(),
        docs=Docs(settings={"defaultModelsExpandDepth": 0}),
        docs_url="/docs/",
        openapi_url="/openapi.json",
    )

    @api.exception_handler(BadRequest)
    def bad_request(request, exc):
        return api.create_response(request, {"detail": exc.message}, status=400)

    @api.exception_handler(ValidationError)
    def invalid_parameters(request, exc):
        return api.create_response(request, {"detail": validation_message(exc.errors)}, status=400)

    @api.exception_handler(Http404)
    def not_found(request, exc):
        return api.create_response(request, {"detail": _("Adresse inconnue.")}, status=404)

    for endpoint in registry.endpoints():
        api.add_router(f"/{endpoint.prefix}/", endpoint.router)
    return api
