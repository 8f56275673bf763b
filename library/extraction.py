"""Text extraction from uploaded documents (PDF, DOCX, ODT), kept for search.

Every failure, whatever the parsing library raises (they raise many kinds, and new ones
with new versions: pypdf asks for `cryptography` to open AES-encrypted PDFs), becomes an
`ExtractionError` whose message, in French, tells the editor what to do: a damaged or
protected file is refused at upload, never a server error.
"""

import io
from pathlib import PurePath

import docx
from django.utils.translation import gettext as _
from odf import teletype
from odf import text as odf_text
from odf.opendocument import load as load_odf
from pypdf import PdfReader

# Beyond this the text adds little to search and weighs on the database.
MAX_CHARS = 500_000


class ExtractionError(Exception):
    """A document whose text cannot be read; the message is meant for the editor."""


def _pdf_text(stream):
    reader = PdfReader(stream)
    if reader.is_encrypted and not reader.decrypt(""):
        raise ExtractionError(
            _(
                "Ce PDF est protégé par un mot de passe : enregistrez-en une copie sans "
                "protection, puis déposez-la."
            )
        )
    return "\n".join(page.extract_text() or "" for page in reader.pages)


def _docx_text(stream):
    document = docx.Document(stream)
    parts = [paragraph.text for paragraph in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts.append(" ".join(cell.text for cell in row.cells))
    return "\n".join(parts)


def _odt_text(stream):
    document = load_odf(stream)
    elements = document.getElementsByType(odf_text.H) + document.getElementsByType(odf_text.P)
    return "\n".join(teletype.extractText(element) for element in elements)


READERS = {"pdf": _pdf_text, "docx": _docx_text, "odt": _odt_text}


def can_extract(filename):
    return PurePath(filename).suffix.lower().lstrip(".") in READERS


def extract_text(file, filename):
    """The text of `file` (a file object or Django File), or "" for formats without text.

    Raises ExtractionError when the file claims a readable format but cannot be read.
    """
    extension = PurePath(filename).suffix.lower().lstrip(".")
    reader = READERS.get(extension)
    if reader is None:
        return ""
    try:
        file.seek(0)
        stream = io.BytesIO(file.read())
        file.seek(0)
        text = reader(stream)
    except ExtractionError:
        raise
    except Exception as error:
        raise ExtractionError(
            _(
                "Le fichier « %(name)s » est protégé, illisible ou endommagé : ce n’est pas un "
                "document %(format)s lisible. Ouvrez-le, enregistrez-en une copie sans "
                "protection, puis déposez-la."
            )
            % {"name": PurePath(filename).name, "format": extension.upper()}
        ) from error
    return normalize(text)[:MAX_CHARS]


def normalize(text):
    """One line per paragraph, single spaces, no NUL bytes (PostgreSQL refuses them)."""
    lines = (" ".join(line.split()) for line in text.replace("\x00", "").splitlines())
    return "\n".join(line for line in lines if line)
