"""Permission matrix over every write route of the action pool and the toolbox: anonymous, a stranger,
the author of a draft, a network coordinator, staff."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from tests.knowledge.conftest import ROLES, client_for, make_method, make_practice
from wandelwerk.knowledge.models import Method, MethodFile, Practice

LOGIN = "/konto/login/"


def expect(role, table):
    return table[ROLES.index(role)]


@pytest.fixture
def entries(users):
    author = users["author"]
    return {
        "practice": make_practice(user=author, publish=False, title="Entwurf Mitfahrbank"),
        "published_practice": make_practice(user=author, title="Solawi"),
        "method": make_method(user=author, publish=False, title="Entwurf Fishbowl"),
        "published_method": make_method(user=author, title="Open Space"),
    }


@pytest.mark.django_db
@pytest.mark.parametrize("role", ROLES)
def test_propose_routes_need_a_signed_in_person_and_save_unpublished(users, role):
    c = client_for(users[role])
    for url in ("/wissen/praxisbeispiele/neu/", "/wissen/methoden/neu/"):
        r = c.get(url)
        assert r.status_code == expect(role, [302, 200, 200, 200, 200])
        if role == "anonymous":
            assert r["Location"].startswith(LOGIN)
    r = c.post(
        "/wissen/praxisbeispiele/neu/", {"title": f"Tauschbörse {role}", "summary": "s", "effort": "low"}
    )
    assert r.status_code == 302
    created = Practice.objects.filter(title=f"Tauschbörse {role}").first()
    assert (created is not None) == (role != "anonymous")
    if created:
        assert not created.is_published
        assert created.created_by == users[role]
    r = c.post("/wissen/methoden/neu/", {"title": f"Checkliste {role}", "summary": "s", "kind": "checklist"})
    created = Method.objects.filter(title=f"Checkliste {role}").first()
    assert (created is not None) == (role != "anonymous")
    assert created is None or not created.is_published


@pytest.mark.django_db
@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("kind", ["practice", "method"])
def test_edit_draft_allowed_for_author_coordinator_and_staff(users, entries, role, kind):
    entry = entries[kind]
    base = "/wissen/praxisbeispiele" if kind == "practice" else "/wissen/methoden"
    c = client_for(users[role])
    r = c.get(f"{base}/{entry.slug}/bearbeiten/")
    # a stranger does not even see the draft: 404 rather than 403
    assert r.status_code == expect(role, [302, 404, 200, 200, 200])
    data = {"title": "Neuer Titel", "summary": "Neu", "effort": "high", "kind": "guide"}
    r = c.post(f"{base}/{entry.slug}/bearbeiten/", data)
    assert r.status_code == expect(role, [302, 404, 302, 302, 302])
    changed = type(entry).objects.get(pk=entry.pk).title == "Neuer Titel"
    assert changed == (role in ("author", "coordinator", "staff"))


@pytest.mark.django_db
@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("kind", ["published_practice", "published_method"])
def test_published_entries_are_edited_by_coordinators_and_staff_only(users, entries, role, kind):
    entry = entries[kind]
    base = "/wissen/praxisbeispiele" if kind == "published_practice" else "/wissen/methoden"
    c = client_for(users[role])
    data = {"title": "Geändert", "summary": "Neu", "effort": "high", "kind": "guide"}
    r = c.post(f"{base}/{entry.slug}/bearbeiten/", data)
    assert r.status_code == expect(role, [302, 403, 403, 302, 302])
    assert (type(entry).objects.get(pk=entry.pk).title == "Geändert") == (role in ("coordinator", "staff"))


@pytest.mark.django_db
@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("kind", ["practice", "method"])
def test_publish_and_delete_only_for_coordinators_and_staff(users, entries, role, kind):
    entry = entries[kind]
    base = "/wissen/praxisbeispiele" if kind == "practice" else "/wissen/methoden"
    c = client_for(users[role])
    r = c.post(f"{base}/{entry.slug}/veroeffentlichen/", {"publish": "1"})
    assert r.status_code == expect(role, [302, 404, 403, 302, 302])
    published = type(entry).objects.get(pk=entry.pk).is_published
    assert published == (role in ("coordinator", "staff"))
    assert c.get(f"{base}/{entry.slug}/veroeffentlichen/").status_code == expect(
        role, [302, 405, 405, 405, 405]
    )
    r = c.post(f"{base}/{entry.slug}/loeschen/")
    assert r.status_code == expect(role, [302, 404, 403, 302, 302])
    assert type(entry).objects.filter(pk=entry.pk).exists() == (role not in ("coordinator", "staff"))


@pytest.mark.django_db
@pytest.mark.parametrize("role", ROLES)
def test_withdrawing_a_published_practice_needs_an_editor(users, entries, role):
    entry = entries["published_practice"]
    r = client_for(users[role]).post(
        f"/wissen/praxisbeispiele/{entry.slug}/veroeffentlichen/", {"publish": "0"}
    )
    assert r.status_code == expect(role, [302, 403, 403, 302, 302])
    assert Practice.objects.get(pk=entry.pk).is_published == (role not in ("coordinator", "staff"))


@pytest.mark.django_db
@pytest.mark.parametrize("role", ROLES)
def test_files_are_added_to_a_draft_by_its_author_and_editors(users, entries, role):
    method = entries["method"]
    c = client_for(users[role])
    upload = SimpleUploadedFile("liste.txt", b"1. Raum buchen\n2. Einladen\n", content_type="text/plain")
    r = c.post(f"/wissen/methoden/{method.slug}/dateien/", {"title": "Liste", "file": upload})
    assert r.status_code == expect(role, [302, 404, 302, 302, 302])
    assert MethodFile.objects.filter(method=method).exists() == (role in ("author", "coordinator", "staff"))


@pytest.mark.django_db
@pytest.mark.parametrize("role", ROLES)
def test_files_of_a_published_method_are_deleted_by_editors_only(users, entries, role):
    from wandelwerk.knowledge.services import method_file_add

    method = entries["published_method"]
    stored = method_file_add(
        method=method, title="Plan", name="plan.csv", stream=_stream(b"a;b\n1;2\n"), size=8
    )
    r = client_for(users[role]).post(f"/wissen/methoden/{method.slug}/dateien/{stored.pk}/loeschen/")
    assert r.status_code == expect(role, [302, 403, 403, 302, 302])
    assert MethodFile.objects.filter(pk=stored.pk).exists() == (role not in ("coordinator", "staff"))
    r = client_for(users[role]).post(f"/wissen/methoden/{method.slug}/dateien/", {"title": "x"})
    assert r.status_code == expect(role, [302, 403, 403, 400, 400])


def _stream(data):
    import io

    return io.BytesIO(data)
