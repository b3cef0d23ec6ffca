"""One support per person: a unique constraint decides, also for parallel clicks; the count is the rows."""

import pytest

from tests.concurrency import race
from tests.factories import UserFactory
from wandelwerk.conferencemap import selectors, services
from wandelwerk.conferencemap.models import Support


@pytest.mark.django_db
def test_supporting_twice_keeps_one_support(world):
    # given a person who supports a wish
    wish, person = world["wish"], world["users"]["stranger"]
    assert services.wish_support(wish=wish, user=person) is True
    # when they support it again
    again = services.wish_support(wish=wish, user=person)
    # then nothing new is written and the wish counts one supporter
    assert again is False
    assert Support.objects.filter(wish=wish).count() == 1
    assert selectors.wish_get(pk=wish.pk).supporters == 1


@pytest.mark.django_db
def test_withdrawing_support_removes_the_row(world):
    wish, person = world["wish"], world["users"]["stranger"]
    services.wish_support(wish=wish, user=person, help_role="knowledge")
    assert services.wish_unsupport(wish=wish, user=person) is True
    assert not Support.objects.filter(wish=wish).exists()
    assert services.wish_unsupport(wish=wish, user=person) is False


@pytest.mark.django_db
def test_unknown_help_role_is_refused_naming_the_field(world):
    with pytest.raises(services.MapError) as exc:
        services.wish_support(wish=world["wish"], user=world["users"]["stranger"], help_role="zauberei")
    assert exc.value.field == "help_role"
    assert not Support.objects.exists()


@pytest.mark.django_db(transaction=True)
def test_parallel_clicks_of_one_person_give_one_row(world):
    # given one person clicking "Unterstützen" 12 times at once
    wish, person = world["wish"], world["users"]["stranger"]
    # when all clicks arrive in parallel
    outcomes = race(12, lambda i: services.wish_support(wish=wish, user=person), refused=services.MapError)
    # then nobody saw an error and exactly one row exists
    assert outcomes == ["ok"] * 12
    assert Support.objects.filter(wish=wish, user=person).count() == 1


@pytest.mark.django_db(transaction=True)
def test_parallel_supporters_are_all_counted(world):
    wish = world["wish"]
    people = [UserFactory() for _ in range(10)]
    outcomes = race(10, lambda i: services.wish_support(wish=wish, user=people[i]), refused=services.MapError)
    assert outcomes == ["ok"] * 10
    assert selectors.wish_get(pk=wish.pk).supporters == Support.objects.filter(wish=wish).count() == 10
