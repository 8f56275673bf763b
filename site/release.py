"""A fingerprint of the code being served, to prefix every shared cache key in production.

The exact caches (`maillage.table_versions`: whole pages, `{% exactcache %}` fragments,
cached values) are invalidated by writes to the tables they read, never by a new
template or a new version of the code: after a deploy, the processes would serve pages
and fragments rendered by the previous release until some write expired them. Prefixing
the keys with this fingerprint starts each release on a cold cache instead, with no
"clear the cache" step to forget (the previous release's entries age out).

Installed from a wheel (`pip install .`, the documented deployment), the fingerprint is
the digest of the distribution's RECORD, which lists every installed file with its own
digest; from a checkout (development, load runs), the digest of the paths and
modification times of the project's source and template files (a checkout is known by
its `manage.py`).
"""

import hashlib
import importlib.metadata
from pathlib import Path

SOURCE_SUFFIXES = (".py", ".html", ".txt", ".xml", ".json")
SKIPPED_FOLDERS = {".venv", "var", "node_modules", "tests", "bench", "docs", ".git"}


def fingerprint(checkout=None):
    """Twelve hex digits that change whenever the served code or templates change."""
    record = None
    if checkout is None:
        try:
            record = importlib.metadata.distribution("maillage").read_text("RECORD")
        except importlib.metadata.PackageNotFoundError:
            record = None
        checkout = Path(__file__).resolve().parent.parent
    digest = hashlib.sha256()
    if record:
        digest.update(record.encode())
    elif not (Path(checkout) / "manage.py").exists():
        # Installed without a RECORD: never walk site-packages; the version must do.
        digest.update(importlib.metadata.version("maillage").encode())
    else:
        for path in sorted(_source_files(Path(checkout))):
            digest.update(f"{path}:{path.stat().st_mtime_ns}\n".encode())
    return digest.hexdigest()[:12]


def _source_files(root):
    for entry in root.iterdir():
        if entry.is_dir():
            if entry.name not in SKIPPED_FOLDERS and not entry.name.startswith("."):
                yield from _source_files(entry)
        elif entry.suffix in SOURCE_SUFFIXES:
            yield entry
