"""A small page audit shared by the template tests: site layout, German, one h1, labelled inputs,
no inline script, style or event handler (strict CSP)."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

import wandelwerk.accounts

OUR_TEMPLATES = Path(wandelwerk.accounts.__file__).parent / "templates"


class PageAudit(HTMLParser):
    """Collects what the checks below need from a page."""

    def __init__(self) -> None:
        super().__init__()
        self.h1 = 0
        self.html_lang = None
        self.inline_scripts = 0
        self.style_attrs = 0
        self.event_handlers: list[str] = []
        self.label_for: set[str] = set()
        self.inputs: list[dict[str, str | None]] = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "html":
            self.html_lang = a.get("lang")
        if tag == "h1":
            self.h1 += 1
        if tag == "script" and not a.get("src"):
            self.inline_scripts += 1
        if tag == "style" or "style" in a:
            self.style_attrs += 1
        self.event_handlers += [k for k in a if k.startswith("on")]
        if tag == "label" and a.get("for"):
            self.label_for.add(a["for"])
        if tag in {"input", "select", "textarea"} and a.get("type") not in {"hidden", "submit"}:
            self.inputs.append(a)


def audit(response) -> PageAudit:
    assert response.status_code == 200, response
    page = PageAudit()
    page.feed(response.content.decode())
    assert page.html_lang == "de"
    assert page.h1 == 1
    assert page.inline_scripts == 0
    assert page.style_attrs == 0
    assert page.event_handlers == []
    for field in page.inputs:
        assert field.get("id") in page.label_for, f"input without label: {field}"
    html = response.content.decode()
    assert 'class="skip-link"' in html, "page does not extend base.html"
    used = {t.origin.name for t in response.templates if t.origin and t.origin.name}
    assert any(name.startswith(str(OUR_TEMPLATES)) for name in used), "allauth's own template was used"
    return page
