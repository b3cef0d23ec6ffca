"""Permission matrix over every write route and private page of the groups app, for anonymous
visitors, a signed-in stranger, a group member, the group coordinator, the coordinator of the group's
(parent) network, the coordinator of another network, and staff. Each write is checked for its effect
too: a refused request changes nothing."""

import io

import pytest

from tests.factories import UserFactory
from tests.groups.conftest import client_for
from wandelwerk.groups.models import Document, GroupMembership, JoinRequest, Post, SharedLink, WorkingGroup
from wandelwerk.groups.services import group_join
from wandelwerk.groups.services_content import document_add, link_add, post_create

ROLES = ["anonymous", "stranger", "member", "group_coord", "network_coord", "coord_b", "staff"]
PDF = b"%PDF-1.4\n%%EOF\n"


def expect(role, table):
    return table[ROLES.index(role)]


@pytest.fixture
def content(world):
    group, member = world["group"], world["users"]["member"]
    post = post_create(group=group, user=member, text="Interner Zwischenstand")
    link = link_add(group=group, user=member, title="Interner Link", url="https://example.org/intern")
    doc = document_add(
        group=group,
        user=member,
        title="Internes Protokoll",
        name="p.pdf",
        size=len(PDF),
        stream=io.BytesIO(PDF),
    )
    return {"post": post, "link": link, "doc": doc}


@pytest.mark.django_db
@pytest.mark.parametrize("role", ROLES)
def test_pages_and_private_content(world, content, role):
    c = client_for(world["users"][role])
    group = world["group"]
    base = f"/arbeitsgruppen/{group.slug}"
    assert c.get("/arbeitsgruppen/").status_code == 200
    r = c.get(f"{base}/")
    assert r.status_code == 200
    html = r.content.decode()
    sees = role in ("member", "group_coord", "staff")
    assert ("Interner Zwischenstand" in html) == sees
    assert ("Interner Link" in html) == sees
    assert ("Internes Protokoll" in html) == sees
    assert "Solar für alle" in html  # the description is public
    assert c.get("/arbeitsgruppen/meine/").status_code == expect(role, [302, 200, 200, 200, 200, 200, 200])
    assert c.get("/arbeitsgruppen/neu/").status_code == expect(role, [302, 403, 403, 403, 200, 200, 200])
    assert c.get(f"{base}/bearbeiten/").status_code == expect(role, [302, 403, 403, 200, 200, 403, 200])
    assert c.get(f"{base}/mitglieder/").status_code == expect(role, [302, 403, 403, 200, 403, 403, 200])
    doc = content["doc"]
    assert c.get(f"{base}/dokumente/{doc.pk}/").status_code == expect(
        role, [403, 403, 200, 200, 403, 403, 200]
    )
    edit = c.get(f"{base}/beitraege/{content['post'].pk}/bearbeiten/").status_code
    assert edit == expect(role, [302, 403, 200, 403, 403, 403, 403])


@pytest.mark.django_db
@pytest.mark.parametrize("role", ROLES)
def test_group_create_and_edit(world, role):
    c = client_for(world["users"][role])
    data = {
        "network": world["net_a1"].pk,
        "name": "AG Neu",
        "description": "",
        "join_mode": "open",
        "visibility": "members",
    }
    r = c.post("/arbeitsgruppen/neu/", data)
    assert r.status_code == expect(role, [302, 403, 403, 403, 302, 400, 302])
    assert WorkingGroup.objects.filter(name="AG Neu").exists() == (role in ("network_coord", "staff"))
    group = world["group"]
    r = c.post(f"/arbeitsgruppen/{group.slug}/bearbeiten/", {**data, "name": "AG Umbenannt"})
    assert r.status_code == expect(role, [302, 403, 403, 302, 302, 403, 302])
    renamed = WorkingGroup.objects.get(pk=group.pk).name == "AG Umbenannt"
    assert renamed == (role in ("group_coord", "network_coord", "staff"))


@pytest.mark.django_db
@pytest.mark.parametrize("role", ROLES)
def test_join_leave_and_notifications(world, role):
    user, group = world["users"][role], world["group"]
    c = client_for(user)
    base = f"/arbeitsgruppen/{group.slug}"
    was_member = user is not None and GroupMembership.objects.filter(group=group, user=user).exists()
    r = c.post(f"{base}/benachrichtigungen/", {"notify": "1"})
    assert r.status_code == expect(role, [302, 403, 302, 302, 403, 403, 403])
    assert GroupMembership.objects.filter(group=group, notify_posts=True).count() == int(was_member)
    r = c.post(f"{base}/beitreten/")
    assert r.status_code == expect(role, [302, 302, 403, 403, 302, 302, 302])
    r = c.post(f"{base}/austreten/")  # everyone signed in is a member by now
    assert r.status_code == 302
    if user is None:
        assert r.url.startswith("/konto/login/")
    # the last coordinator stays; everybody else is out again
    members = set(GroupMembership.objects.filter(group=group).values_list("user", flat=True))
    assert members == {world["users"]["group_coord"].pk} | (
        set() if role == "member" else {world["users"]["member"].pk}
    )


@pytest.mark.django_db
@pytest.mark.parametrize("role", ROLES)
def test_member_management(world, role):
    c = client_for(world["users"][role])
    group = world["group"]
    WorkingGroup.objects.filter(pk=group.pk).update(join_mode="request")
    group.refresh_from_db()
    join_request = group_join(group=group, user=UserFactory())
    base = f"/arbeitsgruppen/{group.slug}"
    allowed = role in ("group_coord", "staff")
    r = c.post(f"{base}/anfragen/{join_request.pk}/", {"decision": "approve"})
    assert r.status_code == expect(role, [302, 403, 403, 302, 403, 403, 302])
    assert (JoinRequest.objects.get(pk=join_request.pk).status == "approved") == allowed
    membership = GroupMembership.objects.get(group=group, user=world["users"]["member"])
    r = c.post(f"{base}/mitglieder/{membership.pk}/rolle/", {"role": "coordinator"})
    assert r.status_code == expect(role, [302, 403, 403, 302, 403, 403, 302])
    assert (GroupMembership.objects.get(pk=membership.pk).role == "coordinator") == allowed
    r = c.post(f"{base}/mitglieder/{membership.pk}/entfernen/")
    assert r.status_code == expect(role, [302, 403, 403, 302, 403, 403, 302])
    assert (not GroupMembership.objects.filter(pk=membership.pk).exists()) == allowed


@pytest.mark.django_db
@pytest.mark.parametrize("role", ROLES)
def test_discussion_writes(world, content, role):
    c = client_for(world["users"][role])
    group, post = world["group"], content["post"]
    base = f"/arbeitsgruppen/{group.slug}"
    r = c.post(f"{base}/beitraege/", {"text": "Neuer Beitrag"})
    assert r.status_code == expect(role, [302, 403, 302, 302, 403, 403, 403])
    assert Post.objects.filter(text="Neuer Beitrag").exists() == (role in ("member", "group_coord"))
    r = c.post(f"{base}/beitraege/", {"parent": post.pk, f"reply-{post.pk}-text": "Eine Antwort"})
    assert r.status_code == expect(role, [302, 403, 302, 302, 403, 403, 403])
    assert Post.objects.filter(parent=post, text="Eine Antwort").exists() == (
        role in ("member", "group_coord")
    )
    r = c.post(f"{base}/beitraege/{post.pk}/bearbeiten/", {"text": "Geändert"})
    assert r.status_code == expect(role, [302, 403, 302, 403, 403, 403, 403])
    assert (Post.objects.get(pk=post.pk).text == "Geändert") == (role == "member")
    r = c.post(f"{base}/beitraege/{post.pk}/loeschen/")
    assert r.status_code == expect(role, [302, 403, 302, 302, 403, 403, 302])
    deleted = not Post.objects.filter(pk=post.pk, deleted_at__isnull=True).exists()
    assert deleted == (role in ("member", "group_coord", "staff"))


@pytest.mark.django_db
@pytest.mark.parametrize("role", ROLES)
def test_link_and_document_writes(world, content, role):
    from django.core.files.uploadedfile import SimpleUploadedFile

    c = client_for(world["users"][role])
    group = world["group"]
    base = f"/arbeitsgruppen/{group.slug}"
    writes = role in ("member", "group_coord")
    deletes = role in ("member", "group_coord", "staff")
    r = c.post(f"{base}/links/", {"title": "Neu", "url": "https://example.org/neu"})
    assert r.status_code == expect(role, [302, 403, 302, 302, 403, 403, 403])
    assert SharedLink.objects.filter(title="Neu").exists() == writes
    r = c.post(f"{base}/dokumente/", {"title": "Neu", "file": SimpleUploadedFile("n.pdf", PDF)})
    assert r.status_code == expect(role, [302, 403, 302, 302, 403, 403, 403])
    assert Document.objects.filter(title="Neu").exists() == writes
    r = c.post(f"{base}/links/{content['link'].pk}/loeschen/")
    assert r.status_code == expect(role, [302, 403, 302, 302, 403, 403, 302])
    assert (not SharedLink.objects.filter(pk=content["link"].pk).exists()) == deletes
    r = c.post(f"{base}/dokumente/{content['doc'].pk}/loeschen/")
    assert r.status_code == expect(role, [302, 403, 302, 302, 403, 403, 302])
    assert (not Document.objects.filter(pk=content["doc"].pk).exists()) == deletes


@pytest.mark.django_db
def test_get_on_write_routes_is_refused(world):
    c = client_for(world["users"]["member"])
    base = f"/arbeitsgruppen/{world['group'].slug}"
    for path in ("beitreten/", "austreten/", "beitraege/", "links/", "dokumente/", "benachrichtigungen/"):
        assert c.get(f"{base}/{path}").status_code == 405
