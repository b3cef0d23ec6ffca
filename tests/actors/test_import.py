"""Import of actors (service and command line): all or nothing, natural keys, formats, duplicates."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from django.core.management import CommandError, call_command

from tests.actors.fixtures_io import add_postcodes, make_topics, sample
from tests.factories import NetworkFactory, make_actor, make_member
from wandelwerk.actors.importing import actors_import
from wandelwerk.actors.models import Actor, Kind, Precision, Resource, Sector, Status, Visibility
from wandelwerk.networks.models import Role

HEADER = "name,kind,ags,lat,lon,postcode,place,topics,email,source_id\n"


@pytest.fixture
def world(geo):
    add_postcodes(geo)
    return {**geo, **make_topics()}


def run(text: str, **kwargs):
    return actors_import(data=text.encode("utf-8"), filename="test.csv", **kwargs)


def test_valid_csv_creates_actors_located_by_ags_point_postcode_and_place(world):
    # given one row per way of giving a location
    text = HEADER + (
        "Energiegenossenschaft,association,14524330,,,,,energie,info@eg.example,\n"
        "Gartenprojekt,initiative,,50.73,12.5,,,gaerten|energie,,\n"
        "Lastenrad,initiative,,,,08451,,,,\n"
        "Umweltbildung,education,,,,,Zittau,,,\n"
    )

    # when it is imported
    report = run(text)

    # then all four exist, published, each in the right municipality with the right precision
    assert report.ok, report.lines()
    assert report.created == 4
    by_name = {a.name: a for a in Actor.objects.all()}
    assert by_name["Energiegenossenschaft"].municipality == world["zwickau"]
    assert by_name["Energiegenossenschaft"].precision == Precision.MUNICIPALITY
    assert by_name["Energiegenossenschaft"].county == world["zwickau_lk"]
    assert by_name["Energiegenossenschaft"].state == world["sn"]
    assert (by_name["Gartenprojekt"].lat, by_name["Gartenprojekt"].lon) == (50.73, 12.5)
    assert by_name["Gartenprojekt"].precision == Precision.ADDRESS
    assert set(by_name["Gartenprojekt"].topics.values_list("slug", flat=True)) == {"gaerten", "energie"}
    assert by_name["Lastenrad"].municipality == world["crimmitschau"]
    assert by_name["Lastenrad"].precision == Precision.POSTCODE
    assert by_name["Umweltbildung"].municipality == world["zittau"]
    assert by_name["Umweltbildung"].sector == Sector.SCIENCE  # derived from the kind
    assert all(a.status == Status.PUBLISHED for a in by_name.values())
    assert by_name["Energiegenossenschaft"].source == "test.csv"
    assert "energi" in by_name["Energiegenossenschaft"].search_text


def test_one_bad_row_writes_nothing_and_names_row_column_and_reason(world):
    # given three rows, the third (spreadsheet row 4) with a broken postcode
    text = HEADER + (
        "Verein A,association,14524330,,,,,,,\n"
        "Verein B,association,14524330,,,,,,,\n"
        "Verein C,association,,,,123,,,,\n"
    )

    # when imported from the command line
    err = io.StringIO()
    with pytest.raises(CommandError):
        call_command("import_actors", _write(text), stdout=io.StringIO(), stderr=err)

    # then nothing is written and the message names row, column and reason
    assert Actor.objects.count() == 0
    assert "Zeile 4, Spalte „postcode“: „123“ ist keine Postleitzahl (5 Ziffern)." in err.getvalue()


def test_all_errors_of_all_rows_are_reported_together(world):
    text = (
        "Name;Art;AGS;E-Mail;Themen;zuletzt bestätigt\n"
        ";association;14524330;;;\n"
        "B;Raumschiff;14524330;kein-mail;;\n"
        "C;association;99999999;;Unbekannt;31.02.2026\n"
        "D;association;;;;\n"
    )
    report = run(text)
    found = {(i.row, report.where(i)) for i in report.errors}
    assert found == {
        (2, "Zeile 2, Spalte „Name“"),
        (3, "Zeile 3, Spalte „Art“"),
        (3, "Zeile 3, Spalte „E-Mail“"),
        (4, "Zeile 4, Spalte „AGS“"),
        (4, "Zeile 4, Spalte „Themen“"),
        (4, "Zeile 4, Spalte „zuletzt bestätigt“"),
        (5, "Zeile 5, Spalten „AGS, lat, lon, postcode, place“"),
    }
    assert Actor.objects.count() == 0


def test_same_file_twice_creates_nothing_new(world):
    text = HEADER + "A,association,14524330,,,,,,,\nB,initiative,,50.73,12.5,,,,,b-1\n"
    first = run(text)
    second = run(text)
    assert (first.created, first.unchanged) == (2, 0)
    assert (second.created, second.unchanged, second.new) == (0, 2, 0)
    assert second.ok
    assert Actor.objects.count() == 2


def test_existing_actor_with_same_name_in_same_municipality_is_skipped(world):
    make_actor(world["zwickau"], name="Repair Café Zwickau", status=Status.PENDING)
    report = run(HEADER + "Repair Café Zwickau,initiative,14524330,,,,,,,\n")
    assert (report.created, report.unchanged) == (0, 1)
    assert Actor.objects.count() == 1


def test_same_natural_key_twice_in_one_file_is_an_error(world):
    text = HEADER + (
        "A,association,14524330,,,,,,,\n"
        "A,association,14524330,,,,,,,\n"
        "X,initiative,14524060,,,,,,,k1\n"
        "Y,initiative,14524060,,,,,,,k1\n"
    )
    report = run(text)
    messages = [report.describe(i) for i in report.errors]
    assert messages == [
        "Zeile 3, Spalte „name“: Doppelt: derselbe Name in derselben Gemeinde wie in Zeile 2.",
        "Zeile 5, Spalte „source_id“: Doppelt: dieselbe Quell-ID wie in Zeile 4.",
    ]
    assert Actor.objects.count() == 0


def test_german_excel_csv_with_bom_semicolons_decimal_commas_and_german_dates(world):
    # given a file as German Excel saves "CSV UTF-8": BOM, semicolons, German headers, dropped zero
    report = actors_import(data=sample("excel_de.csv"), filename="excel_de.csv")

    assert report.ok, report.lines()
    assert (report.encoding, report.delimiter, report.created) == ("utf-8-sig", ";", 2)
    solawi = Actor.objects.get(name="Solawi Pleißetal")
    assert solawi.kind == Kind.ASSOCIATION
    assert solawi.description == 'Gemüse für alle; „regional“ und "fair"\r\nzweite Zeile'
    assert solawi.postcode == "08451"
    assert (solawi.lat, solawi.lon) == (50.815, 12.385)
    assert solawi.municipality == world["crimmitschau"]
    assert solawi.phone == "+49 3762 123"
    assert solawi.last_confirmed == dt.date(2026, 3, 1)
    assert set(Resource.objects.filter(actor=solawi).values_list("direction", "category", "title")) == {
        ("offer", "spaces", "Scheune"),
        ("offer", "tools", "Traktor"),
        ("need", "money", "Spenden"),
    }
    klima = Actor.objects.get(name="Klimabündnis Zwickau")
    assert (klima.kind, klima.sector) == (Kind.NETWORK, Sector.CIVIL_SOCIETY)
    assert list(klima.topics.values_list("slug", flat=True)) == ["sdg-16"]  # a name with a comma
    assert klima.precision == Precision.POSTCODE
    assert klima.last_confirmed == dt.date(2025, 12, 15)


def test_old_excel_cp1252_file_is_read_and_the_report_says_so(world):
    data = "Name;Ort\nMüller & Söhne Ökostrom;Zittau\n".encode("cp1252")
    report = actors_import(data=data, filename="alt.csv")
    assert report.ok
    assert report.encoding == "cp1252"
    assert any("Windows-1252" in n for n in report.notes)
    assert Actor.objects.get().name == "Müller & Söhne Ökostrom"


def test_geojson_feature_collection_is_imported(world):
    report = actors_import(data=sample("actors.geojson"), filename="actors.geojson")
    assert report.ok, report.lines()
    assert report.file_format == "GeoJSON"
    cafe = Actor.objects.get(name="Repair-Café Zwickau")
    assert (cafe.lon, cafe.lat, cafe.municipality) == (12.5, 50.73, world["zwickau"])
    assert cafe.natural_key == "id:rc-1"
    assert cafe.resources.get().title == "Reparieren"
    amt = Actor.objects.get(name="Umweltamt Zittau")
    assert (amt.municipality, amt.sector, amt.last_confirmed) == (
        world["zittau"],
        Sector.ADMINISTRATION,
        dt.date(2026, 1, 31),
    )
    assert actors_import(data=sample("actors.geojson"), filename="actors.geojson").unchanged == 2


def test_geojson_feature_that_is_not_a_point_is_an_error(world):
    data = (
        b'{"type":"FeatureCollection","features":[{"type":"Feature","geometry":'
        b'{"type":"LineString","coordinates":[[1,2],[3,4]]},"properties":{"name":"X"}}]}'
    )
    report = actors_import(data=data, filename="x.geojson")
    assert [report.describe(i) for i in report.errors] == [
        "Objekt 1: Die Geometrie muss ein Punkt [Länge, Breite] sein."
    ]


def test_same_name_nearby_is_flagged_as_possible_duplicate_but_imported(world):
    # given an existing actor and a file with a near namesake of it and two namesakes of each other
    make_actor(world["zwickau"], name="Repair Café Zwickau", lat=50.72, lon=12.49)
    text = HEADER + (
        "Repair-Cafe Zwickau,initiative,,50.725,12.495,,,,,r1\n"
        "Foodsharing,initiative,,50.73,12.5,,,,,f1\n"
        "foodsharing,initiative,,50.731,12.5,,,,,f2\n"
        "Foodsharing,initiative,,50.9,14.8,,,,,f3\n"
    )

    report = run(text)

    assert report.ok and report.created == 4
    assert [report.describe(w) for w in report.warnings] == [
        "Zeile 2, Spalte „name“: Mögliches Duplikat des bestehenden Eintrags „Repair Café Zwickau“ "
        "(0,7 km entfernt).",
        "Zeile 4, Spalte „name“: Mögliches Duplikat von „Foodsharing“ in Zeile 3 dieser Datei "
        "(0,1 km entfernt).",
    ]
    assert report.duplicates == 2


def test_dry_run_checks_everything_and_writes_nothing(world, tmp_path):
    out = io.StringIO()
    call_command("import_actors", _write(HEADER + "A,association,14524330,,,,,,,\n"), "--dry-run", stdout=out)
    assert Actor.objects.count() == 0
    assert "1 Zeile gelesen: 1 neu, 0 unverändert" in out.getvalue()
    assert "Probelauf" in out.getvalue()


def test_command_can_import_as_pending_and_names_the_source(world):
    out = io.StringIO()
    path = _write(HEADER + "A,association,14524330,,,,,,,\n")
    call_command("import_actors", path, "--status", "pending", "--source", "Landesliste 2026", stdout=out)
    actor = Actor.objects.get()
    assert (actor.status, actor.source) == (Status.PENDING, "Landesliste 2026")
    assert "1 neu angelegt" in out.getvalue()


def test_person_is_placed_on_the_municipality_only(world):
    text = (
        "name,kind,street,lat,lon,email\n"
        "Erika Muster,Einzelperson,Lindenweg 3,50.74,12.51,erika@example.org\n"
    )
    report = run(text)
    assert report.ok
    person = Actor.objects.get()
    assert (person.lat, person.lon) == (world["zwickau"].lat, world["zwickau"].lon)
    assert (person.precision, person.street, person.consent_at) == (Precision.MUNICIPALITY, "", None)


def test_swapped_coordinates_and_unknown_columns_are_reported(world):
    report = run("name,lat,lon,Farbe\nA,12.5,50.7,grün\n")
    assert [report.describe(i) for i in report.errors] == [
        "Zeile 2, Spalte „lat“: Breite 12.5 und Länge 50.7 sind vermutlich vertauscht."
    ]
    assert [report.describe(w) for w in report.warnings] == [
        "Zeile 1: Unbekannte Spalte „Farbe“ wird ignoriert."
    ]


def test_file_without_name_column_or_with_broken_quotes_is_refused(world):
    assert [i.message for i in run("Titel,ags\nA,14524330\n").errors] == [
        "Die Pflichtspalte fehlt (Überschrift „name“ oder „Name“)."
    ]
    report = run('name,ags\n"A,14524330\n')
    assert report.errors and report.errors[0].row == 0 and Actor.objects.count() == 0


def test_coordinator_import_outside_own_networks_is_left_for_review(world):
    network = NetworkFactory(areas=[world["zwickau_lk"]])
    coordinator = make_member(network, role=Role.COORDINATOR)
    text = HEADER + "In Zwickau,association,14524330,,,,,,,\nIn Zittau,association,14626610,,,,,,,\n"
    report = run(text, user=coordinator)
    assert report.ok and report.pending == 1
    statuses = dict(Actor.objects.values_list("name", "status"))
    assert statuses == {"In Zwickau": Status.PUBLISHED, "In Zittau": Status.PENDING}


def test_visibility_labels_and_defaults(world):
    text = "Name,Sichtbarkeit,AGS\nA,nur Netzwerkmitglieder,14524330\nB,,14524330\nC,PRIVAT,14524330\n"
    assert run(text).ok
    assert dict(Actor.objects.values_list("name", "visibility")) == {
        "A": Visibility.MEMBERS,
        "B": Visibility.PUBLIC,
        "C": Visibility.PRIVATE,
    }


def _write(text: str) -> str:
    import tempfile

    with tempfile.NamedTemporaryFile("w", suffix=".csv", delete=False, encoding="utf-8") as handle:
        handle.write(text)
    return handle.name


def test_name_whose_slug_variants_are_taken_still_imports(world):
    make_actor(world["zwickau"], name="Verein")  # slug "verein"
    make_actor(world["crimmitschau"], name="Verein")  # slug "verein-2"
    report = run(HEADER + "Verein,association,14626610,,,,,,,\n")
    assert report.ok and report.created == 1
    assert Actor.objects.filter(name="Verein").count() == 3
