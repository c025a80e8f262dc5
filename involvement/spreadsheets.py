"""CSV downloads that open cleanly in a spreadsheet and cannot run as formulas there."""

import csv

from django.http import HttpResponse

# A cell starting with one of these is read as a formula by spreadsheet programs (OWASP
# "CSV injection"); tab and carriage return can hide one.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value) -> str:
    """The cell as text, with a leading apostrophe when it would start a formula. Numbers
    are written as they are (a negative number is not a formula)."""
    if value is None:
        return ""
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    text = str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def csv_response(filename: str, header: list, rows) -> HttpResponse:
    """A UTF-8 CSV with a byte-order mark, so Excel shows accents and dashes correctly."""
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response.write("\ufeff")
    writer = csv.writer(response)
    writer.writerow([neutralise(cell) for cell in header])
    for row in rows:
        writer.writerow([neutralise(cell) for cell in row])
    return response
