"""Read a rendered page the way a person (or a screen reader) would: ids, the error summary,
the errors beside fields and what the form would send back."""

from html.parser import HTMLParser

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source"}


class Page(HTMLParser):
    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.summary_links: list[tuple[str, str]] = []  # (href, text) in the error summary
        self.field_errors: list[tuple[str | None, str]] = []  # (id, text) beside fields
        self.values: dict[str, list[str]] = {}  # what each named control holds now
        self.kinds: dict[str, str] = {}  # each named control's type ("text", "textarea", ...)
        self.forms: list[dict] = []  # {"method", "action", "csrf": bool}
        self.rows: dict[str, str] = {}  # summary lists: the first value shown for each key
        self._stack: list[str] = []
        self._summary_depth: int | None = None
        self._capture: dict | None = None  # the <a>, <p> or <textarea> being read
        self._select: str | None = None
        self._row: dict | None = None  # the summary list <dt> or <dd> being read
        self._row_key = ""
        self.feed(html)
        self.close()

    @classmethod
    def of(cls, response) -> "Page":
        return cls(response.content.decode())

    def handle_starttag(self, tag, attrs):
        attrs = {name: (value or "") for name, value in attrs}
        classes = attrs.get("class", "").split()
        if "id" in attrs:
            self.ids.add(attrs["id"])
        if tag == "form":
            self.forms.append(
                {"method": attrs.get("method", "get").lower(), "action": attrs.get("action")}
            )
            self.forms[-1]["csrf"] = False
        if tag == "div" and "govuk-error-summary" in classes and self._summary_depth is None:
            self._summary_depth = len(self._stack)
        if tag == "a" and self._summary_depth is not None:
            self._capture = {"kind": "summary", "href": attrs.get("href", ""), "text": ""}
        if tag == "p" and "govuk-error-message" in classes:
            self._capture = {"kind": "error", "id": attrs.get("id"), "text": ""}
        if tag == "input":
            self._read_input(attrs)
        if tag == "textarea":
            self.kinds.setdefault(attrs.get("name", ""), "textarea")
            self._capture = {"kind": "textarea", "name": attrs.get("name", ""), "text": ""}
        if tag == "select":
            self._select = attrs.get("name")
        if {"govuk-summary-list__key", "govuk-summary-list__value"} & set(classes):
            self._row = {"tag": tag, "text": ""}
        if tag == "option" and self._select and "selected" in attrs:
            self.values.setdefault(self._select, []).append(attrs.get("value", ""))
        if tag not in VOID:
            self._stack.append(tag)

    def _read_input(self, attrs):
        name, kind = attrs.get("name"), attrs.get("type", "text")
        if name == "csrfmiddlewaretoken" and self.forms:
            self.forms[-1]["csrf"] = True
        if not name or kind in {"submit", "button"}:
            return
        self.kinds.setdefault(name, kind)
        if kind in {"radio", "checkbox"} and "checked" not in attrs:
            return
        self.values.setdefault(name, []).append(attrs.get("value", ""))

    def handle_endtag(self, tag):
        if tag in VOID:
            return
        if self._capture and tag in {"a", "p", "textarea"}:
            capture, self._capture = self._capture, None
            text = " ".join(capture["text"].split())
            if capture["kind"] == "summary":
                self.summary_links.append((capture["href"], text))
            elif capture["kind"] == "error":
                self.field_errors.append((capture["id"], text))
            else:
                self.values.setdefault(capture["name"], []).append(capture["text"].strip("\n"))
        if tag == "select":
            self._select = None
        if self._row and tag == self._row["tag"]:
            row, self._row = self._row, None
            text = " ".join(row["text"].split())
            if tag == "dt":
                self._row_key = text
            else:
                self.rows.setdefault(self._row_key, text)
        while self._stack:
            if self._stack.pop() == tag:
                break
        if self._summary_depth is not None and len(self._stack) <= self._summary_depth:
            self._summary_depth = None

    def handle_data(self, data):
        if self._capture is not None:
            self._capture["text"] += data
        if self._row is not None:
            self._row["text"] += data

    def value(self, name: str) -> str | None:
        values = self.values.get(name)
        return values[0] if values else None


def assert_field_error(response, name: str, message: str, *, choices=False, prefix=""):
    """The form came back (200) with `message` beside field `name` and in the error summary,
    whose link points at an element on the page (the first option, for radios/checkboxes)."""
    assert response.status_code == 200, response.status_code
    page = Page.of(response)
    auto_id = f"id_{prefix}{name}"
    target = f"{auto_id}_1" if choices else auto_id
    assert (f"#{target}", message) in page.summary_links, page.summary_links
    assert target in page.ids, f"the summary links to #{target}, which is not on the page"
    beside = [
        text
        for error_id, text in page.field_errors
        if error_id is None or (error_id.startswith(f"{auto_id}_") and error_id.endswith("_error"))
    ]
    assert any(message in text for text in beside), page.field_errors
    return page


def assert_form_error(response, message: str):
    """An error about the whole form: in the summary, linking to an element on the page."""
    assert response.status_code == 200, response.status_code
    page = Page.of(response)
    links = [href for href, text in page.summary_links if text == message]
    assert links, page.summary_links
    assert links[0].lstrip("#") in page.ids, f"{links[0]} is not on the page"
    return page
