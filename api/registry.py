"""The routers of the read API, declared by the apps that own their data.

A module adds its endpoint from its `AppConfig.ready()`, without touching `api/`:

    from api import registry
    from accountability.api_endpoints import router

    registry.register_router("suivis", router, order=120)

`api.site` builds the API (and its OpenAPI schema) from this list the first time the URLs
are loaded, after every app is ready. The router's operations receive `request.user`: the
owner of the caller's token, or an anonymous user; they filter with the module's own
visibility rules and page with `api.pagination.recent_page` (or `page`); their output
schemas take the address and thématiques resolvers from `api.schemas` (`LinkedOut`,
`TaggedOut`).
"""

from dataclasses import dataclass

from ninja import Router


@dataclass(frozen=True)
class Endpoint:
    prefix: str
    router: Router
    order: int


_endpoints: dict[str, Endpoint] = {}


def register_router(prefix, router, *, order=100):
    """Publish `router` under /api/v1/<prefix>/ (listed in the documentation by `order`)."""
    if prefix in _endpoints and _endpoints[prefix].router is not router:
        raise ValueError(f"Le préfixe d’API « {prefix} » est déjà déclaré.")
    _endpoints[prefix] = Endpoint(prefix, router, order)


def endpoints():
    return sorted(_endpoints.values(), key=lambda endpoint: (endpoint.order, endpoint.prefix))
