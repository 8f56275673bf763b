"""Loads the reference data shipped in taxonomy/data; safe to run again."""

import json
from pathlib import Path

from django.utils.text import slugify

DATA_DIR = Path(__file__).resolve().parent / "data"


def load_territories(Region, Departement):
    data = json.loads((DATA_DIR / "territoires.json").read_text(encoding="utf-8"))
    regions = {}
    for row in data["regions"]:
        regions[row["code"]], _ = Region.objects.update_or_create(
            code=row["code"], defaults={"name": row["name"], "overseas": row["overseas"]}
        )
    for row in data["departements"]:
        Departement.objects.update_or_create(
            code=row["code"], defaults={"name": row["name"], "region": regions[row["region"]]}
        )


def load_thematiques(Thematique):
    data = json.loads((DATA_DIR / "thematiques.json").read_text(encoding="utf-8"))
    for row in data:
        Thematique.objects.get_or_create(
            slug=slugify(row["name"]),
            defaults={"name": row["name"], "description": row["description"]},
        )
