"""The Django-free parsing helpers (wandelwerk/engines/tabular.py): no database."""

from __future__ import annotations

import codecs
import datetime as dt

import pytest

from wandelwerk.engines import tabular
from wandelwerk.engines.tabular import Place, TabularError, Vocabulary

VOCAB = Vocabulary(
    kinds={"initiative": "initiative", "person": "person", "einzelperson": "person"},
    sectors={"zivilgesellschaft": "civil_society", "civilsociety": "civil_society", "business": "business"},
    visibilities={"public": "public", "offentlich": "public"},
    precisions={"address": "address"},
    categories={"skills": "skills", "fahigkeiten": "skills", "money": "money"},
    topics={"energie": 1, "friedengerechtigkeitundstarkeinstitutionen": 2, "sdg16": 2},
    sector_for_kind={"person": "civil_society"},
    default_kind="initiative",
    default_sector="business",
    default_visibility="public",
)


def parse(**cells: str) -> tabular.Record:
    return tabular.parse_record(2, {"name": "Verein", **cells}, VOCAB)


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (codecs.BOM_UTF8 + "Grüße".encode(), "utf-8-sig"),
        ("Grüße".encode(), "utf-8"),
        ("Grüße".encode("cp1252"), "cp1252"),
        ("Grüße".encode("utf-16"), "utf-16"),
    ],
)
def test_decode_accepts_utf8_with_and_without_bom_utf16_and_old_excel(data, encoding):
    decoded = tabular.decode(data)
    assert (decoded.text, decoded.encoding) == ("Grüße", encoding)


def test_decode_refuses_bytes_that_are_no_known_encoding():
    with pytest.raises(TabularError, match="Zeichenkodierung"):
        tabular.decode(b"\x81\x8d\x90 kaputt \xff\xfe\x00")


@pytest.mark.parametrize(
    ("text", "expected"),
    [("a;b;c\n1,5;2;3\n", ";"), ("a,b,c\n", ","), ('"x;y",b\n', ","), ("a\tb\n", "\t"), ("name\n", ",")],
)
def test_delimiter_is_read_from_the_header_line(text, expected):
    assert tabular.sniff_delimiter(text) == expected


@pytest.mark.parametrize("value", ["=1+1", "+49 30", "-5", "@SUM(A1)", "\tx", "\rx"])
def test_formula_starts_are_neutralised_and_restored(value):
    assert tabular.neutralise(value) == "'" + value
    assert tabular.unneutralise(tabular.neutralise(value)) == value


@pytest.mark.parametrize("value", ["Verein", "'Zitat'", "", "'"])
def test_harmless_cells_pass_unchanged(value):
    assert tabular.neutralise(value) == value
    assert tabular.unneutralise(value) == value


def test_csv_rows_are_numbered_as_in_a_spreadsheet_even_across_line_breaks_and_blank_rows():
    table = tabular.read_csv('name,description\n"A","zwei\nZeilen"\n\n,\nB,x\n')
    assert [(n, row["name"]) for n, row in table.rows] == [(2, "A"), (5, "B")]


def test_csv_row_with_more_cells_than_headers_is_reported():
    table = tabular.read_csv("name;ort\nA;B;C\nD;E;\n")
    assert [(i.row, i.message[:9]) for i in table.issues] == [(2, "3 Zellen,")]
    assert [n for n, _ in table.rows] == [3]


def test_german_and_english_headers_map_to_columns():
    mapping, issues = tabular.map_columns(["Name", "PLZ", "E-Mail", "Länge", "zuletzt bestätigt", "Farbe"])
    assert mapping == {
        "Name": "name",
        "PLZ": "postcode",
        "E-Mail": "email",
        "Länge": "lon",
        "zuletzt bestätigt": "last_confirmed",
    }
    assert issues == []
    assert tabular.unknown_columns(["Name", "Farbe", "detail_url"]) == ["Farbe"]


def test_a_column_given_twice_is_an_error():
    _, issues = tabular.map_columns(["name", "PLZ", "postcode"])
    assert [(i.row, i.column) for i in issues] == [(1, "postcode")]


def test_record_parses_typed_values():
    rec = parse(
        kind="Einzelperson",
        sector="",
        topics="Frieden, Gerechtigkeit und starke Institutionen|energie",
        postcode="1067",
        ags="1001000",
        lat="50,5",
        lon="12.25",
        website="www.example.org",
        offers="Fähigkeiten: Löten | money: Spende",
        last_confirmed="05.04.2026",
    )
    assert rec.errors == []
    assert (rec.kind, rec.sector, rec.visibility) == ("person", "civil_society", "public")
    assert parse().sector == "business"  # the default kind has no sector of its own
    assert rec.topic_ids == (2, 1)
    assert (rec.postcode, rec.ags) == ("01067", "01001000")
    assert (rec.lat, rec.lon) == (50.5, 12.25)
    assert rec.website == "https://www.example.org"
    assert rec.resources == (("offer", "skills", "Löten", ""), ("offer", "money", "Spende", ""))
    assert rec.last_confirmed == dt.date(2026, 4, 5)


@pytest.mark.parametrize(
    ("cells", "column", "message"),
    [
        ({"name": ""}, "name", "Der Name fehlt."),
        ({"kind": "Raumschiff"}, "kind", "Unbekannter Wert „Raumschiff“"),
        ({"topics": "Energie, Mond"}, "topics", "Unbekanntes Handlungsfeld „Mond“."),
        ({"postcode": "abc"}, "postcode", "„abc“ ist keine Postleitzahl"),
        ({"lat": "50.1"}, "lon", "ein Wert fehlt"),
        ({"lat": "95", "lon": "12"}, "lat", "nicht zwischen -90 und 90"),
        ({"lat": "x", "lon": "12"}, "lat", "„x“ ist keine Zahl."),
        ({"email": "kein at"}, "email", "keine E-Mail-Adresse"),
        ({"website": "http://"}, "website", "keine Webadresse"),
        ({"needs": "Traktor"}, "needs", "Form „Kategorie: Titel“"),
        ({"last_confirmed": "2026-02-30"}, "last_confirmed", "kein Datum"),
        ({"phone": "1" * 61}, "phone", "Zu lang: 61 Zeichen, höchstens 60."),
    ],
)
def test_record_errors_name_column_and_reason(cells, column, message):
    rec = parse(**cells)
    assert [(e.row, e.column) for e in rec.errors] == [(2, column)]
    assert message in rec.errors[0].message


def test_geojson_points_become_lat_lon_and_lists_are_joined():
    table = tabular.read_features(
        '{"type":"FeatureCollection","features":[{"type":"Feature","geometry":{"type":"Point",'
        '"coordinates":[12.5,50.7]},"properties":{"name":"A","topics":["a","b"],'
        '"offers":[{"category":"skills","title":"T"}],"ags":14524330}}]}'
    )
    assert table.rows == [
        (
            1,
            {
                "name": "A",
                "topics": "a|b",
                "offers": "skills: T",
                "ags": "14524330",
                "lon": "12.5",
                "lat": "50.7",
            },
        )
    ]


def test_json_that_is_neither_collection_nor_list_is_refused():
    with pytest.raises(TabularError):
        tabular.read_features('{"name": "A"}')
    with pytest.raises(TabularError):
        tabular.read_features("{kaputt")


def test_near_duplicates_find_the_nearest_namesake_within_2_km_only():
    key = tabular.name_key("Repair-Café")
    assert key == tabular.name_key("repair cafe")
    existing = [Place(100, key, 50.70, 12.50), Place(101, "anders", 50.70, 12.50)]
    new = [
        Place(2, key, 50.71, 12.50),  # 1.1 km from 100
        Place(3, key, 50.90, 12.50),  # far from everything
        Place(4, key, 50.905, 12.50),  # 0.6 km from row 3
    ]
    found = [
        (p.ref, o.ref, is_existing, round(km, 1))
        for p, o, is_existing, km in tabular.near_duplicates(new, existing)
    ]
    assert found == [(2, 100, True, 1.1), (4, 3, False, 0.6)]
