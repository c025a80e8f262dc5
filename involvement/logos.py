"""An organisation's logo, for its reports. Whatever is uploaded (PNG, JPEG or SVG, under
2 MB) is redrawn as a PNG here, so nothing uploaded is ever shown as it came: no script or
external link in an SVG, no metadata or second file hidden in an image.

An SVG is parsed with defusedxml first (no entities, no DTD) and then rasterised by CairoSVG
with `unsafe=False`, which fetches nothing it refers to. Images go through Pillow, whose
decompression-bomb limit stays on.
"""

import io

import cairosvg
import defusedxml.ElementTree as SafeXML
from defusedxml import DefusedXmlException
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from PIL import Image, UnidentifiedImageError

MAX_BYTES = 2 * 1024 * 1024
# Wide enough for a sharp logo on an A4 cover, small enough to keep PDFs light.
MAX_SIDE = 800
PNG, JPEG = b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff"


def logo_png(upload) -> bytes:
    """The upload as a clean PNG, or a ValidationError saying what is wrong."""
    data = upload.read(MAX_BYTES + 1)
    if len(data) > MAX_BYTES:
        raise ValidationError(_("The logo must be smaller than 2 MB."))
    if data.startswith((PNG, JPEG)):
        return _redrawn(data)
    if _is_svg(data):
        return _redrawn(_rasterised(data))
    raise ValidationError(_("The logo must be a PNG, JPEG or SVG file."))


def _is_svg(data: bytes) -> bool:
    head = data[:1024].lstrip().lower()
    return head.startswith(b"<?xml") or head.startswith(b"<svg")


def _rasterised(data: bytes) -> bytes:
    try:
        root = SafeXML.fromstring(data, forbid_dtd=True)
    except (SafeXML.ParseError, DefusedXmlException, ValueError) as error:
        raise ValidationError(_("That SVG file could not be read.")) from error
    if not root.tag.endswith("svg"):
        raise ValidationError(_("The logo must be a PNG, JPEG or SVG file."))
    try:
        return cairosvg.svg2png(bytestring=data, output_width=MAX_SIDE, unsafe=False)
    except Exception as error:  # noqa: BLE001 - any failure to draw is the same to the user
        raise ValidationError(_("That SVG file could not be drawn.")) from error


def _redrawn(data: bytes) -> bytes:
    try:
        with Image.open(io.BytesIO(data)) as image:
            image.load()
            image = image.convert("RGBA")
    except (UnidentifiedImageError, OSError, Image.DecompressionBombError) as error:
        raise ValidationError(_("That image could not be read.")) from error
    image.thumbnail((MAX_SIDE, MAX_SIDE))
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=True)
    return out.getvalue()
