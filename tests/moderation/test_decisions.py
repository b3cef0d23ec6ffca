"""Moderators decide once; only the content network's coordinators (and above) and staff may."""

import pytest
from django.urls import reverse

from tests.concurrency import race
from tests.factories import UserFactory
from tests.moderation.conftest import client_for
from wandelwerk.moderation.models import Flag, FlagStatus, Report
from wandelwerk.moderation.selectors import is_hidden
from wandelwerk.moderation.services import ModerationError, flag_decide, report_create


def _hide(post, reporter=None):
    people = [reporter or UserFactory(), UserFactory(), UserFactory()]
    for person in people:
        report_create(obj=post, reporter=person, reason="spam", text="Werbung")
    return Flag.objects.get()


# role -> (queue status, sees the item, decide status)
MATRIX = {
    "anonymous": (302, False, 302),
    "stranger": (403, False, 403),
    "reporter": (403, False, 403),
    "author": (403, False, 403),
    "coord_content": (200, True, 302),
    "coord_parent": (200, True, 302),
    "coord_elsewhere": (200, False, 403),
    "staff": (200, True, 302),
}


@pytest.mark.django_db
@pytest.mark.parametrize("role", list(MATRIX))
def test_who_sees_the_queue_item_and_may_decide(world, role):
    # given a hidden post of network A1
    user = world["users"][role]
    flag = _hide(world["post"], reporter=world["users"]["reporter"])
    queue_status, sees, decide_status = MATRIX[role]
    client = client_for(user)
    # when the person opens the queue
    response = client.get(reverse("moderation:queue"))
    # then the answer and the listing follow the matrix
    assert response.status_code == queue_status
    assert (flag.title in response.content.decode()) is sees
    # when they try to keep it
    response = client.post(reverse("moderation:decide", kwargs={"pk": flag.pk}), {"decision": "keep"})
    assert response.status_code == decide_status
    if user is None:
        assert "login" in response["Location"]
    flag.refresh_from_db()
    assert (flag.status == FlagStatus.KEPT) is (user is not None and decide_status == 302)


@pytest.mark.django_db
def test_keeping_shows_the_content_again_closes_reports_and_tells_the_author(
    world, mailoutbox, django_capture_on_commit_callbacks
):
    post, coord = world["post"], world["users"]["coord_content"]
    flag = _hide(post)
    with django_capture_on_commit_callbacks(execute=True):
        flag_decide(flag=flag, user=coord, keep=True, note="Kein Verstoß erkennbar")
    flag.refresh_from_db()
    assert flag.status == FlagStatus.KEPT and flag.open_reports == 0 and flag.decided_by == coord
    assert not is_hidden(post) and not Report.objects.filter(is_open=True).exists()
    assert [m.to for m in mailoutbox] == [["anna@example.org"]]
    assert "bleibt sichtbar" in mailoutbox[0].subject and "Kein Verstoß erkennbar" in mailoutbox[0].body
    # and a second decision is refused, no second mail
    with pytest.raises(ModerationError, match="bereits entschieden"):
        flag_decide(flag=flag, user=coord, keep=False)
    assert len(mailoutbox) == 1


@pytest.mark.django_db
def test_removing_keeps_the_content_hidden_and_tells_the_author_the_reason(
    world, mailoutbox, django_capture_on_commit_callbacks
):
    post = world["post"]
    flag = _hide(post)
    with django_capture_on_commit_callbacks(execute=True):
        response = client_for(world["users"]["coord_parent"]).post(
            reverse("moderation:decide", kwargs={"pk": flag.pk}),
            {"decision": "remove", "note": "Werbung ist nicht erlaubt"},
        )
    assert response.status_code == 302
    flag.refresh_from_db()
    assert flag.status == FlagStatus.REMOVED and is_hidden(post)
    assert "entfernt" in mailoutbox[0].subject and "Werbung ist nicht erlaubt" in mailoutbox[0].body
    # then the queue no longer lists it
    page = client_for(world["users"]["coord_parent"]).get(reverse("moderation:queue")).content.decode()
    assert flag.title not in page


@pytest.mark.django_db
def test_kept_content_is_hidden_again_only_after_three_new_reports(world):
    post = world["post"]
    flag = _hide(post)
    flag_decide(flag=flag, user=world["users"]["staff"], keep=True)
    for _ in range(2):
        report_create(obj=post, reporter=UserFactory(), reason="other")
    assert not is_hidden(post)
    report_create(obj=post, reporter=UserFactory(), reason="other")
    assert is_hidden(post)


@pytest.mark.django_db
def test_a_reported_but_still_visible_item_is_listed_and_can_be_kept(world):
    post = world["post"]
    report_create(obj=post, reporter=UserFactory(), reason="personal_data", text="Telefonnummer")
    page = client_for(world["users"]["coord_content"]).get(reverse("moderation:queue")).content.decode()
    assert "Billige Uhren" in page and "persönliche Daten" in page and "Telefonnummer" in page


@pytest.mark.django_db
def test_bad_decisions_get_a_clear_answer(world):
    flag = _hide(world["post"])
    client = client_for(world["users"]["staff"])
    response = client.post(reverse("moderation:decide", kwargs={"pk": flag.pk}), {"decision": "loeschen"})
    assert response.status_code == 400 and "loeschen" in response.content.decode()
    assert client.get(reverse("moderation:decide", kwargs={"pk": flag.pk})).status_code == 405
    missing = client.post(reverse("moderation:decide", kwargs={"pk": flag.pk + 99}), {"decision": "keep"})
    assert missing.status_code == 404


@pytest.mark.django_db
def test_the_queue_answers_in_a_fixed_number_of_queries(world, django_assert_max_num_queries):
    # given many reported posts
    from wandelwerk.groups.models import Post

    people = [UserFactory() for _ in range(3)]
    for i in range(15):
        post = Post.objects.create(group=world["group"], author=world["users"]["author"], text=f"Text {i}")
        for person in people[: 1 + i % 3]:
            report_create(obj=post, reporter=person, reason="spam")
    client = client_for(world["users"]["coord_parent"])
    # then the queue page needs a bounded number of queries
    with django_assert_max_num_queries(12):
        response = client.get(reverse("moderation:queue"))
    assert response.content.decode().count('class="review-item"') == 15


@pytest.mark.django_db(transaction=True)
def test_two_parallel_decisions_land_exactly_once(world):
    flag = _hide(world["post"])
    coord, staff = world["users"]["coord_content"], world["users"]["staff"]
    outcomes = race(
        2,
        lambda i: flag_decide(flag=Flag.objects.get(pk=flag.pk), user=[coord, staff][i], keep=i == 0),
        refused=ModerationError,
    )
    assert outcomes == ["ok", "refused"]
    flag.refresh_from_db()
    assert flag.status in (FlagStatus.KEPT, FlagStatus.REMOVED) and flag.decided_by in (coord, staff)
