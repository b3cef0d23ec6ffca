"""A corpus of XSS payloads in every actor text field stays inert in HTML, API, GeoJSON and exports."""

from html.parser import HTMLParser

import pytest
from django.test import Client

from tests.factories import TopicFactory, make_actor
from wandelwerk.actors.services import resource_add

PAYLOADS = [
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(2)>',
    "<svg/onload=alert(3)>",
    "[klick](javascript:alert(4))",
    '<a href="javascript:alert(5)">x</a>',
    "'';!--\"<XSS>=&{()}",
    "<iframe src=//evil.test></iframe>",
    "<style>body{display:none}</style>",
]


class ActiveContent(HTMLParser):
    """Collects anything that would run: inline scripts, event handlers, javascript: URLs, iframes."""

    def __init__(self):
        super().__init__()
        self.found = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        external = (attributes.get("src") or "").startswith("/static/")
        if tag == "script" and not external and attributes.get("type") != "application/ld+json":
            self.found.append(f"script {attributes}")
        if tag in ("iframe", "object", "embed", "style"):
            self.found.append(tag)
        for name, value in attrs:
            if name.startswith("on"):
                self.found.append(f"{tag}[{name}]")
            if name in ("href", "src", "action") and (value or "").strip().lower().startswith("javascript:"):
                self.found.append(f"{tag}[{name}]={value}")


def active_content(html):
    parser = ActiveContent()
    parser.feed(html)
    return parser.found


@pytest.mark.django_db
@pytest.mark.parametrize("payload", PAYLOADS)
def test_payload_in_every_text_field_stays_inert(geo, payload):
    topic = TopicFactory(slug="t", name=f"Thema {payload}")
    actor = make_actor(
        geo["zwickau"],
        name=f"Verein {payload}",
        description=f"Beschreibung {payload}\n\n**fett** {payload}",
        street=payload,
        place=payload,
        contact_name=payload,
        phone=payload,
        topics=[topic],
    )
    resource_add(actor=actor, direction="offer", category="skills", title=payload, description=payload)
    c = Client()
    pages = [actor.get_absolute_url(), "/akteure/", f"/akteure/?q={actor.name[:20]}", "/"]
    for url in pages:
        r = c.get(url)
        assert r.status_code == 200, url
        assert active_content(r.content.decode()) == [], url
    for url in (f"/api/v1/actors/{actor.pk}", "/api/v1/actors", "/api/v1/actors.geojson"):
        r = c.get(url)
        assert r["Content-Type"].startswith("application/json")
        assert r["X-Content-Type-Options"] == "nosniff"
        if url.endswith(str(actor.pk)):
            assert active_content(r.json()["description_html"]) == []
