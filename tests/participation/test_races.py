"""Vote budgets and counts hold under parallel requests (threads; SQLite and PostgreSQL)."""

import pytest

from tests.concurrency import race
from tests.participation.factories import make_contest, make_idea, verified_user
from wandelwerk.participation.models import Idea, Vote, VoteBudget
from wandelwerk.participation.selectors import published_ideas
from wandelwerk.participation.services import ContestError, vote_cast


@pytest.mark.django_db(transaction=True)
def test_twenty_parallel_votes_by_one_person_store_at_most_the_budget(geo):
    # given a budget of 5 and 20 published ideas
    contest = make_contest(geo, phase="voting", vote_budget=5)
    ids = [make_idea(contest, geo, title=f"Idee {i}").pk for i in range(20)]
    voter = verified_user()
    # when one person votes on all 20 at once
    outcomes = race(
        20, lambda i: vote_cast(idea=Idea.objects.get(pk=ids[i]), voter=voter), refused=ContestError
    )
    # then exactly the budget is stored and the counter equals the rows
    assert outcomes == ["ok"] * 5 + ["refused"] * 15
    assert Vote.objects.filter(voter=voter).count() == 5
    assert VoteBudget.objects.get(voter=voter).used == 5


@pytest.mark.django_db(transaction=True)
def test_parallel_votes_on_the_same_idea_by_one_person_store_one_row(geo):
    contest = make_contest(geo, phase="voting")
    idea = make_idea(contest, geo)
    voter = verified_user()
    outcomes = race(
        10, lambda i: vote_cast(idea=Idea.objects.get(pk=idea.pk), voter=voter), refused=ContestError
    )
    assert outcomes == ["ok"] + ["refused"] * 9
    assert Vote.objects.filter(voter=voter).count() == 1
    assert VoteBudget.objects.get(voter=voter).used == 1


@pytest.mark.django_db(transaction=True)
def test_two_hundred_people_voting_on_one_idea_give_a_count_equal_to_the_rows(geo):
    contest = make_contest(geo, phase="voting")
    idea = make_idea(contest, geo)
    voters = [verified_user() for _ in range(200)]
    outcomes = race(
        200, lambda i: vote_cast(idea=Idea.objects.get(pk=idea.pk), voter=voters[i]), refused=ContestError
    )
    assert outcomes == ["ok"] * 200
    assert Vote.objects.filter(idea=idea).count() == 200
    assert published_ideas(contest).get(pk=idea.pk).vote_count == 200
    assert sum(VoteBudget.objects.values_list("used", flat=True)) == 200
