"""The panorama of actors' aggregates, from the same figures and with the same hidden
cells as /membres/panorama/ (`members.panorama`): a count from 0 to 4 is null with the
text « moins de 5 », a lone hidden cell gets its partner hidden, and a filtered group
under five people shows no figure at all."""

from django.http import HttpResponse
from ninja import Field, Query, Router, Schema

from api import filters
from api.schemas import ERRORS
from content.charts import display_count
from members.models import StructureType
from members.panorama.charts import build_panorama
from members.panorama.figures import live_figures

TYPES = ", ".join(f"{value} ({label})" for value, label in StructureType.choices)


class CellOut(Schema):
    modalite: str = Field(..., alias="label", description="Catégorie.")
    effectif: int | None = Field(
        None, alias="count", description="Nombre de membres ; null si masqué (moins de 5)."
    )
    affichage: str = Field(..., alias="display", description="Le nombre ou « moins de 5 ».")
    part: float | None = Field(
        None, alias="share", description="Part en pourcentage ; null si masquée."
    )


class ChartOut(Schema):
    titre: str = Field(..., description="Nom de l’agrégat.")
    description: str = Field(..., description="Ce qui est compté.")
    lignes: list[CellOut] = Field(..., description="Une ligne par catégorie, zéros compris.")


class PanoramaOut(Schema):
    total: int | None = Field(
        None, description="Membres comptés dans le panorama ; null s’ils sont moins de 5."
    )
    total_affichage: str = Field(..., description="Le total ou « moins de 5 ».")
    agregats: list[ChartOut] = Field(..., description="Les agrégats, départements compris.")


class PanoramaParams(Schema):
    region: str | None = filters.REGION
    type_structure: StructureType | None = Field(None, description=f"Type de structure : {TYPES}.")


panorama = Router(tags=["Panorama des acteurs"])


@panorama.get(
    "/",
    response={200: PanoramaOut, **ERRORS},
    summary="Agrégats du panorama des acteurs",
    description="Effectifs des membres qui ont accepté d’être comptés, par dimension, "
    "petits effectifs masqués comme sur /membres/panorama/.",
)
def get_panorama(request, response: HttpResponse, params: Query[PanoramaParams]):
    region = filters.region(params.region) if params.region else None
    result = build_panorama(live_figures(region, params.type_structure or ""))
    return {
        "total": None if result.suppressed_total else result.total,
        "total_affichage": display_count(result.total),
        "agregats": [
            {
                "titre": str(chart.title),
                "description": str(chart.description),
                "lignes": chart.rows,
            }
            for chart in result.all_charts()
        ],
    }
