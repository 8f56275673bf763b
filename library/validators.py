"""The checks every document entering the library passes, whoever uploads it (an editor
in the admin, a member proposing a resource on the site): an accepted format, a size the
platform can store, content that is what its name says, and readable text.

The format is read from the file's first bytes, never trusted from its name alone: a
renamed executable or an image called `rapport.pdf` is refused with a French message."""

from pathlib import PurePath

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

from library.extraction import ExtractionError, extract_text

MAX_SIZE = 20 * 1024 * 1024

ZIP = b"PK\x03\x04"
# The first bytes each extension must start with (office formats are zip archives).
SIGNATURES = {
    "pdf": (b"%PDF-",),
    "docx": (ZIP,),
    "xlsx": (ZIP,),
    "pptx": (ZIP,),
    "odt": (ZIP,),
    "ods": (ZIP,),
    "odp": (ZIP,),
    "png": (b"\x89PNG\r\n\x1a\n",),
    "jpg": (b"\xff\xd8\xff",),
    "jpeg": (b"\xff\xd8\xff",),
}
BINARY_SIGNATURES = tuple(signature for values in SIGNATURES.values() for signature in values)


def extension_of(name):
    return PurePath(name).suffix.lower().lstrip(".")


def _looks_like(extension, head):
    if extension in SIGNATURES:
        return head.startswith(SIGNATURES[extension])
    # Text formats (CSV): no NUL byte and no binary format's signature.
    return b"\x00" not in head and not head.startswith(BINARY_SIGNATURES)


def check_document(upload):
    """The text extracted from `upload` ("" for formats without text), or a
    ValidationError whose message tells the uploader what to do."""
    name = PurePath(upload.name).name
    extension = extension_of(name)
    allowed = settings.WAGTAILDOCS_EXTENSIONS
    if extension not in allowed:
        raise ValidationError(
            _("« %(name)s » n’est pas d’un format accepté (%(formats)s).")
            % {"name": name, "formats": ", ".join(allowed)},
            code="format",
        )
    if upload.size > MAX_SIZE:
        raise ValidationError(
            _("« %(name)s » dépasse %(max)s.") % {"name": name, "max": filesizeformat(MAX_SIZE)},
            code="size",
        )
    upload.seek(0)
    head = upload.read(4096)
    upload.seek(0)
    if not _looks_like(extension, head):
        raise ValidationError(
            _(
                "Le contenu de « %(name)s » n’est pas celui d’un fichier %(format)s : "
                "vérifiez le fichier, puis déposez-le de nouveau."
            )
            % {"name": name, "format": extension.upper()},
            code="content",
        )
    try:
        return extract_text(upload, name)
    except ExtractionError as error:
        raise ValidationError(str(error), code="unreadable") from error
