"""The panorama's figures, computed from live profiles.

`compute_figures` returns plain, JSON-able data (labels and raw counts per dimension):
the same structure is cached for the live page and frozen in a snapshot. Hiding the small
counts happens when the figures become charts (`members.panorama.charts`), so a snapshot
keeps the counts and is shown with the rules of the day. Every dimension lists all its
categories, zeros included: listing only the non-empty ones would tell that someone is
there."""

from django.db.models import Count, Q
from django.utils.translation import gettext as _

from maillage import table_versions
from members.models import Mission, Profile, StructureType, TeamSize, TimeShare
from taxonomy.models import Departement, Region, Thematique

# Figures are exact (see maillage.table_versions); the timeout only frees memory.
CACHE_SECONDS = 24 * 3600
NOT_GIVEN = ""


def panorama_profiles(region=None, structure_type=""):
    profiles = Profile.objects.in_panorama()
    if region is not None:
        profiles = profiles.filter(region=region)
    if structure_type:
        profiles = profiles.filter(structure_type=structure_type)
    return profiles


def _counts(profiles, field):
    rows = profiles.order_by().values(field).annotate(n=Count("pk"))
    return {row[field] or NOT_GIVEN: row["n"] for row in rows}


def _choice_rows(counts, choices):
    rows = [(str(label), counts.get(value, 0)) for value, label in choices]
    rows.append((_("Non renseigné"), counts.get(NOT_GIVEN, 0)))
    return rows


def _mission_counts(profiles):
    """One query for every mission: a member counts once in each mission ticked."""
    counts = profiles.aggregate(
        **{value: Count("pk", filter=Q(missions__contains=[value])) for value in Mission.values}
    )
    return [(str(label), counts[value]) for value, label in Mission.choices]


def compute_figures(region=None, structure_type=""):
    """Counts of the members in the panorama, per dimension, for the filters given; with a
    région, only that région and its départements are listed."""
    profiles = panorama_profiles(region, structure_type)
    regions = Region.objects.all() if region is None else Region.objects.filter(pk=region.pk)
    departements = Departement.objects.filter(region__in=regions)
    by_region = _counts(profiles, "region_id")
    by_departement = _counts(profiles, "departement_id")
    by_thematique = _counts(profiles, "thematiques")
    return {
        "total": profiles.count(),
        "structure_type": _choice_rows(_counts(profiles, "structure_type"), StructureType.choices),
        "region": [
            *((r.name, by_region.get(r.pk, 0)) for r in regions),
            *([] if region else [(_("Non renseignée"), by_region.get(NOT_GIVEN, 0))]),
        ],
        "departement": [
            *((d.code, d.name, by_departement.get(d.pk, 0)) for d in departements),
            ("", _("Non renseigné"), by_departement.get(NOT_GIVEN, 0)),
        ],
        "missions": _mission_counts(profiles),
        "thematiques": [(t.name, by_thematique.get(t.pk, 0)) for t in Thematique.objects.all()],
        "team_size": _choice_rows(_counts(profiles, "team_size"), TeamSize.choices),
        "time_share": _choice_rows(_counts(profiles, "time_share"), TimeShare.choices),
    }


def live_figures(region=None, structure_type=""):
    """`compute_figures`, cached until a profile, a territory or a thématique changes."""
    key = table_versions.key(
        "panorama-figures", region.pk if region else None, structure_type or ""
    )
    return table_versions.cached(
        key, lambda: compute_figures(region, structure_type), CACHE_SECONDS
    )
