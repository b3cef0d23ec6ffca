"""Shared links and documents: http(s) links only; uploads checked for size, extension and content;
stored under generated names; downloads only through the permission-checking view."""

import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from tests.factories import UserFactory
from tests.groups.conftest import client_for
from wandelwerk.groups.models import Document, SharedLink, WorkingGroup
from wandelwerk.groups.services import GroupError
from wandelwerk.groups.services_content import document_add, document_delete, link_add

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32


def _zip(entries):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        for name, data in entries.items():
            z.writestr(name, data)
    return buf.getvalue()


DOCX = _zip({"[Content_Types].xml": "<Types/>", "word/document.xml": "<w:document/>"})
ODT = _zip({"mimetype": "application/vnd.oasis.opendocument.text", "content.xml": "<office/>"})


def _upload(client, group, name, data, title="Protokoll"):
    return client.post(
        f"/arbeitsgruppen/{group.slug}/dokumente/",
        {"title": title, "file": SimpleUploadedFile(name, data)},
    )


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("protokoll.pdf", PDF),
        ("foto.PNG", PNG),
        ("bild.jpg", b"\xff\xd8\xff\xe0" + b"\x00" * 20),
        ("notizen.md", "# Protokoll\n\n- Punkt ä ö ü\n".encode()),
        ("liste.csv", b"Name;Ort\nVerein;Zwickau\n"),
        ("bericht.docx", DOCX),
        ("bericht.odt", ODT),
    ],
)
def test_allowed_files_are_stored_under_a_generated_name(world, settings, name, data):
    group, member = world["group"], world["users"]["member"]
    r = _upload(client_for(member), group, name, data)
    assert r.status_code == 302
    doc = Document.objects.get(group=group)
    assert doc.original_name == name and doc.size == len(data)
    assert name.split(".")[0] not in doc.file.name  # the uploaded name never reaches the disk
    stored = settings.MEDIA_ROOT / doc.file.name
    assert stored.read_bytes() == data


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("seite.html", b"<html><body>hi</body></html>", "nicht erlaubt"),
        ("bild.svg", b"<svg xmlns='http://www.w3.org/2000/svg'/>", "nicht erlaubt"),
        ("setup.exe", b"MZ\x90\x00", "nicht erlaubt"),
        ("ohne-endung", b"irgendwas", "nicht erlaubt"),
        ("getarnt.pdf", b"<!DOCTYPE html><script>alert(1)</script>", "HTML, SVG oder XML"),
        ("getarnt.txt", b"<html><script>alert(1)</script></html>", "HTML, SVG oder XML"),
        ("getarnt.md", b"Text\n<svg onload=alert(1)>", "HTML, SVG oder XML"),
        ("programm.png", b"MZ\x90\x00\x03\x00", "passt nicht"),
        ("binaer.txt", b"\x7fELF\x02\x01\x01\x00", "passt nicht"),
        ("kaputt.docx", b"PK\x03\x04 kein zip", "passt nicht"),
        ("falsch.odt", DOCX, "passt nicht"),
        ("leer.pdf", b"", "leer"),
    ],
)
def test_refused_files_get_a_clear_error_naming_the_field_and_nothing_is_stored(
    world, settings, name, data, message
):
    group, member = world["group"], world["users"]["member"]
    r = _upload(client_for(member), group, name, data)
    assert r.status_code == 400
    html = r.content.decode()
    assert message in html and 'href="#doc-file"' in html
    assert not Document.objects.exists()
    media = settings.MEDIA_ROOT
    assert not media.exists() or not any(p.is_file() for p in media.rglob("*"))


@pytest.mark.django_db
def test_files_over_the_size_limit_are_refused(world, settings):
    settings.UPLOAD_MAX_BYTES = 1024
    group, member = world["group"], world["users"]["member"]
    with pytest.raises(GroupError, match="zu groß") as err:
        document_add(
            group=group, user=member, title="Groß", name="gross.pdf", size=2048, stream=io.BytesIO(PDF)
        )
    assert err.value.field == "file"
    r = _upload(client_for(member), group, "gross.pdf", PDF + b"0" * 2000)
    assert r.status_code == 400 and "zu groß" in r.content.decode()
    assert not Document.objects.exists()


@pytest.mark.django_db
def test_a_missing_title_names_the_field(world):
    r = _upload(client_for(world["users"]["member"]), world["group"], "a.pdf", PDF, title="")
    assert r.status_code == 400 and 'href="#doc-title"' in r.content.decode()
    assert not Document.objects.exists()


@pytest.mark.django_db
def test_download_is_an_attachment_with_nosniff_for_members_only(world):
    # given a document in a members-only group
    group, member = world["group"], world["users"]["member"]
    doc = document_add(
        group=group,
        user=member,
        title="Protokoll",
        name="protokoll.pdf",
        size=len(PDF),
        stream=io.BytesIO(PDF),
    )
    url = f"/arbeitsgruppen/{group.slug}/dokumente/{doc.pk}/"
    # when a member downloads it
    r = client_for(member).get(url)
    # then it comes as an attachment with its original name, never sniffed
    assert r.status_code == 200
    assert b"".join(r.streaming_content) == PDF
    assert r["Content-Disposition"].startswith("attachment") and "protokoll.pdf" in r["Content-Disposition"]
    assert r["X-Content-Type-Options"] == "nosniff"
    assert r["Content-Type"] == "application/pdf"
    # and nobody outside the group gets it
    assert client_for(None).get(url).status_code == 403
    assert client_for(world["users"]["stranger"]).get(url).status_code == 403
    assert client_for(world["users"]["network_coord"]).get(url).status_code == 403
    assert client_for(world["users"]["staff"]).get(url).status_code == 200
    # a document of another group cannot be fetched through this group's address
    other = document_add(
        group=WorkingGroup.objects.create(network=world["net_b"], name="B", slug="b", visibility="public"),
        user=member,
        title="x",
        name="x.pdf",
        size=len(PDF),
        stream=io.BytesIO(PDF),
    )
    assert client_for(member).get(f"/arbeitsgruppen/{group.slug}/dokumente/{other.pk}/").status_code == 404
    # once the group is fully public, anyone may download
    WorkingGroup.objects.filter(pk=group.pk).update(visibility="public")
    assert client_for(None).get(url).status_code == 200


@pytest.mark.django_db(transaction=True)
def test_deleting_a_document_removes_its_file(world, settings):
    group, member = world["group"], world["users"]["member"]
    doc = document_add(
        group=group, user=member, title="P", name="p.pdf", size=len(PDF), stream=io.BytesIO(PDF)
    )
    path = settings.MEDIA_ROOT / doc.file.name
    assert path.exists()
    document_delete(document=doc)
    assert not path.exists() and not Document.objects.exists()


@pytest.mark.django_db
def test_only_the_uploader_and_coordinators_delete_documents_and_links(world):
    group, member, coord = world["group"], world["users"]["member"], world["users"]["group_coord"]
    other = UserFactory()
    from wandelwerk.groups.services import group_join

    group_join(group=group, user=other)
    doc = document_add(
        group=group, user=member, title="P", name="p.pdf", size=len(PDF), stream=io.BytesIO(PDF)
    )
    link = link_add(group=group, user=member, title="Förderung", url="https://example.org/foerderung")
    base = f"/arbeitsgruppen/{group.slug}"
    assert client_for(other).post(f"{base}/dokumente/{doc.pk}/loeschen/").status_code == 403
    assert client_for(other).post(f"{base}/links/{link.pk}/loeschen/").status_code == 403
    assert client_for(member).post(f"{base}/links/{link.pk}/loeschen/").status_code == 302
    assert client_for(coord).post(f"{base}/dokumente/{doc.pk}/loeschen/").status_code == 302
    assert not Document.objects.exists() and not SharedLink.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(1)",
        "ftp://example.org/datei",
        "data:text/html,<script>",
        "//example.org",
        "mailto:a@b.de",
    ],
)
def test_links_accept_only_http_and_https(world, url):
    group, member = world["group"], world["users"]["member"]
    with pytest.raises(GroupError, match="http"):
        link_add(group=group, user=member, title="Link", url=url)
    r = client_for(member).post(f"/arbeitsgruppen/{group.slug}/links/", {"title": "Link", "url": url})
    if url.startswith("//"):  # the form completes a scheme-relative address to https
        assert r.status_code == 302 and SharedLink.objects.get().url.startswith("https://example.org")
    else:
        assert r.status_code == 400 and 'href="#link-url"' in r.content.decode()
        assert not SharedLink.objects.exists()


@pytest.mark.django_db
def test_a_shared_link_appears_for_members(world):
    group, member = world["group"], world["users"]["member"]
    r = client_for(member).post(
        f"/arbeitsgruppen/{group.slug}/links/", {"title": "SAENA", "url": "https://www.saena.de/"}
    )
    assert r.status_code == 302
    html = client_for(member).get(group.get_absolute_url()).content.decode()
    assert 'href="https://www.saena.de/"' in html
    assert "SAENA" not in client_for(None).get(group.get_absolute_url()).content.decode()
