"""Demo structures: the 19 centres de ressources politique de la ville (names close to
the real ones, websites and territories for the demo only) and a few dozen EPCI, communes,
préfectures, collectivités and bailleurs; the demo members are attached to theirs, and one
proposal awaits an editor's validation."""

import json
from pathlib import Path

from members.models import Profile, User
from structures.models import Structure
from taxonomy.models import Departement

DATA = Path(__file__).resolve().parent / "data" / "structures" / "structures.json"


def _structure(row, departements, **extra):
    departement = departements[row["departement"]]
    structure, _created = Structure.objects.update_or_create(
        name=row["name"],
        defaults={
            "type": row["type"],
            "departement": departement,
            "region": departement.region,
            "website": row["website"],
            **extra,
        },
    )
    return structure


def seed(stdout):
    data = json.loads(DATA.read_text(encoding="utf-8"))
    departements = {d.code: d for d in Departement.objects.select_related("region")}
    structures = {
        row["name"]: _structure(row, departements, validated=True) for row in data["structures"]
    }
    for alias, name in data["aliases"].items():
        structures[alias] = structures[name]
    for profile in Profile.objects.filter(structure_name__in=list(structures)):
        structure = structures[profile.structure_name]
        Profile.objects.filter(pk=profile.pk).update(
            structure=structure, structure_name=structure.name, structure_type=structure.type
        )
    proposal = data["proposal"]
    _structure(
        proposal,
        departements,
        validated=False,
        proposed_by=User.objects.filter(email=proposal["email"]).first(),
    )
    stdout.write(
        f"Structures de démonstration : {len(data['structures'])} validées, dont les "
        "centres de ressources, et une proposition à valider."
    )
