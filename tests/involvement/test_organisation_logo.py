"""The logo on an organisation's reports: PNG, JPEG or SVG under 2 MB, always redrawn as a
PNG, so nothing uploaded is kept or shown as it came."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from involvement.models import OrganisationLogo

from ..pages import assert_field_error

URL = reverse("organisation-settings")
SETTINGS = {
    "name": "Brightwater Health and Care Trust",
    "year_start_month": "4",
    "suppression_threshold": "8",
    "response_days": "30",
}
SVG = (
    b'<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" '
    b'width="40" height="20"><script>alert(1)</script><rect width="40" height="20" fill="red"/>'
    b'<image xlink:href="file:///etc/passwd" width="10" height="10"/></svg>'
)


@pytest.fixture
def admin_client(client_for, org_admin):
    return client_for(org_admin)


def image(kind: str, size=(60, 30)) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", size, (46, 31, 94)).save(out, format=kind)
    return out.getvalue()


def upload(admin_client, name, data, content_type, **extra):
    logo = SimpleUploadedFile(name, data, content_type=content_type)
    return admin_client.post(URL, {**SETTINGS, "logo": logo, **extra})


def stored(brightwater) -> Image.Image:
    png = bytes(OrganisationLogo.objects.get(organisation=brightwater).png)
    assert png.startswith(b"\x89PNG")
    return Image.open(io.BytesIO(png))


@pytest.mark.parametrize("kind,name", [("PNG", "logo.png"), ("JPEG", "logo.jpg")])
def test_a_png_or_jpeg_is_kept_redrawn_as_a_png(admin_client, brightwater, kind, name):
    response = upload(admin_client, name, image(kind), f"image/{kind.lower()}")
    assert response.status_code == 302
    assert stored(brightwater).size == (60, 30)
    page = admin_client.get(URL).content.decode()
    assert 'src="data:image/png;base64,' in page
    assert "Logo of Brightwater Health and Care Trust" in page


def test_a_big_picture_is_made_smaller(admin_client, brightwater):
    upload(admin_client, "logo.png", image("PNG", (2400, 1200)), "image/png")
    assert stored(brightwater).size == (800, 400)


def test_an_svg_is_drawn_as_a_picture_without_its_script_or_links(admin_client, brightwater):
    response = upload(admin_client, "logo.svg", SVG, "image/svg+xml")
    assert response.status_code == 302
    png = bytes(OrganisationLogo.objects.get(organisation=brightwater).png)
    assert b"<svg" not in png and b"script" not in png and b"passwd" not in png
    assert stored(brightwater).size[0] == 800


@pytest.mark.parametrize(
    "name,data,message",
    [
        ("logo.gif", b"GIF89a" + b"\0" * 20, "The logo must be a PNG, JPEG or SVG file."),
        ("logo.png", b"\x89PNG\r\n\x1a\n" + b"broken", "That image could not be read."),
        ("logo.svg", b"<svg><unclosed></svg>", "That SVG file could not be read."),
        (
            "logo.svg",
            b'<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY a "aaaa">]><svg>&a;</svg>',
            "That SVG file could not be read.",
        ),
        (
            "logo.png",
            b"\x89PNG\r\n\x1a\n" + b"\0" * (2 * 1024 * 1024),
            "The logo must be smaller than 2 MB.",
        ),
    ],
)
def test_a_file_that_is_not_a_small_png_jpeg_or_svg_is_refused(
    admin_client, brightwater, name, data, message
):
    response = upload(admin_client, name, data, "application/octet-stream")
    page = assert_field_error(response, "logo", message)
    assert page.value("name") == SETTINGS["name"]
    assert not OrganisationLogo.objects.filter(organisation=brightwater).exists()


def test_the_logo_can_be_removed(admin_client, brightwater):
    upload(admin_client, "logo.png", image("PNG"), "image/png")
    admin_client.post(URL, {**SETTINGS, "remove_logo": "on"})
    assert not OrganisationLogo.objects.filter(organisation=brightwater).exists()


def test_staff_cannot_change_the_logo(client_for, staff, brightwater):
    logo = SimpleUploadedFile("logo.png", image("PNG"), content_type="image/png")
    response = client_for(staff).post(URL, {**SETTINGS, "logo": logo})
    assert response.status_code == 403
    assert not OrganisationLogo.objects.exists()


def test_the_logo_is_on_the_report_cover(brightwater):
    from reports.selectors.content import _logo

    OrganisationLogo.objects.create(organisation=brightwater, png=image("PNG"))
    assert _logo(brightwater).startswith("iVBORw0KGgo")
