"""API: published ideas only, public fields only, counts only after voting, never voters."""

import pytest

from tests.participation.factories import make_contest, make_idea, verified_user
from wandelwerk.participation.models import IdeaStatus, Vote


@pytest.mark.django_db
def test_contest_list_names_phase_and_schedule(client, geo):
    contest = make_contest(geo, phase="voting")
    item = client.get("/api/v1/contests").json()["items"][0]
    assert item["id"] == contest.pk and item["phase"] == "voting"
    assert set(item["phases"]) == {"submission", "review", "voting", "jury", "results"}


@pytest.mark.django_db
def test_ideas_api_lists_published_ideas_with_counts_after_voting(client, geo, django_assert_max_num_queries):
    # given published, pending and rejected ideas, and a vote
    contest = make_contest(geo, phase="jury")
    ideas = [make_idea(contest, geo, title=f"Idee {i}") for i in range(10)]
    make_idea(contest, geo, title="Wartet", status=IdeaStatus.PENDING)
    make_idea(contest, geo, title="Abgelehnt", status=IdeaStatus.REJECTED)
    Vote.objects.create(idea=ideas[0], voter=verified_user(username="waehler-x"))
    # when
    with django_assert_max_num_queries(4):
        data = client.get(f"/api/v1/contests/{contest.pk}/ideas").json()
    # then
    assert data["count"] == 10
    titles = {i["title"] for i in data["items"]}
    assert "Wartet" not in titles and "Abgelehnt" not in titles
    by_id = {i["id"]: i for i in data["items"]}
    assert by_id[ideas[0].pk]["votes"] == 1
    assert set(by_id[ideas[0].pk]) == {
        "id",
        "title",
        "category",
        "place",
        "area_ags",
        "lat",
        "lon",
        "votes",
        "url",
    }
    geojson = client.get(f"/api/v1/contests/{contest.pk}/ideas.geojson").json()
    assert len(geojson["features"]) == 10
    assert geojson["features"][0]["geometry"]["type"] == "Point"
    assert "waehler" not in str(data) + str(geojson)


@pytest.mark.django_db
def test_unknown_contest_is_404(client):
    assert client.get("/api/v1/contests/999/ideas").status_code == 404
