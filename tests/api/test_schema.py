"""The OpenAPI schema: valid OpenAPI 3, every endpoint in it, every parameter and field
described in French; and a module's router, declared through `api.registry`, joins it."""

import pytest
from ninja import Router, Schema
from openapi_spec_validator import validate

from api import registry
from api.schemas import LinkedOut, TaggedOut
from api.site import build_api

pytestmark = pytest.mark.django_db

PATHS = [
    "/api/v1/actualites/",
    "/api/v1/retours-experience/",
    "/api/v1/ressources/",
    "/api/v1/thematiques/",
    "/api/v1/territoires/regions/",
    "/api/v1/territoires/departements/",
    "/api/v1/demarches/",
    "/api/v1/propositions/",
    "/api/v1/debats/",
    "/api/v1/evenements/",
    "/api/v1/structures/",
    "/api/v1/panorama/",
]


def _properties(schema):
    for name, component in schema["components"]["schemas"].items():
        for field, spec in component.get("properties", {}).items():
            yield f"{name}.{field}", spec


def test_schema_is_valid_openapi_3_with_every_endpoint_described_in_french(client):
    response = client.get("/api/v1/openapi.json")
    assert response.status_code == 200
    schema = response.json()
    validate(schema)
    assert schema["openapi"].startswith("3.")
    assert schema["info"]["title"] == "API publique de Maillage"
    assert set(PATHS) <= set(schema["paths"])

    for path, spec in schema["paths"].items():
        operation = spec["get"]
        assert operation["summary"], path
        for parameter in operation.get("parameters", []):
            assert parameter.get("description"), (path, parameter["name"])
    for path in PATHS:
        operation = schema["paths"][path]["get"]
        assert operation["summary"].startswith(("Lister", "Agrégats")), path
        assert {"200", "400", "401", "429"} <= set(operation["responses"]), path
    undescribed = [name for name, spec in _properties(schema) if not spec.get("description")]
    assert not undescribed
    fields = dict(_properties(schema))
    assert fields["EventOut.inscrits"]["description"] == "Inscriptions confirmées."
    assert schema["components"]["securitySchemes"]["jeton"]["scheme"] == "bearer"


def _subclasses(cls):
    for subclass in cls.__subclasses__():
        yield subclass
        yield from _subclasses(subclass)


def test_every_address_and_thematiques_field_uses_the_one_shared_resolver():
    """No endpoint writes its own `resolve_url` or `resolve_thematiques` again (a module's
    endpoint included, such as /suivis/)."""
    shared = {
        "url": LinkedOut._ninja_resolvers["url"],
        "thematiques": TaggedOut._ninja_resolvers["thematiques"],
    }
    modules = {
        operation.view_func.__module__
        for endpoint in registry.endpoints()
        for view in endpoint.router.path_operations.values()
        for operation in view.operations
    }
    seen = set()
    for schema in _subclasses(Schema):
        for field, resolver in shared.items():
            if field in schema.model_fields and schema.__module__ in modules:
                assert schema._ninja_resolvers.get(field) is resolver, (schema, field)
                seen.add(schema.__name__)
    assert {"ProposalOut", "ResultOut", "PageOut", "StructureOut", "ResourceOut"} <= seen


def test_a_module_adds_its_endpoint_by_registering_a_router(monkeypatch):
    monkeypatch.setattr(registry, "_endpoints", dict(registry._endpoints))
    router = Router(tags=["Suivi des résultats"])

    @router.get("/", summary="Lister les résultats suivis")
    def results(request):
        return []

    registry.register_router("resultats", router, order=999)
    with pytest.raises(ValueError, match="déjà déclaré"):
        registry.register_router("resultats", Router())

    api = build_api()
    paths = api.get_openapi_schema(path_prefix="/api/v1/")["paths"]
    assert "/api/v1/resultats/" in paths and list(paths)[-1] == "/api/v1/resultats/"
