"""Pages: one h1, headings in order, every input labelled, errors naming the field, English, XSS inert."""

import re
from html.parser import HTMLParser

import pytest

from tests.factories import make_actor
from tests.knowledge.conftest import client_for, make_method, make_practice
from wandelwerk.knowledge.models import Adoption, Practice


class Outline(HTMLParser):
    def __init__(self):
        super().__init__()
        self.headings, self.inputs, self.labels, self.scripts_inline = [], [], set(), 0
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if re.fullmatch(r"h[1-6]", tag):
            self.headings.append(int(tag[1]))
        if tag in ("input", "select", "textarea") and a.get("type") not in ("hidden", "submit"):
            self.inputs.append(a.get("id"))
        if tag == "label" and a.get("for"):
            self.labels.add(a["for"])
        if tag == "script" and "src" not in a:
            self.scripts_inline += 1
        if any(k.startswith("on") for k in a) or "style" in a:
            raise AssertionError(f"inline handler or style on <{tag}>")


def check_page(html):
    outline = Outline()
    outline.feed(html)
    assert outline.headings.count(1) == 1
    for before, after in zip(outline.headings, outline.headings[1:], strict=False):
        assert after <= before + 1, outline.headings
    # checkbox lists sit in a fieldset with a legend; every other field has a label
    unlabelled = [i for i in outline.inputs if i not in outline.labels and not re.search(r"_\d+$", i or "")]
    assert not unlabelled
    assert outline.scripts_inline == 0


@pytest.fixture
def content(geo, users):
    practice = make_practice(
        title="Mitfahrbank",
        steps="1. Standorte wählen\n2. Bänke bauen",
        rural_factors="Man kennt sich.",
        urban_factors="Am Stadtrand.",
    )
    make_practice(title="Entwurf", user=users["author"], publish=False)
    Adoption.objects.create(
        practice=practice, actor=make_actor(geo["zwickau"], name="Mitfahrbank-Initiative")
    )
    method = make_method(title="Zukunftswerkstatt", body="## Kritikphase\n\nText")
    return {"practice": practice, "method": method}


@pytest.mark.django_db
@pytest.mark.parametrize("role", ["anonymous", "author", "coordinator"])
def test_pages_have_one_h1_ordered_headings_and_labelled_inputs(content, users, role):
    c = client_for(users[role])
    urls = [
        "/wissen/",
        "/wissen/praxisbeispiele/",
        "/wissen/methoden/",
        content["practice"].get_absolute_url(),
        content["method"].get_absolute_url(),
    ]
    if role != "anonymous":
        urls += ["/wissen/praxisbeispiele/neu/", "/wissen/methoden/neu/"]
    if role == "coordinator":
        urls += [
            f"/wissen/methoden/{content['method'].slug}/bearbeiten/",
            f"/wissen/praxisbeispiele/{content['practice'].slug}/loeschen/",
        ]
    for url in urls:
        r = c.get(url)
        assert r.status_code == 200, url
        check_page(r.content.decode())


@pytest.mark.django_db
def test_practice_page_shows_adopters_list_and_a_map_fed_by_geojson(client, content):
    html = client.get(content["practice"].get_absolute_url()).content.decode()
    assert "Mitfahrbank-Initiative" in html
    assert f'data-actors-url="/api/v1/practices/{content["practice"].pk}/adopters.geojson"' in html
    assert "core/map.js" in html and "vendor/leaflet/leaflet.js" in html


@pytest.mark.django_db
def test_bad_cost_range_is_refused_naming_the_field(users):
    r = client_for(users["author"]).post(
        "/wissen/praxisbeispiele/neu/",
        {
            "title": "Dorfladen",
            "summary": "s",
            "effort": "high",
            "cost_min_eur": "5000",
            "cost_max_eur": "100",
        },
    )
    assert r.status_code == 400
    html = r.content.decode()
    assert "Kosten bis (€)</a>:" in html
    assert not Practice.objects.filter(title="Dorfladen").exists()


@pytest.mark.django_db
def test_missing_title_and_unknown_kind_are_named(users):
    r = client_for(users["author"]).post("/wissen/methoden/neu/", {"summary": "s", "kind": "roman"})
    assert r.status_code == 400
    html = r.content.decode()
    assert "Titel</a>:" in html and "Art</a>:" in html


@pytest.mark.django_db
def test_english_overview_is_english(client, content):
    html = client.get("/en/wissen/").content.decode()
    assert 'lang="en"' in html


@pytest.mark.django_db
def test_markdown_and_titles_are_sanitised(client):
    payload = "<script>alert(1)</script><img src=x onerror=alert(2)>[x](javascript:alert(3))"
    p = make_practice(
        title=f"XSS {payload}", summary=payload, steps=payload, rural_factors=payload, urban_factors=payload
    )
    html = client.get(p.get_absolute_url()).content.decode()
    assert "<script>alert" not in html
    assert "<img" not in html
    assert 'href="javascript' not in html
    api = client.get(f"/api/v1/practices/{p.pk}").json()
    assert api["steps"] == payload  # the API returns the raw text as JSON; clients escape it


@pytest.mark.django_db
def test_public_pages_set_no_cookies_and_send_a_strict_csp(client, content):
    for url in (
        "/wissen/",
        "/wissen/praxisbeispiele/",
        content["practice"].get_absolute_url(),
        content["method"].get_absolute_url(),
    ):
        r = client.get(url)
        assert not r.cookies, url
        assert "script-src 'self'" in r["Content-Security-Policy"]
