"""Pages: who may do what, bad input named, anti-automation, privacy of voters, query budgets."""

import time

import pytest
from django.core import signing
from django.urls import reverse

from tests.factories import NetworkFactory, UserFactory
from tests.participation.factories import coordinator_of, make_contest, make_idea, verified_user
from wandelwerk.participation.forms import SALT
from wandelwerk.participation.models import Idea, IdeaStatus, Vote


def _started(seconds_ago: float = 60) -> str:
    return signing.dumps(time.time() - seconds_ago, salt=SALT)


def _idea_post(contest, **changes):
    data = {
        "title": "Tauschregal im Rathaus",
        "description": "Bücher und Spiele tauschen",
        "category": contest.categories.first().pk,
        "place": "Zwickau",
        "team": "",
        "website": "",
        "started": _started(),
    }
    data.update(changes)
    return data


@pytest.fixture
def contest(geo):
    return make_contest(geo)


@pytest.mark.django_db
def test_verified_person_submits_through_the_form_and_sees_pending_status(client, contest):
    # given
    client.force_login(verified_user())
    # when
    response = client.post(reverse("participation:submit", args=[contest.slug]), _idea_post(contest))
    # then
    idea = Idea.objects.get()
    assert response.status_code == 302 and response.url == idea.get_absolute_url()
    assert idea.status == IdeaStatus.PENDING and idea.area.name == "Zwickau, Stadt"
    page = client.get(idea.get_absolute_url())
    assert "wartet auf Prüfung" in page.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"title": ""}, "Titel"),
        ({"place": "Nirgendwo"}, "Diesen Ort"),
        ({"website": "http://spam.example"}, "automatisch ausgefüllt"),
        ({"started": "kaputt"}, "abgelaufen"),
    ],
)
def test_bad_submission_is_refused_naming_the_problem(client, contest, changes, message):
    client.force_login(verified_user())
    response = client.post(
        reverse("participation:submit", args=[contest.slug]), _idea_post(contest, **changes)
    )
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Idea.objects.exists()


@pytest.mark.django_db
def test_too_fast_submission_is_refused(client, contest):
    client.force_login(verified_user())
    post = _idea_post(contest, started=_started(seconds_ago=0))
    response = client.post(reverse("participation:submit", args=[contest.slug]), post)
    assert response.status_code == 400 and "sehr schnell" in response.content.decode()


@pytest.mark.django_db
def test_sixth_submission_within_an_hour_is_rate_limited_with_a_message(client, contest):
    client.force_login(verified_user())
    url = reverse("participation:submit", args=[contest.slug])
    for i in range(5):
        assert client.post(url, _idea_post(contest, title=f"Idee {i}")).status_code == 302
    response = client.post(url, _idea_post(contest, title="Idee 6"))
    assert response.status_code == 429 and "letzten Stunde" in response.content.decode()
    assert Idea.objects.count() == 5


@pytest.mark.django_db
@pytest.mark.parametrize(("who", "status"), [("anonymous", 302), ("unverified", 403), ("verified", 200)])
def test_submission_page_by_kind_of_visitor(client, contest, who, status):
    if who == "unverified":
        client.force_login(UserFactory())
    elif who == "verified":
        client.force_login(verified_user())
    assert client.get(reverse("participation:submit", args=[contest.slug])).status_code in (status, 200)
    response = client.post(reverse("participation:submit", args=[contest.slug]), _idea_post(contest))
    assert response.status_code == (302 if who != "unverified" else 403)
    assert Idea.objects.exists() == (who == "verified")


@pytest.mark.django_db
def test_pending_idea_is_seen_by_author_and_coordinator_only(client, geo, contest):
    author = verified_user()
    idea = make_idea(contest, geo, author=author, status=IdeaStatus.PENDING)
    other_network = NetworkFactory()
    expected = {
        None: 404,
        verified_user(): 404,
        author: 200,
        coordinator_of(contest.network): 200,
        coordinator_of(other_network): 404,
        UserFactory(is_staff=True): 200,
    }
    for user, status in expected.items():
        client.logout()
        if user is not None:
            client.force_login(user)
        assert client.get(idea.get_absolute_url()).status_code == status, user


@pytest.mark.django_db
def test_moderation_queue_only_for_coordinators_of_the_contest_network(client, geo, contest):
    idea = make_idea(contest, geo, status=IdeaStatus.PENDING)
    url = reverse("participation:moderation", args=[contest.slug])
    for user in (verified_user(), coordinator_of(NetworkFactory())):
        client.force_login(user)
        assert client.get(url).status_code == 403
        assert client.post(url, {"idea": idea.pk, "decision": "publish"}).status_code == 403
    client.force_login(coordinator_of(contest.network))
    assert idea.title in client.get(url).content.decode()
    client.post(url, {"idea": idea.pk, "decision": "reject", "reason": ""})
    assert Idea.objects.get(pk=idea.pk).status == IdeaStatus.PENDING  # reason missing
    client.post(url, {"idea": idea.pk, "decision": "publish"})
    assert Idea.objects.get(pk=idea.pk).status == IdeaStatus.PUBLISHED


@pytest.mark.django_db
def test_vote_form_counts_withdraws_and_refuses_honeypot(client, geo):
    contest = make_contest(geo, phase="voting")
    idea = make_idea(contest, geo)
    client.force_login(verified_user())
    url = reverse("participation:vote", args=[contest.slug, idea.pk])
    client.post(url, {"started": _started(), "website": "x", "action": "vote"})
    assert not Vote.objects.exists()
    response = client.post(url, {"started": _started(), "website": "", "action": "vote"}, follow=True)
    assert Vote.objects.count() == 1 and "wurde gezählt" in response.content.decode()
    client.post(url, {"action": "withdraw"})
    assert not Vote.objects.exists()


@pytest.mark.django_db
def test_voters_and_counts_are_not_public_during_voting(client, geo):
    contest = make_contest(geo, phase="voting")
    idea = make_idea(contest, geo)
    voter = verified_user(username="geheime-waehlerin", email="geheim@example.org")
    Vote.objects.create(idea=idea, voter=voter)
    for url in (
        contest.get_absolute_url(),
        idea.get_absolute_url(),
        f"/api/v1/contests/{contest.pk}/ideas",
        f"/api/v1/contests/{contest.pk}/ideas.geojson",
    ):
        body = client.get(url).content.decode()
        assert "geheim" not in body, url
    assert client.get(f"/api/v1/contests/{contest.pk}/ideas").json()["items"][0]["votes"] is None


@pytest.mark.django_db
def test_contest_page_shows_timeline_and_lists_ideas_within_a_query_budget(
    client, geo, django_assert_max_num_queries
):
    contest = make_contest(geo, phase="voting")
    for i in range(15):
        make_idea(contest, geo, title=f"Idee {i}")
    make_idea(contest, geo, title="Unveröffentlicht", status=IdeaStatus.PENDING)
    client.force_login(verified_user())
    with django_assert_max_num_queries(12):
        response = client.get(contest.get_absolute_url())
    body = response.content.decode()
    assert 'aria-current="step"' in body and "Abstimmung" in body
    assert body.count('class="inline-form vote-form"') == 15
    assert "Unveröffentlicht" not in body
    assert "<script" not in body.split("<main", 1)[1] and 'style="' not in body


@pytest.mark.django_db
def test_results_page_only_in_results_phase_and_csv_neutralised_for_coordinators(client, geo):
    contest = make_contest(geo, phase="voting")
    make_idea(contest, geo, title="=HYPERLINK(1)")
    assert client.get(reverse("participation:results", args=[contest.slug])).status_code == 404
    csv_url = reverse("participation:results_csv", args=[contest.slug])
    client.force_login(coordinator_of(NetworkFactory()))
    assert client.get(csv_url).status_code == 403
    client.force_login(coordinator_of(contest.network))
    body = client.get(csv_url).content.decode("utf-8-sig")
    assert "'=HYPERLINK(1)" in body and "Rang;Titel" in body


@pytest.mark.django_db
def test_jury_page_hides_other_scores_until_own_score(client, geo):
    contest = make_contest(geo, phase="jury")
    idea = make_idea(contest, geo)
    a, b = verified_user(), verified_user(username="zweite-jurorin")
    contest.jury.set([a, b])
    c1, c2 = contest.criteria.all()
    url = reverse("participation:jury", args=[contest.slug, idea.pk])
    client.force_login(verified_user())
    assert client.get(url).status_code == 403
    client.force_login(b)
    client.post(url, {f"criterion_{c1.pk}": "7", f"criterion_{c2.pk}": "9"})
    client.force_login(a)
    assert "zweite-jurorin" not in client.get(url).content.decode()
    bad = client.post(url, {f"criterion_{c1.pk}": "12", f"criterion_{c2.pk}": "1"})
    assert bad.status_code == 400 and "Wirkung" in bad.content.decode()
    client.post(url, {f"criterion_{c1.pk}": "5", f"criterion_{c2.pk}": "5"})
    assert "zweite-jurorin" in client.get(url).content.decode()


@pytest.mark.django_db
def test_contest_created_by_coordinator_and_not_by_others(client, geo):
    network = NetworkFactory(areas=[geo["zwickau_lk"]])
    url = reverse("participation:create")
    client.force_login(verified_user())
    assert client.get(url).status_code == 403
    client.force_login(coordinator_of(network))
    data = {
        "network": network.pk,
        "title": "Wiederverwenden!",
        "slug": "wiederverwenden",
        "rules": "",
        "area": geo["zwickau_lk"].pk,
        "vote_budget": 5,
        "jury_weight": 50,
        "public_weight": 50,
        "winners": 3,
        "categories_text": "Bauen\nTextil",
        "criteria_text": "Wirkung; 2",
    }
    for i, name in enumerate(["submission", "review", "voting", "jury"]):
        data[f"{name}_start"] = f"2027-0{i + 1}-01T00:00"
        data[f"{name}_end"] = f"2027-0{i + 1}-20T00:00"
    data["results_start"] = "2027-05-01T00:00"
    bad = client.post(url, {**data, "voting_start": "2027-02-10T00:00"})
    assert bad.status_code == 400 and "Abstimmung" in bad.content.decode()
    assert client.post(url, data).status_code == 302
    from wandelwerk.participation.models import Contest

    created = Contest.objects.get(slug="wiederverwenden")
    assert sorted(c.name for c in created.categories.all()) == ["Bauen", "Textil"]
    client.force_login(coordinator_of(NetworkFactory()))
    assert client.get(reverse("participation:edit", args=[created.slug])).status_code == 403


@pytest.mark.django_db
def test_markdown_in_ideas_is_sanitised(client, geo):
    contest = make_contest(geo, phase="voting")
    idea = make_idea(contest, geo)
    idea.description = (
        "<script>alert(1)</script><img src=x onerror=alert(2)> [x](javascript:alert(3)) **fett**"
    )
    idea.save()
    body = client.get(idea.get_absolute_url()).content.decode()
    assert "<script>alert(1)" not in body and "onerror" not in body and "javascript:" not in body
    assert "<strong>fett</strong>" in body


@pytest.mark.django_db
def test_staff_may_create_contests_and_moderate_everywhere(client, geo):
    contest = make_contest(geo)
    client.force_login(UserFactory(is_staff=True))
    assert client.get(reverse("participation:create")).status_code == 200
    assert client.get(reverse("participation:moderation", args=[contest.slug])).status_code == 200
    assert client.get(reverse("participation:edit", args=[contest.slug])).status_code == 200
    assert client.get(reverse("participation:list")).status_code == 200


@pytest.mark.django_db
def test_results_page_ranks_winners_and_coordinator_turns_winner_into_project(client, geo):
    # given a finished contest with one voted idea
    contest = make_contest(geo, phase="results", winners=1)
    winner, other = make_idea(contest, geo, title="Bauteilbörse"), make_idea(contest, geo, title="Leihladen")
    Vote.objects.create(idea=winner, voter=verified_user())
    # when anyone opens the results
    body = client.get(reverse("participation:results", args=[contest.slug])).content.decode()
    # then the winner is ranked first and marked
    assert body.index("Bauteilbörse") < body.index("Leihladen") and "Gewinner" in body
    url = reverse("participation:to_project", args=[contest.slug, winner.pk])
    client.force_login(coordinator_of(NetworkFactory()))
    assert client.post(url).status_code == 403
    client.force_login(coordinator_of(contest.network))
    assert client.post(reverse("participation:to_project", args=[contest.slug, other.pk])).status_code == 302
    assert Idea.objects.get(pk=other.pk).project is None
    response = client.post(url)
    winner.refresh_from_db()
    assert winner.project is not None and response.url == reverse(
        "projects:detail", args=[winner.project.slug]
    )


@pytest.mark.django_db
def test_ideas_and_comments_tell_moderation_their_network_and_author(geo):
    from wandelwerk.participation.services import comment_add

    contest = make_contest(geo, phase="voting")
    idea = make_idea(contest, geo)
    comment = comment_add(idea=idea, author=verified_user(), text="Gute Idee!")
    for obj, author in ((idea, idea.author), (comment, comment.author)):
        ctx = obj.moderation_context()
        assert ctx.network == contest.network and ctx.author == author
        assert ctx.url.startswith(idea.get_absolute_url())


@pytest.mark.django_db
def test_contest_list_within_query_budget(client, geo, django_assert_max_num_queries):
    for i in range(5):
        make_contest(geo, slug=f"w-{i}", title=f"Wettbewerb {i}")
    with django_assert_max_num_queries(3):
        body = client.get(reverse("participation:list")).content.decode()
    assert body.count("Wettbewerb ") >= 5


@pytest.mark.django_db
def test_idea_hidden_by_moderation_leaves_lists_api_and_page(client, geo):
    from django.contrib.contenttypes.models import ContentType

    from wandelwerk.moderation.models import Flag

    # given a published idea hidden after reports
    contest = make_contest(geo, phase="voting")
    shown, hidden = make_idea(contest, geo, title="Sichtbar"), make_idea(contest, geo, title="Versteckt")
    Flag.objects.create(
        content_type=ContentType.objects.get_for_model(Idea),
        object_id=hidden.pk,
        status="hidden",
        title="x",
        url="/",
    )
    # then
    assert "Versteckt" not in client.get(contest.get_absolute_url()).content.decode()
    assert [i["id"] for i in client.get(f"/api/v1/contests/{contest.pk}/ideas").json()["items"]] == [shown.pk]
    assert client.get(hidden.get_absolute_url()).status_code == 404
    client.force_login(coordinator_of(contest.network))
    assert client.get(hidden.get_absolute_url()).status_code == 200


@pytest.mark.django_db
def test_jury_is_assigned_by_verified_email_and_unknown_addresses_are_named(client, geo):
    contest = make_contest(geo)
    member = verified_user(email="jurorin@example.org")
    client.force_login(coordinator_of(contest.network))
    url = reverse("participation:edit", args=[contest.slug])
    form = client.get(url).context["form"]
    data = {k: v for k, v in form.initial.items() if v is not None}
    data.update({f: getattr(contest, f).strftime("%Y-%m-%dT%H:%M") for f in form.Meta.widgets})
    data.update(network=contest.network.pk, area=contest.area.pk)
    bad = client.post(url, {**data, "jury_text": "jurorin@example.org\nunbekannt@example.org"})
    assert bad.status_code == 400 and "unbekannt@example.org" in bad.content.decode()
    assert not contest.jury.exists()
    assert client.post(url, {**data, "jury_text": "jurorin@example.org"}).status_code == 302
    assert list(contest.jury.all()) == [member]


@pytest.mark.django_db
def test_author_sees_the_rejection_reason_and_nobody_else_sees_the_idea(client, geo):
    contest = make_contest(geo)
    idea = make_idea(contest, geo, status=IdeaStatus.REJECTED)
    idea.reason = "Bitte ohne Werbung einreichen."
    idea.save()
    assert client.get(idea.get_absolute_url()).status_code == 404
    client.force_login(idea.author)
    body = client.get(idea.get_absolute_url()).content.decode()
    assert "abgelehnt" in body and "Bitte ohne Werbung einreichen." in body
    assert idea.title in client.get(contest.get_absolute_url()).content.decode()  # under "Meine Ideen"
