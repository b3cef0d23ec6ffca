"""CSV edge-list import: all or nothing, errors by line and column, a second run creates nothing."""

from __future__ import annotations

from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse

from wandelwerk.ties.importing import ties_import
from wandelwerk.ties.models import Tie, TieOrigin

GOOD = (
    "\ufeffsource;target;kind;weight;started;ended;note\n"
    "umweltverein-zwickau;stadtverwaltung-zwickau;Kooperation;2,5;01.03.2024;;„Solar“; mit Umlaut\n"
    "stadtverwaltung-zwickau;biohof-crimmitschau;funding;;2023-01-01;2024-12-31;\n"
)


def _csv(text: str) -> bytes:
    return text.replace("„Solar“; mit Umlaut", '"„Solar“; mit Umlaut"').encode("utf-8")


def test_german_excel_csv_is_imported_with_every_column(world):
    report = ties_import(data=_csv(GOOD))
    assert report.ok, report.lines()
    assert report.created == 2
    coop = Tie.objects.get(kind="cooperation")
    assert (coop.weight, coop.started.isoformat(), coop.note) == (2.5, "2024-03-01", "„Solar“; mit Umlaut")
    funding = Tie.objects.get(kind="funding")
    assert funding.source.slug == "stadtverwaltung-zwickau" and funding.ended.isoformat() == "2024-12-31"
    assert {t.origin for t in Tie.objects.all()} == {TieOrigin.IMPORTED}


def test_importing_the_same_file_twice_creates_nothing_the_second_time(world):
    ties_import(data=_csv(GOOD))
    again = ties_import(data=_csv(GOOD))
    assert again.ok and again.created == 0 and again.unchanged == 2
    assert Tie.objects.count() == 2


def test_one_bad_line_writes_nothing_and_every_error_names_line_and_column(world):
    bad = GOOD + (
        "umweltverein-zwickau;gibt-es-nicht;cooperation;1;;;\n"
        "umweltverein-zwickau;biohof-crimmitschau;freundschaft;1;;;\n"
        "umweltverein-zwickau;biohof-crimmitschau;supply;null;;;\n"
        "umweltverein-zwickau;biohof-crimmitschau;membership;1;2024-05-01;2024-04-01;\n"
        "umweltverein-zwickau;umweltverein-zwickau;cooperation;1;;;\n"
        "umweltverein-zwickau;dorfladen-crimmitschau;project;1;;;\n"
        "stadtverwaltung-zwickau;umweltverein-zwickau;cooperation;1;;;\n"
    )
    report = ties_import(data=_csv(bad))
    assert not report.ok and report.created == 0
    assert not Tie.objects.exists()
    where = {(e.row, e.column) for e in report.errors}
    assert where == {
        (4, "target"),
        (5, "kind"),
        (6, "weight"),
        (7, "ended"),
        (8, "target"),
        (9, "kind"),
        (10, "target"),
    }
    messages = " ".join(report.lines())
    assert "gibt-es-nicht" in messages and "Zeile 2" in messages and "nichts geschrieben" in messages


def test_missing_columns_are_named(world):
    report = ties_import(data=b"source;kind\na;cooperation\n")
    assert not report.ok and "target" in report.errors[0].message


def test_coordinator_imports_only_ties_touching_their_region(world):
    line = "energiegenossenschaft-zittau;stadtverwaltung-zwickau;cooperation\n"
    data = ("source;target;kind\n" + line).encode()
    assert ties_import(data=data, user=world["users"]["coord_b"]).ok
    outsider = b"source;target;kind\numweltverein-zwickau;stadtverwaltung-zwickau;cooperation\n"
    report = ties_import(data=outsider, user=world["users"]["coord_b"])
    assert not report.ok and "Gebiet Ihrer Netzwerke" in report.errors[0].message
    assert Tie.objects.count() == 1


def test_import_page_previews_errors_and_imports_after_the_check(world, client_for):
    client = client_for(world["users"]["coord_a"])
    url = reverse("ties:import")
    broken = SimpleUploadedFile("kanten.csv", b"source;target;kind\numweltverein-zwickau;nix;cooperation\n")
    response = client.post(url, {"file": broken, "dry_run": "on"})
    assert response.status_code == 422
    assert "Zeile 2, Spalte „target“" in response.content.decode()
    good = SimpleUploadedFile("kanten.csv", _csv(GOOD))
    assert client.post(url, {"file": good, "dry_run": "on"}).status_code == 200
    assert not Tie.objects.exists()
    good = SimpleUploadedFile("kanten.csv", _csv(GOOD))
    assert client.post(url, {"file": good}).status_code == 200
    assert Tie.objects.count() == 2


def test_import_command_reports_and_fails_on_errors(world, tmp_path, capsys):
    path = tmp_path / "kanten.csv"
    path.write_bytes(_csv(GOOD))
    call_command("import_ties", str(path))
    assert "2 geschrieben" in capsys.readouterr().out
    assert Tie.objects.count() == 2
