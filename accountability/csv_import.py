"""Import and update a space's results from a CSV file, all or nothing: every line is
checked, and nothing is saved unless every line is right; the moderator gets one French
message per wrong line. The columns (the export writes the same ones) are listed in
`COLUMNS`, which the import page shows."""

import csv
import io
from dataclasses import dataclass
from datetime import date, datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from accountability import services
from accountability.models import Result
from proposals.models import Proposal
from structures.models import Structure
from taxonomy.models import Departement, Region, Thematique

MAX_LINES = 2000

# (column, what it holds), in the order of the export.
COLUMNS = [
    (
        "reference",
        gettext_lazy(
            "Référence unique dans la démarche : une ligne dont la référence "
            "existe déjà met ce chantier à jour, sinon elle le crée."
        ),
    ),
    ("titre", gettext_lazy("Titre du chantier (obligatoire).")),
    ("description", gettext_lazy("Texte simple.")),
    ("etat", gettext_lazy("Nom d’un état de la démarche, par exemple « En cours ».")),
    ("avancement", gettext_lazy("Nombre entier de 0 à 100 ; vide : l’avancement de l’état.")),
    ("debut", gettext_lazy("Date de début, JJ/MM/AAAA ou AAAA-MM-JJ.")),
    ("fin", gettext_lazy("Date de fin, postérieure au début.")),
    ("thematiques", gettext_lazy("Identifiants (slugs) ou noms, séparés par « | ».")),
    ("region", gettext_lazy("Code INSEE de la région.")),
    ("departement", gettext_lazy("Code du département (la région suit).")),
    ("structure", gettext_lazy("Identifiant (slug) d’une structure validée.")),
    (
        "parent",
        gettext_lazy("Référence du chantier parent (existant ou plus haut dans le fichier)."),
    ),
    ("propositions", gettext_lazy("Numéros des propositions de la démarche, séparés par « | ».")),
]
REQUIRED = {"reference", "titre"}
SEPARATOR = "|"


@dataclass
class Report:
    created: int = 0
    updated: int = 0
    errors: list = None

    @property
    def ok(self):
        return not self.errors


class LineError(Exception):
    pass


def _split(value):
    return [part.strip() for part in value.split(SEPARATOR) if part.strip()]


def _date(value, column):
    if not value:
        return None
    for pattern in ("%d/%m/%Y", "%Y-%m-%d"):
        try:
            return datetime.strptime(value, pattern).date()
        except ValueError:
            continue
    raise LineError(
        _("la colonne « %(column)s » attend une date JJ/MM/AAAA, pas « %(value)s »")
        % {"column": column, "value": value}
    )


class _Lookups:
    """Everything the lines name, read once for the whole file."""

    def __init__(self, space):
        self.statuses = {s.name.casefold(): s for s in services.statuses(space)}
        self.thematiques = {}
        for thematique in Thematique.objects.all():
            self.thematiques[thematique.slug.casefold()] = thematique
            self.thematiques[thematique.name.casefold()] = thematique
        self.regions = {r.code: r for r in Region.objects.all()}
        self.departements = {d.code: d for d in Departement.objects.all()}
        self.results = {
            r.reference: r for r in Result.objects.filter(space=space).exclude(reference="")
        }
        self.proposals = set(
            Proposal.objects.listed().filter(space=space).values_list("pk", flat=True)
        )


def _one(mapping, key, message):
    if not key:
        return None
    try:
        return mapping[key]
    except KeyError:
        raise LineError(message) from None


def _apply(row, space, lookups):
    """Fill a result from the line; returns (result, thematiques, proposal ids, status
    before). Raises LineError with what is wrong."""
    reference = row.get("reference", "")
    if not reference:
        raise LineError(_("la référence est vide"))
    result = lookups.results.get(reference) or Result(space=space, reference=reference)
    previous_status = result.status_id
    result.title = row.get("titre", "")
    if not result.title:
        raise LineError(_("le titre est vide"))
    result.description = row.get("description", "")
    names = ", ".join(s.name for s in lookups.statuses.values())
    result.status = _one(
        lookups.statuses,
        row.get("etat", "").casefold(),
        _("l’état « %(value)s » n’existe pas dans cette démarche (états : %(names)s)")
        % {"value": row.get("etat", ""), "names": names},
    )
    progress = row.get("avancement", "")
    if progress:
        try:
            result.progress = int(progress)
        except ValueError:
            raise LineError(
                _("l’avancement « %(value)s » n’est pas un nombre entier") % {"value": progress}
            ) from None
        if not 0 <= result.progress <= 100:
            raise LineError(_("l’avancement doit être compris entre 0 et 100"))
    else:
        result.progress = None
    result.start_date = _date(row.get("debut", ""), "debut")
    result.end_date = _date(row.get("fin", ""), "fin")
    result.region = _one(
        lookups.regions,
        row.get("region", ""),
        _("la région « %(value)s » est inconnue") % {"value": row.get("region")},
    )
    result.departement = _one(
        lookups.departements,
        row.get("departement", ""),
        _("le département « %(value)s » est inconnu") % {"value": row.get("departement")},
    )
    structure = row.get("structure", "")
    result.structure = None
    if structure:
        result.structure = Structure.objects.validated().filter(slug=structure).first()
        if result.structure is None:
            raise LineError(_("la structure « %(value)s » est inconnue") % {"value": structure})
    parent = row.get("parent", "")
    result.parent = _one(
        lookups.results,
        parent,
        _(
            "le chantier parent « %(value)s » n’existe pas (il doit figurer plus haut dans le "
            "fichier ou déjà dans la démarche)"
        )
        % {"value": parent},
    )
    thematiques = [
        _one(
            lookups.thematiques,
            name.casefold(),
            _("la thématique « %(value)s » est inconnue") % {"value": name},
        )
        for name in _split(row.get("thematiques", ""))
    ]
    proposal_ids = []
    for number in _split(row.get("propositions", "")):
        if not number.isdigit() or int(number) not in lookups.proposals:
            raise LineError(
                _("la proposition n° %(value)s n’est pas une proposition publiée de cette démarche")
                % {"value": number}
            )
        proposal_ids.append(int(number))
    return result, thematiques, proposal_ids, previous_status


def _messages(error):
    if hasattr(error, "message_dict"):
        return [" ".join(str(m) for m in messages) for messages in error.message_dict.values()]
    return [str(m) for m in error.messages]


def import_results(user, space, text):
    """Read the CSV `text`; returns a Report. Everything runs in one transaction rolled
    back at the first wrong line's end of file: either every line is saved, or none."""
    report = Report(errors=[])
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;")
    except csv.Error:
        dialect = csv.excel
    reader = csv.DictReader(io.StringIO(text), dialect=dialect)
    header = [(name or "").strip().lower() for name in (reader.fieldnames or [])]
    missing = REQUIRED - set(header)
    if missing:
        report.errors.append(
            _("Ligne 1 : colonnes obligatoires absentes : %(columns)s.")
            % {"columns": ", ".join(sorted(missing))}
        )
        return report
    reader.fieldnames = header
    with transaction.atomic():
        lookups = _Lookups(space)
        for number, raw in enumerate(reader, start=2):
            if number > MAX_LINES + 1:
                report.errors.append(_("Le fichier dépasse %(max)d lignes.") % {"max": MAX_LINES})
                break
            row = {key: (value or "").strip() for key, value in raw.items() if key}
            if not any(row.values()):
                continue
            try:
                with transaction.atomic():
                    result, thematiques, proposal_ids, previous = _apply(row, space, lookups)
                    is_new = result.pk is None
                    services.save_result(
                        user,
                        result,
                        thematiques=thematiques,
                        proposals=proposal_ids,
                        previous_status_id=previous,
                    )
            except LineError as error:
                report.errors.append(
                    _("Ligne %(line)d : %(error)s.") % {"line": number, "error": error}
                )
                continue
            except ValidationError as error:
                for message in _messages(error):
                    report.errors.append(
                        _("Ligne %(line)d : %(error)s") % {"line": number, "error": message}
                    )
                continue
            lookups.results[result.reference] = result
            if is_new:
                report.created += 1
            else:
                report.updated += 1
        if report.errors:
            transaction.set_rollback(True)
            report.created = report.updated = 0
    return report


def export_rows(results, tree):
    """The lines of the export, in the import's columns (plus the computed progress)."""
    for result in results:
        yield [
            result.reference,
            result.title,
            result.description,
            result.status.name if result.status else "",
            "" if result.progress is None else result.progress,
            _format(result.start_date),
            _format(result.end_date),
            SEPARATOR.join(t.slug for t in result.thematiques.all()),
            result.region.code if result.region else "",
            result.departement.code if result.departement else "",
            result.structure.slug if result.structure else "",
            result.parent.reference if result.parent else "",
            SEPARATOR.join(str(p.pk) for p in result.proposals.all()),
            "" if tree.progress(result.pk) is None else tree.progress(result.pk),
        ]


def _format(value):
    return value.strftime("%d/%m/%Y") if isinstance(value, date) else ""
