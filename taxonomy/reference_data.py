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


def retypeset_apostrophes(Region, Departement, Thematique):
    """Replace the straight-apostrophe text shipped before by the shipped typographic one.

    A row is changed only while it holds exactly the old shipped text, so an editor's own
    wording survives."""
    territories = json.loads((DATA_DIR / "territoires.json").read_text(encoding="utf-8"))
    thematiques = json.loads((DATA_DIR / "thematiques.json").read_text(encoding="utf-8"))
    shipped = [
        (Region, "name", [row["name"] for row in territories["regions"]]),
        (Departement, "name", [row["name"] for row in territories["departements"]]),
        (Thematique, "name", [row["name"] for row in thematiques]),
        (Thematique, "description", [row["description"] for row in thematiques]),
    ]
    for model, field, texts in shipped:
        for text in texts:
            straight = text.replace("\N{RIGHT SINGLE QUOTATION MARK}", "'")
            if straight != text:
                model.objects.filter(**{field: straight}).update(**{field: text})
