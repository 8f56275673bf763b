"""Output pieces every endpoint shares (territory, thématiques, the address on the site,
page of results), with French descriptions that the OpenAPI schema and the documentation
page show."""

from functools import cache

from ninja import Field, Schema
from pydantic import create_model
from wagtail.models import Page


class TerritoryOut(Schema):
    code: str = Field(..., description="Code INSEE de la région ou code du département.")
    nom: str = Field(..., alias="name", description="Nom du territoire.")


class ErrorOut(Schema):
    detail: str = Field(..., description="Ce qui ne va pas, en français.")


def absolute(context, path):
    """The absolute address of `path` for the request being answered."""
    return context["request"].build_absolute_uri(path) if path else None


def slugs(manager):
    """The slugs of prefetched thématiques."""
    return [thematique.slug for thematique in manager.all()]


def site_url(obj, context):
    """The absolute address of `obj` on the site: a Wagtail page's for the request's site,
    another object's `get_absolute_url()`."""
    if isinstance(obj, Page):
        return absolute(context, obj.get_url(context["request"]))
    return absolute(context, obj.get_absolute_url())


class LinkedOut(Schema):
    """Resolves `url`, which the schema declares (with its own description, in its own
    place among the fields): the object's address on the site."""

    @staticmethod
    def resolve_url(obj, context):
        return site_url(obj, context)


class TaggedOut(Schema):
    """Resolves `thematiques` (declared by the schema as `THEMATIQUES`): the slugs of the
    object's prefetched thématiques."""

    @staticmethod
    def resolve_thematiques(obj):
        return slugs(obj.thematiques)


THEMATIQUES = Field(..., description="Identifiants (slugs) des thématiques.")
REGION = Field(None, description="Région, si elle est renseignée.")
DEPARTEMENT = Field(None, description="Département, s’il est renseigné.")
MODIFIE_LE = Field(..., description="Date et heure de la dernière modification (ISO 8601).")


@cache
def page_of(item, name):
    """The schema of one page of `item`s, named `name` in the OpenAPI components."""
    return create_model(
        name,
        __base__=Schema,
        resultats=(list[item], Field(..., description="Les éléments de cette page.")),
        suivant=(
            str | None,
            Field(
                None,
                description="Curseur de la page suivante, à passer dans « curseur » ; "
                "null sur la dernière page.",
            ),
        ),
    )


ERRORS = {
    400: ErrorOut,
    401: ErrorOut,
    429: ErrorOut,
}
