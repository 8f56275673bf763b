"""The one CSV writer of the site's exports: every export goes through it, so that no cell
of a spreadsheet opened from the site can run a formula (CSV injection, OWASP), and an
export with no rows still has its header line."""

import csv

from django.http import StreamingHttpResponse

# A cell starting with one of these is read as a formula by spreadsheet software.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value):
    """The cell as text; a text cell that a spreadsheet would read as a formula is
    prefixed with a single quote, which shows it as the text it is. Numbers, dates and
    booleans are left alone: their text never starts a formula, a negative number aside."""
    if value is None:
        return ""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


class _Echo:
    """A file-like object whose write() returns the line, for streaming."""

    def write(self, value):
        return value


def csv_lines(header, rows, delimiter=","):
    """The lines of the CSV file: a byte-order mark (so that spreadsheets read the accents
    right), the header line, then one line per row, each cell neutralised."""
    writer = csv.writer(_Echo(), delimiter=delimiter)
    yield "\ufeff"
    yield writer.writerow([neutralise(cell) for cell in header])
    for row in rows:
        yield writer.writerow([neutralise(cell) for cell in row])


def csv_response(filename, header, rows, delimiter=","):
    """A streamed CSV download: rows are written as they come, however many."""
    response = StreamingHttpResponse(
        csv_lines(header, rows, delimiter), content_type="text/csv; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
