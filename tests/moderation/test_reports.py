"""Reporting: three different people hide content, nobody reports twice, parallel reports stay exact."""

import pytest
from django.db import IntegrityError, transaction

from tests.concurrency import race
from tests.factories import UserFactory
from wandelwerk.groups.models import Post
from wandelwerk.moderation.models import Flag, FlagStatus, Report
from wandelwerk.moderation.selectors import is_hidden, visible_q
from wandelwerk.moderation.services import ModerationError, report_create


def _report(post, person, reason="spam"):
    return report_create(obj=post, reporter=person, reason=reason, text="")


@pytest.mark.django_db
def test_two_reports_leave_the_content_visible(world):
    # given a post reported by two different people
    post = world["post"]
    _report(post, UserFactory())
    _report(post, UserFactory(), reason="offensive")
    # then it is still shown, and the flag counts two open reports
    flag = Flag.objects.get()
    assert flag.status == FlagStatus.VISIBLE and flag.open_reports == 2
    assert not is_hidden(post)
    assert Post.objects.filter(visible_q(Post)).filter(pk=post.pk).exists()


@pytest.mark.django_db
def test_the_third_report_by_a_different_person_hides_the_content(world):
    # given a post and three different people
    post = world["post"]
    results = [_report(post, UserFactory()) for _ in range(3)]
    # then the third report hid it, and lists leave it out
    assert [r.hid for r in results] == [False, False, True]
    flag = Flag.objects.get()
    assert flag.status == FlagStatus.HIDDEN and flag.hidden_at is not None
    assert flag.network == world["net_a1"] and flag.author == world["users"]["author"]
    assert flag.url.endswith(f"#beitrag-{post.pk}") and flag.title.startswith("Billige Uhren")
    assert is_hidden(post)
    assert not Post.objects.filter(visible_q(Post)).filter(pk=post.pk).exists()
    assert Post.objects.filter(visible_q(Post, field="id")).count() == Post.objects.count() - 1


@pytest.mark.django_db
def test_the_same_person_cannot_report_twice(world):
    post, person = world["post"], UserFactory()
    _report(post, person)
    with pytest.raises(ModerationError, match="bereits gemeldet"):
        _report(post, person, reason="other")
    assert Report.objects.count() == 1 and Flag.objects.get().open_reports == 1


@pytest.mark.django_db
def test_the_database_refuses_a_second_report_row_of_one_person(world):
    post, person = world["post"], UserFactory()
    report = _report(post, person).report
    with pytest.raises(IntegrityError), transaction.atomic():
        Report.objects.create(
            flag=report.flag,
            content_type_id=report.content_type_id,
            object_id=post.pk,
            reporter=person,
            reason="spam",
        )


@pytest.mark.django_db
def test_authors_cannot_report_their_own_content_and_unknown_reasons_are_refused(world):
    post = world["post"]
    with pytest.raises(ModerationError, match="Eigene Inhalte"):
        _report(post, world["users"]["author"])
    with pytest.raises(ModerationError, match="Unbekannter Grund: weil"):
        _report(post, UserFactory(), reason="weil")
    assert not Flag.objects.exists() and not Report.objects.exists()


@pytest.mark.django_db
def test_an_actor_entry_can_be_reported_and_is_moderated_by_its_region_network(world, geo):
    from tests.factories import make_actor

    owner = UserFactory()
    actor = make_actor(geo["zwickau"], owner=owner, name="Verein Zwickau")
    result = _report(actor, UserFactory())
    flag = result.report.flag
    assert flag.network == world["net_a"] and flag.author == owner and flag.url == actor.get_absolute_url()


@pytest.mark.django_db(transaction=True)
def test_parallel_reports_of_one_person_give_one_report(world):
    post, person = world["post"], UserFactory()
    outcomes = race(6, lambda i: _report(Post.objects.get(pk=post.pk), person), refused=ModerationError)
    assert outcomes == ["ok"] + ["refused"] * 5
    assert Report.objects.count() == 1 and Flag.objects.get().open_reports == 1


@pytest.mark.django_db(transaction=True)
def test_parallel_reports_of_different_people_hide_the_content_exactly_once(world):
    # given six people reporting the same post at the same moment
    post = world["post"]
    people = [UserFactory() for _ in range(6)]
    hid: list[bool] = []
    outcomes = race(
        6,
        lambda i: hid.append(_report(Post.objects.get(pk=post.pk), people[i]).hid),
        refused=ModerationError,
    )
    # then all six are counted on one flag, and exactly one report hid the post
    assert outcomes == ["ok"] * 6
    flag = Flag.objects.get()
    assert flag.open_reports == 6 == Report.objects.count()
    assert flag.status == FlagStatus.HIDDEN
    assert hid.count(True) == 1
