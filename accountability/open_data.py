"""The open dataset of the follow-up: the results (chantiers) of the public spaces that use
the module, with their progress by the module's rules, in one query per batch of rows and
one for the progress of every space."""

from django.utils.translation import gettext_lazy as _

from accountability.models import Result
from accountability.progress import ProgressTree
from accountability.rules import MODULE
from opendata.datasets.common import ANONYMOUS, CHUNK, absolute, moment, names, territory
from opendata.registry import Column
from participation.spaces.api import SpacePage

COLUMNS = [
    Column("id", _("Identifiant du chantier sur Maillage.")),
    Column("demarche", _("Titre de la démarche participative qui suit ce chantier.")),
    Column("reference", _("Référence du chantier dans sa démarche.")),
    Column("parent", _("Identifiant du chantier parent, vide pour un chantier de premier niveau.")),
    Column("titre", _("Titre du chantier.")),
    Column("description", _("Ce qui a été décidé et ce qui est fait (texte simple).")),
    Column("etat", _("État du chantier, dans la liste propre à sa démarche.")),
    Column(
        "avancement",
        _(
            "Avancement en pourcentage : moyenne des chantiers enfants quand il en a, sinon "
            "celui fixé à la main ou celui de son état ; vide : sans objet (abandonné)."
        ),
    ),
    Column("debut", _("Date de début (AAAA-MM-JJ).")),
    Column("fin", _("Date de fin prévue (AAAA-MM-JJ).")),
    Column("structure", _("Structure responsable.")),
    Column("thematiques", _("Thématiques, séparées par « ; ».")),
    Column("region", _("Région concernée, vide si aucune.")),
    Column("departement", _("Département concerné (nom et code), vide si aucun.")),
    Column("modifie_le", _("Date de la dernière modification (ISO 8601).")),
    Column("url", _("Adresse du chantier sur Maillage.")),
]


def result_rows():
    spaces = SpacePage.objects.visible_to(ANONYMOUS).filter(modules__contains=[MODULE])
    results = Result.objects.filter(space__in=spaces)
    tree = ProgressTree.for_spaces(spaces.values("pk"))
    rows = (
        results.select_related("space", "status", "structure", "region", "departement")
        .prefetch_related("thematiques")
        .order_by("pk")
    )
    for result in rows.iterator(chunk_size=CHUNK):
        yield (
            result.pk,
            result.space.title,
            result.reference,
            result.parent_id,
            result.title,
            result.description,
            result.status.name if result.status_id else "",
            tree.progress(result.pk),
            result.start_date.isoformat() if result.start_date else None,
            result.end_date.isoformat() if result.end_date else None,
            str(result.structure) if result.structure_id else "",
            names(result.thematiques.all()),
            *territory(result),
            moment(result.updated_at),
            absolute(result.get_absolute_url()),
        )
