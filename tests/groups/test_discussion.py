"""Posts and replies: who may write, edit and delete; placeholders; sanitised Markdown; emails only to
members who opted in, never to the author."""

import pytest

from tests.factories import UserFactory
from tests.groups.conftest import client_for
from wandelwerk.groups.models import Post
from wandelwerk.groups.services import GroupError, group_join, notify_set
from wandelwerk.groups.services_content import post_create, post_delete, post_edit

XSS = [
    "<script>alert('x')</script>",
    "[klick](javascript:alert(1))",
    '<img src=x onerror="alert(1)">',
    '<a href="javascript:alert(2)">a</a>',
    "<svg onload=alert(3)>",
]


@pytest.mark.django_db
def test_a_reply_to_a_reply_joins_the_same_thread(world):
    group, member = world["group"], world["users"]["member"]
    thread = post_create(group=group, user=member, text="Wer kommt zum Treffen?")
    reply = post_create(group=group, user=world["users"]["group_coord"], text="Ich!", parent=thread)
    nested = post_create(group=group, user=member, text="Prima", parent=reply)
    assert reply.parent_id == thread.pk and nested.parent_id == thread.pk


@pytest.mark.django_db
def test_empty_posts_and_replies_to_other_groups_are_refused_and_nothing_is_written(world):
    from wandelwerk.groups.services import group_create

    group, member = world["group"], world["users"]["member"]
    with pytest.raises(GroupError, match="Text fehlt") as err:
        post_create(group=group, user=member, text="   ")
    assert err.value.field == "text"
    other = group_create(user=member, network=world["net_b"], name="Andere AG")
    foreign = post_create(group=other, user=member, text="Anderswo")
    with pytest.raises(GroupError, match="anderen Gruppe"):
        post_create(group=group, user=member, text="Antwort", parent=foreign)
    assert not Post.objects.filter(group=group).exists()


@pytest.mark.django_db
def test_deleting_a_post_with_replies_keeps_a_placeholder_and_without_replies_removes_it(world):
    group, member, coord = world["group"], world["users"]["member"], world["users"]["group_coord"]
    thread = post_create(group=group, user=member, text="Frage zur Förderung")
    reply = post_create(group=group, user=coord, text="Antwort", parent=thread)
    lonely = post_create(group=group, user=member, text="Einzelner Beitrag")
    # when both the thread and the lonely post are deleted
    post_delete(post=thread)
    post_delete(post=lonely)
    # then the thread stays as an empty placeholder with its reply; the lonely one is gone
    kept = Post.objects.get(pk=thread.pk)
    assert kept.is_deleted and kept.text == ""
    assert not Post.objects.filter(pk=lonely.pk).exists()
    with pytest.raises(GroupError, match="Gelöschte"):
        post_edit(post=kept, text="neu")
    with pytest.raises(GroupError, match="gelöschte"):
        post_create(group=group, user=member, text="noch was", parent=kept)
    # when the last reply goes, the placeholder goes too
    post_delete(post=reply)
    assert not Post.objects.filter(group=group).exists()
    html = client_for(member).get(group.get_absolute_url()).content.decode()
    assert "Frage zur Förderung" not in html


@pytest.mark.django_db
def test_placeholder_page_says_geloescht_and_hides_the_text(world):
    group, member, coord = world["group"], world["users"]["member"], world["users"]["group_coord"]
    thread = post_create(group=group, user=member, text="Geheimer Entwurf")
    post_create(group=group, user=coord, text="Antwort bleibt", parent=thread)
    r = client_for(member).post(f"/arbeitsgruppen/{group.slug}/beitraege/{thread.pk}/loeschen/")
    assert r.status_code == 302
    html = client_for(member).get(group.get_absolute_url()).content.decode()
    assert "gelöscht" in html and "Antwort bleibt" in html and "Geheimer Entwurf" not in html


@pytest.mark.django_db
def test_authors_edit_their_own_posts_coordinators_delete_any_members_not_others(world):
    group, member, coord = world["group"], world["users"]["member"], world["users"]["group_coord"]
    other = UserFactory()
    group_join(group=group, user=other)
    post = post_create(group=group, user=member, text="Original")
    base = f"/arbeitsgruppen/{group.slug}/beitraege/{post.pk}"
    # another member may neither edit nor delete
    assert client_for(other).post(f"{base}/bearbeiten/", {"text": "gekapert"}).status_code == 403
    assert client_for(other).post(f"{base}/loeschen/").status_code == 403
    # the coordinator may not edit someone else's words
    assert client_for(coord).post(f"{base}/bearbeiten/", {"text": "zensiert"}).status_code == 403
    # the author edits; an empty text names the field and keeps the old text
    r = client_for(member).post(f"{base}/bearbeiten/", {"text": ""})
    assert r.status_code == 400 and "Beitrag" in r.content.decode()
    assert Post.objects.get(pk=post.pk).text == "Original"
    assert client_for(member).post(f"{base}/bearbeiten/", {"text": "Korrigiert"}).status_code == 302
    edited = Post.objects.get(pk=post.pk)
    assert edited.text == "Korrigiert" and edited.edited_at is not None
    # the coordinator deletes it
    assert client_for(coord).post(f"{base}/loeschen/").status_code == 302
    assert not Post.objects.filter(pk=post.pk).exists()


@pytest.mark.django_db
@pytest.mark.parametrize("payload", XSS)
def test_markup_in_posts_stays_inert_on_the_page(world, payload):
    group, member = world["group"], world["users"]["member"]
    c = client_for(member)
    r = c.post(f"/arbeitsgruppen/{group.slug}/beitraege/", {"text": f"Hallo {payload}"})
    assert r.status_code == 302
    html = c.get(group.get_absolute_url()).content.decode().lower()
    body = html.split('id="discussion-heading"')[1]
    assert "<script" not in body
    assert "javascript:" not in body
    assert "onerror=" not in body and "onload=" not in body
    assert "<svg" not in body and "<img" not in body


@pytest.mark.django_db
def test_markup_in_the_description_stays_inert(world):
    from wandelwerk.groups.services import group_update

    group = world["group"]
    group_update(
        group=group,
        name=group.name,
        description="**Fett** " + " ".join(XSS),
        topic=None,
        join_mode="open",
        visibility="public",
    )
    html = client_for(None).get(group.get_absolute_url()).content.decode().lower()
    assert "<strong>fett</strong>" in html
    main = html.split("<main")[1]
    assert "<script" not in main and "javascript:" not in main and "onerror=" not in main


@pytest.mark.django_db
def test_new_posts_email_only_members_who_opted_in_never_the_author(
    world, mailoutbox, django_capture_on_commit_callbacks
):
    # given three members: one opted in, one did not, and the author opted in too
    group, member, coord = world["group"], world["users"]["member"], world["users"]["group_coord"]
    quiet = UserFactory(email="ruhig@example.org")
    group_join(group=group, user=quiet)
    notify_set(group=group, user=member, notify=True)
    notify_set(group=group, user=coord, notify=True)
    # when the coordinator posts
    with django_capture_on_commit_callbacks(execute=True):
        post_create(group=group, user=coord, text="Neues Protokoll ist online")
    # then only the opted-in member gets one email, with the text and a link
    assert [m.to for m in mailoutbox] == [[member.email]]
    assert "AG Energie" in mailoutbox[0].subject
    assert "Neues Protokoll ist online" in mailoutbox[0].body
    assert f"/arbeitsgruppen/{group.slug}/#beitrag-" in mailoutbox[0].body
    # when the member opts out again, the next post mails nobody
    notify_set(group=group, user=member, notify=False)
    with django_capture_on_commit_callbacks(execute=True):
        post_create(group=group, user=coord, text="Noch ein Beitrag")
    assert len(mailoutbox) == 1


@pytest.mark.django_db
def test_notification_switch_on_the_page_works_for_members_only(world, mailoutbox):
    group, member = world["group"], world["users"]["member"]
    url = f"/arbeitsgruppen/{group.slug}/benachrichtigungen/"
    assert client_for(member).post(url, {"notify": "1"}).status_code == 302
    assert group.memberships.get(user=member).notify_posts is True
    assert client_for(world["users"]["stranger"]).post(url, {"notify": "1"}).status_code == 403
    with pytest.raises(GroupError):
        notify_set(group=group, user=world["users"]["stranger"], notify=True)
