"""Private uploads (proposal attachments, which may belong to a private space) live in
their own folder, `settings.MAILLAGE_PRIVATE_ROOT`, outside the public media tree that
the reverse proxy serves as it is: only a view that has checked the reader's rights
hands them out, through `serve`.

In production the view only says which file to send and the web server sends it
(`MAILLAGE_SENDFILE = "nginx"`: `X-Accel-Redirect` to an internal location,
`MAILLAGE_SENDFILE_NGINX_PREFIX`; `"apache"`: `X-Sendfile` with the file's path); in
development (`""`) Django streams the file itself."""

import mimetypes
import os
import shutil
from pathlib import Path
from urllib.parse import quote

from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.http import FileResponse, HttpResponse


class PrivateStorage(FileSystemStorage):
    """Files under MAILLAGE_PRIVATE_ROOT, read from the settings on each use (so that a
    deployment or a test may change it), and without any URL: `url()` refuses."""

    @property
    def base_location(self):
        return settings.MAILLAGE_PRIVATE_ROOT

    @property
    def location(self):
        return os.path.abspath(self.base_location)

    @property
    def base_url(self):
        return None


_storage = PrivateStorage()


def private_storage():
    """The storage of private FileFields (a callable, so that migrations name it
    instead of copying a folder)."""
    return _storage


def serve(field_file, filename, content_type=None, inline=True):
    """The response that sends a private file to a reader whose rights the view checked."""
    disposition = "inline" if inline else "attachment"
    content_type = (
        content_type or mimetypes.guess_type(field_file.name)[0] or "application/octet-stream"
    )
    mode = settings.MAILLAGE_SENDFILE
    if mode == "nginx":
        response = HttpResponse(content_type=content_type)
        prefix = settings.MAILLAGE_SENDFILE_NGINX_PREFIX.rstrip("/")
        response["X-Accel-Redirect"] = f"{prefix}/{quote(field_file.name)}"
    elif mode == "apache":
        response = HttpResponse(content_type=content_type)
        response["X-Sendfile"] = field_file.path
    else:
        response = FileResponse(field_file.open("rb"), content_type=content_type)
    response["Content-Disposition"] = f'{disposition}; filename="{filename}"'
    # A private file must not be kept by a shared cache on the way.
    response["Cache-Control"] = "private, no-store"
    return response


def move_from_media(names):
    """Move files that an older version stored under MEDIA_ROOT into the private root,
    keeping their names; a file already moved or missing is left alone. Returns how
    many were moved."""
    moved = 0
    for name in names:
        source = Path(settings.MEDIA_ROOT) / name
        target = Path(settings.MAILLAGE_PRIVATE_ROOT) / name
        if source.is_file() and not target.exists():
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.move(source, target)
            moved += 1
    return moved
