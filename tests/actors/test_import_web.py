"""The coordinators' upload: permissions, preview without writing, confirm by token only, size limit."""

from __future__ import annotations

import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from tests.actors.fixtures_io import add_postcodes, make_topics
from tests.factories import NetworkFactory, UserFactory, make_member
from wandelwerk.actors.models import Actor, Status
from wandelwerk.networks.models import Role

URL = "/akteure/import/"
GOOD = "name;ags;Themen\nSolawi Zwickau;14524330;Energie\nRepair-Café;14524330;\n".encode()
BAD = b"name,postcode\nA,08056\nB,abc\n"


@pytest.fixture(autouse=True)
def _uploads_in_tmp(settings, tmp_path):
    settings.VAR_DIR = tmp_path


@pytest.fixture
def world(geo):
    add_postcodes(geo)
    make_topics()
    network = NetworkFactory(areas=[geo["zwickau_lk"]])
    return {
        **geo,
        "network": network,
        "coordinator": make_member(network, role=Role.COORDINATOR),
        "member": make_member(network),
    }


def upload(client, data: bytes, name: str = "liste.csv", **extra):
    return client.post(URL, {"file": SimpleUploadedFile(name, data, "text/csv"), **extra})


def token_of(response) -> str:
    match = re.search(r'name="token" value="([^"]+)"', response.content.decode())
    assert match, "the preview offers no confirm button"
    return match.group(1)


def test_anonymous_visitor_is_sent_to_login_and_cannot_upload(client, world):
    assert client.get(URL).status_code == 302
    response = upload(client, GOOD)
    assert response.status_code == 302 and "/konto/" in response["Location"]
    assert Actor.objects.count() == 0


def test_member_who_coordinates_nothing_is_refused(client, world):
    client.force_login(world["member"])
    assert client.get(URL).status_code == 403
    assert upload(client, GOOD).status_code == 403
    assert Actor.objects.count() == 0


def test_coordinator_sees_form_then_preview_without_anything_written(client, world):
    client.force_login(world["coordinator"])
    page = client.get(URL)
    assert page.status_code == 200
    assert 'type="file"' in page.content.decode()

    preview = upload(client, GOOD)

    html = preview.content.decode()
    assert preview.status_code == 200
    assert "Solawi Zwickau" in html and "Repair-Café" in html
    assert "2 Einträge importieren" in html
    assert Actor.objects.count() == 0


def test_confirming_the_preview_imports_the_stored_upload_as_published(client, world, settings):
    client.force_login(world["coordinator"])
    token = token_of(upload(client, GOOD, source="Liste des Netzwerks"))

    # a file re-posted with the confirmation is ignored: only the stored upload counts
    other = SimpleUploadedFile("anders.csv", b"name,ags\nEingeschmuggelt,14524330\n")
    result = client.post(URL, {"token": token, "file": other})

    assert result.status_code == 200
    assert "Import abgeschlossen" in result.content.decode()
    assert set(Actor.objects.values_list("name", "status", "source")) == {
        ("Solawi Zwickau", Status.PUBLISHED, "Liste des Netzwerks"),
        ("Repair-Café", Status.PUBLISHED, "Liste des Netzwerks"),
    }
    # the token is used up: confirming again writes nothing and says why
    again = client.post(URL, {"token": token})
    assert again.status_code == 400
    assert Actor.objects.count() == 2
    assert not list((settings.VAR_DIR / "imports").glob(f"{token}.*"))  # the stored bytes are gone


def test_token_of_another_coordinator_is_refused(client, world):
    client.force_login(world["coordinator"])
    token = token_of(upload(client, GOOD))
    other = make_member(NetworkFactory(areas=[world["zittau"]]), role=Role.COORDINATOR)
    client.force_login(other)
    response = client.post(URL, {"token": token})
    assert response.status_code == 400
    assert Actor.objects.count() == 0


def test_forged_token_is_refused(client, world):
    client.force_login(world["coordinator"])
    response = client.post(URL, {"token": "../../etc/passwd"})
    assert response.status_code == 400
    assert "abgelaufen" in response.content.decode()


def test_preview_with_a_bad_row_lists_the_error_and_offers_no_import(client, world):
    client.force_login(world["coordinator"])
    response = upload(client, BAD)
    html = response.content.decode()
    assert response.status_code == 422
    assert "Zeile 3, Spalte „postcode“" in html
    assert "„abc“ ist keine Postleitzahl" in html
    assert 'name="token"' not in html
    assert Actor.objects.count() == 0


def test_file_over_20_mb_is_refused_with_a_clear_message(client, world):
    client.force_login(world["coordinator"])
    big = b"name,ags\n" + b"x" * (20 * 1024 * 1024)
    response = upload(client, big)
    assert response.status_code == 400
    assert "höchstens 20 MB" in response.content.decode()


def test_staff_may_import(client, world):
    client.force_login(UserFactory(is_staff=True))
    response = upload(client, GOOD)
    assert response.status_code == 200
    client.post(URL, {"token": token_of(response)})
    assert Actor.objects.count() == 2
