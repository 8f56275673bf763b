"""The open data files: written under MEDIA_ROOT (default storage, folder
`donnees-ouvertes/`, public: they hold only what an anonymous visitor sees), each one
first under a temporary name in the same folder and then renamed over the old one
(`os.replace`, atomic on one file system), so a download gets the previous file or the
new one, never a half-written one.

Each dataset gives `<slug>.csv` (UTF-8 with a byte-order mark, formula-safe through
`maillage.csv_export`), `<slug>.json` (a header object, `metadata`, then `donnees`, one
object per row) and `<slug>.metadata.json` (the same metadata with the row count); the
rows are read once for both files. `donnees-ouvertes.zip` holds them all."""

import json
import os
import tempfile
import zipfile
from contextlib import contextmanager

from django.conf import settings
from django.core.files.storage import default_storage
from django.core.serializers.json import DjangoJSONEncoder
from django.utils import timezone
from django.utils.translation import gettext as _

from maillage.csv_export import csv_lines
from opendata import registry

FOLDER = "donnees-ouvertes"
ARCHIVE = "donnees-ouvertes.zip"
LICENCE = "Licence Ouverte / Etalab 2.0"
LICENCE_URL = "https://www.etalab.gouv.fr/licence-ouverte-open-licence/"
KINDS = ("csv", "json", "metadata.json")


def storage_name(filename):
    return f"{FOLDER}/{filename}"


def filename(dataset, kind):
    return f"{dataset.slug}.{kind}"


@contextmanager
def atomic_file(name, mode="w"):
    """A file of the default storage written under a temporary name in its folder, then
    renamed over `name` once complete; removed if writing fails."""
    final = default_storage.path(storage_name(name))
    folder = os.path.dirname(final)
    os.makedirs(folder, exist_ok=True)
    descriptor, temporary = tempfile.mkstemp(dir=folder, prefix=".en-cours-", suffix="-" + name)
    try:
        encoding = {"encoding": "utf-8", "newline": ""} if "b" not in mode else {}
        with os.fdopen(descriptor, mode, **encoding) as handle:
            yield handle
        os.chmod(temporary, 0o644)  # served by the web server like any public upload
        os.replace(temporary, final)
    except BaseException:
        os.unlink(temporary)
        raise


def metadata(dataset, built_at):
    return {
        "titre": str(dataset.title),
        "description": str(dataset.description),
        "producteur": str(_("Maillage, plateforme du réseau de la politique de la ville")),
        "source": settings.WAGTAILADMIN_BASE_URL,
        "licence": LICENCE,
        "licence_url": LICENCE_URL,
        "produit_le": timezone.localtime(built_at).isoformat(timespec="seconds"),
        "encodage": "UTF-8",
        "fichiers": {"csv": filename(dataset, "csv"), "json": filename(dataset, "json")},
        "colonnes": [
            {"nom": column.name, "description": str(column.description)}
            for column in dataset.columns
        ],
    }


def write_dataset(dataset, built_at):
    """Writes the dataset's three files; returns its number of rows."""
    header = metadata(dataset, built_at)
    count = 0
    with atomic_file(filename(dataset, "csv")) as csv_file:
        with atomic_file(filename(dataset, "json")) as json_file:
            json_file.write('{"metadata": ')
            json_file.write(json.dumps(header, ensure_ascii=False, indent=1))
            json_file.write(',\n "donnees": [')

            def rows():
                nonlocal count
                for row in dataset.rows():
                    record = dict(zip(dataset.column_names, row, strict=True))
                    json_file.write(",\n  " if count else "\n  ")
                    json_file.write(json.dumps(record, ensure_ascii=False, cls=DjangoJSONEncoder))
                    count += 1
                    yield row

            for line in csv_lines(dataset.column_names, rows()):
                csv_file.write(line)
            json_file.write("\n ]\n}\n")
    with atomic_file(filename(dataset, "metadata.json")) as metadata_file:
        json.dump({**header, "lignes": count}, metadata_file, ensure_ascii=False, indent=1)
    return count


def write_archive(datasets):
    """The zip of every dataset's files, with the licence's name in its comment."""
    with atomic_file(ARCHIVE, "wb") as handle:
        with zipfile.ZipFile(handle, "w", compression=zipfile.ZIP_DEFLATED) as archive:
            archive.comment = f"{LICENCE} ({LICENCE_URL})".encode()
            for dataset in datasets:
                for kind in KINDS:
                    name = filename(dataset, kind)
                    archive.write(default_storage.path(storage_name(name)), arcname=name)


def build_all():
    """Every declared dataset and the archive; returns the rows written per dataset."""
    built_at = timezone.now()
    datasets = registry.datasets()
    counts = {dataset.slug: write_dataset(dataset, built_at) for dataset in datasets}
    write_archive(datasets)
    return counts


def file_info(name):
    """(url, size in bytes) of a file of the folder, or None before the first build."""
    stored = storage_name(name)
    if not default_storage.exists(stored):
        return None
    return default_storage.url(stored), default_storage.size(stored)
