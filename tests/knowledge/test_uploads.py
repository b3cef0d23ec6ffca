"""Uploads: size limit, allowed types by extension AND content, stored under a generated name,
served only through the download view as an attachment with nosniff."""

import io
import zipfile
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from tests.knowledge.conftest import client_for, make_method
from wandelwerk.knowledge.models import MethodFile

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32


def _zip(members):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        for name, data in members.items():
            z.writestr(name, data)
    return buf.getvalue()


def upload(client, method, name, data, title="Datei"):
    return client.post(
        f"/wissen/methoden/{method.slug}/dateien/",
        {"title": title, "file": SimpleUploadedFile(name, data, content_type="application/octet-stream")},
    )


@pytest.fixture
def method(users):
    return make_method(user=users["author"], title="Fördermittel-Checkliste", kind="checklist")


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("name", "data", "content_type"),
    [
        ("plan.pdf", PDF, "application/pdf"),
        ("bild.png", PNG, "image/png"),
        ("foto.JPEG", b"\xff\xd8\xff\xe0" + b"\x00" * 20, "image/jpeg"),
        ("liste.csv", b"Posten;Betrag\nMiete;120\n", "text/csv; charset=utf-8"),
        ("notiz.md", "# Überschrift\n\n- Punkt\n".encode(), "text/markdown; charset=utf-8"),
        ("alt.txt", "Grüße aus Görlitz".encode("cp1252"), "text/plain; charset=utf-8"),
        (
            "text.odt",
            _zip({"mimetype": "application/vnd.oasis.opendocument.text", "content.xml": "<x/>"}),
            "application/vnd.oasis.opendocument.text",
        ),
        (
            "brief.docx",
            _zip({"[Content_Types].xml": "<x/>", "word/document.xml": "<x/>"}),
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        ),
        (
            "tabelle.xlsx",
            _zip({"[Content_Types].xml": "<x/>", "xl/workbook.xml": "<x/>"}),
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        ),
    ],
)
def test_allowed_files_are_stored_under_a_generated_name(users, method, name, data, content_type, _media):
    r = upload(client_for(users["staff"]), method, name, data)
    assert r.status_code == 302
    stored = MethodFile.objects.get(method=method)
    assert stored.content_type == content_type
    assert stored.size == len(data)
    assert Path(stored.file.name).stem != Path(name).stem
    assert Path(stored.file.path).is_relative_to(Path(_media))
    assert Path(stored.file.path).read_bytes() == data


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("seite.html", b"<html><body>hi</body></html>", "Endung „.html“ sind nicht erlaubt"),
        ("bild.svg", b"<svg xmlns='http://www.w3.org/2000/svg'></svg>", "Endung „.svg“ sind nicht erlaubt"),
        ("setup.exe", b"MZ\x90\x00", "Endung „.exe“ sind nicht erlaubt"),
        ("plan.pdf", b"<!DOCTYPE html><html><script>alert(1)</script></html>", "enthält HTML"),
        ("notiz.txt", b"<script>alert(1)</script>", "enthält HTML"),
        ("bild.png", b"MZ\x90\x00\x03\x00\x00\x00", "passt nicht zur Endung „.png“"),
        ("text.odt", _zip({"mimetype": "application/zip"}), "passt nicht zur Endung „.odt“"),
        ("leer.pdf", b"", "leer"),
    ],
)
def test_wrong_types_are_refused_with_a_clear_error(users, method, name, data, message):
    r = upload(client_for(users["staff"]), method, name, data)
    assert r.status_code == 400
    html = r.content.decode()
    assert message in html
    assert "Datei</a>: " in html  # the error names the field, once
    assert "Datei</a>: Datei:" not in html
    assert not MethodFile.objects.exists()


@pytest.mark.django_db
def test_too_big_file_is_refused_naming_the_limit(settings, users, method):
    settings.UPLOAD_MAX_BYTES = 1024
    r = upload(client_for(users["staff"]), method, "gross.pdf", PDF + b"0" * 2048)
    assert r.status_code == 400
    assert "zu groß" in r.content.decode()
    assert not MethodFile.objects.exists()


@pytest.mark.django_db
def test_download_is_an_attachment_with_nosniff(users, method):
    upload(client_for(users["staff"]), method, "checkliste.md", b"# Checkliste\n- [ ] Antrag\n")
    stored = MethodFile.objects.get()
    r = client_for(None).get(f"/wissen/methoden/{method.slug}/dateien/{stored.pk}/")
    assert r.status_code == 200
    assert r["Content-Disposition"].startswith("attachment;")
    assert 'filename="datei.md"' in r["Content-Disposition"]
    assert r["X-Content-Type-Options"] == "nosniff"
    assert r["Content-Type"] == "text/markdown; charset=utf-8"
    assert b"".join(r.streaming_content).startswith(b"# Checkliste")


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("role", "status"),
    [("anonymous", 404), ("stranger", 404), ("author", 200), ("coordinator", 200), ("staff", 200)],
)
def test_files_of_unpublished_methods_only_for_editors(users, role, status):
    draft = make_method(user=users["author"], title="Entwurf", kind="template", publish=False)
    from wandelwerk.knowledge.services import method_file_add

    stored = method_file_add(method=draft, title="Vorlage", name="v.txt", stream=io.BytesIO(b"Hallo"), size=5)
    r = client_for(users[role]).get(f"/wissen/methoden/{draft.slug}/dateien/{stored.pk}/")
    assert r.status_code == status


@pytest.mark.django_db
def test_deleting_a_method_removes_its_stored_files(users, method, django_capture_on_commit_callbacks):
    upload(client_for(users["staff"]), method, "a.pdf", PDF)
    path = Path(MethodFile.objects.get().file.path)
    assert path.exists()
    with django_capture_on_commit_callbacks(execute=True):
        r = client_for(users["staff"]).post(f"/wissen/methoden/{method.slug}/loeschen/")
    assert r.status_code == 302
    assert not path.exists()
