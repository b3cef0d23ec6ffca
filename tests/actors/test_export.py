"""Exports show exactly what the viewer may see, hide unconsented contacts and neutralise formulas."""

from __future__ import annotations

import csv
import io
import json

import pytest
from django.core.management import call_command

from tests.factories import NetworkFactory, UserFactory, make_actor, make_member
from wandelwerk.actors.models import Kind, Status, Visibility


@pytest.fixture
def actors(geo):
    zwickau = geo["zwickau"]
    return {
        "public": make_actor(zwickau, name="Öko & Co", phone="+49 375 123", description="-Liste\n- Punkt"),
        "formula": make_actor(zwickau, name='=HYPERLINK("http://evil.example","klick")', website=""),
        "at": make_actor(zwickau, name="@SUM(1)", contact_name="\tTab", email="a@b.example"),
        "pending": make_actor(zwickau, name="Wartet noch", status=Status.PENDING),
        "private": make_actor(zwickau, name="Ganz privat", visibility=Visibility.PRIVATE),
        "members": make_actor(zwickau, name="Nur für Mitglieder", visibility=Visibility.MEMBERS),
        "person": make_actor(
            zwickau, name="Erika Ohne", kind=Kind.PERSON, email="erika@example.org", phone="0375 1"
        ),
        "consented": make_actor(
            zwickau,
            name="Max Mit",
            kind=Kind.PERSON,
            email="max@example.org",
            phone="0375 2",
            person_consent=True,
        ),
    }


def get(client, path: str):
    response = client.get(path)
    body = b"".join(response.streaming_content) if response.streaming else response.content
    return response, body


def csv_rows(body: bytes, delimiter: str = ",") -> list[dict[str, str]]:
    text = body.decode("utf-8")
    assert text.startswith("\ufeff")
    return list(csv.DictReader(io.StringIO(text[1:], newline=""), delimiter=delimiter))


def test_anonymous_csv_export_has_only_public_published_actors_and_no_unconsented_contacts(client, actors):
    response, body = get(client, "/akteure/export.csv")

    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert "attachment" in response["Content-Disposition"]
    rows = {r["name"].lstrip("'"): r for r in csv_rows(body)}
    assert set(rows) == {
        "Öko & Co",
        '=HYPERLINK("http://evil.example","klick")',
        "@SUM(1)",
        "Erika Ohne",
        "Max Mit",
    }
    assert (rows["Erika Ohne"]["email"], rows["Erika Ohne"]["phone"]) == ("", "")
    assert (rows["Max Mit"]["email"], rows["Max Mit"]["phone"]) == ("max@example.org", "0375 2")


def test_member_export_adds_members_only_actors_of_their_network_but_nothing_private(client, actors, geo):
    member = make_member(NetworkFactory(areas=[geo["zwickau_lk"]]))
    client.force_login(member)
    _, body = get(client, "/akteure/export.json")
    names = {item["name"] for item in json.loads(body)}
    assert "Nur für Mitglieder" in names
    assert "Ganz privat" not in names and "Wartet noch" not in names


def test_staff_export_has_everything_with_all_contacts(client, actors):
    client.force_login(UserFactory(is_staff=True))
    _, body = get(client, "/akteure/export.csv")
    rows = {r["name"].lstrip("'"): r for r in csv_rows(body)}
    assert {"Ganz privat", "Wartet noch", "Nur für Mitglieder"} <= set(rows)
    assert rows["Erika Ohne"]["email"] == "erika@example.org"


def test_csv_cells_that_would_start_a_formula_are_neutralised(client, actors):
    _, body = get(client, "/akteure/export.csv")
    rows = csv_rows(body)
    cells = [cell for row in rows for cell in row.values()]
    assert not [c for c in cells if c[:1] in ("=", "+", "-", "@", "\t", "\r")]
    by_name = {r["name"]: r for r in rows}
    assert '\'=HYPERLINK("http://evil.example","klick")' in by_name
    assert "'@SUM(1)" in by_name
    assert by_name["'@SUM(1)"]["contact_name"] == "'\tTab"
    assert by_name["Öko & Co"]["phone"] == "'+49 375 123"
    assert by_name["Öko & Co"]["description"] == "'-Liste\n- Punkt"


def test_semicolon_option_writes_german_excel_csv(client, actors):
    _, body = get(client, "/akteure/export.csv?delimiter=semicolon")
    assert body.startswith(b"\xef\xbb\xbfname;kind;sector;")
    row = next(r for r in csv_rows(body, ";") if r["name"] == "Öko & Co")
    assert row["lat"] == "50,72"  # decimal comma for German spreadsheets


def test_geojson_export_is_rfc7946_points_in_lon_lat_order(client, actors, geo):
    response, body = get(client, "/akteure/export.geojson")
    doc = json.loads(body)
    assert response["Content-Type"].startswith("application/geo+json")
    assert doc["type"] == "FeatureCollection"
    feature = next(f for f in doc["features"] if f["properties"]["name"] == "Öko & Co")
    assert feature["geometry"] == {"type": "Point", "coordinates": [geo["zwickau"].lon, geo["zwickau"].lat]}
    assert feature["properties"]["ags"] == "14524330"
    assert feature["properties"]["detail_url"] == actors["public"].get_absolute_url()
    names = {f["properties"]["name"] for f in doc["features"]}
    assert "Ganz privat" not in names and "Wartet noch" not in names
    erika = next(f for f in doc["features"] if f["properties"]["name"] == "Erika Ohne")
    assert erika["properties"]["email"] == "" and erika["properties"]["phone"] == ""


def test_export_takes_the_directory_filters_and_refuses_bad_ones(client, actors):
    _, body = get(client, "/akteure/export.json?kind=person")
    assert {i["name"] for i in json.loads(body)} == {"Erika Ohne", "Max Mit"}
    response = client.get("/akteure/export.csv?kind=raumschiff")
    assert response.status_code == 400
    assert "kind" in response.content.decode()


def test_export_runs_a_bounded_number_of_queries(client, geo, django_assert_max_num_queries):
    for i in range(30):
        make_actor(geo["zwickau"], name=f"Verein {i}")
    with django_assert_max_num_queries(6):
        _, body = get(client, "/akteure/export.csv")
    assert len(csv_rows(body)) == 30


def test_export_command_writes_public_actors_unless_all_is_asked(actors, tmp_path):
    out = tmp_path / "akteure.geojson"
    call_command("export_actors", "--format", "geojson", "--out", str(out))
    public = {f["properties"]["name"] for f in json.loads(out.read_text(encoding="utf-8"))["features"]}
    assert "Wartet noch" not in public and "Öko & Co" in public

    stdout = io.StringIO()
    call_command("export_actors", "--format", "csv", "--all", stdout=stdout)
    assert "Wartet noch" in stdout.getvalue() and "Ganz privat" in stdout.getvalue()
