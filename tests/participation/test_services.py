"""Phases, moderation, votes, jury and results through the services."""

import pytest
from django.core import mail

from tests.factories import UserFactory
from tests.participation.factories import hit, make_contest, make_idea, set_phase, verified_user
from wandelwerk.participation.models import Idea, IdeaStatus, JuryScore, Vote, VoteBudget
from wandelwerk.participation.selectors import published_ideas, results_for, scores_visible_to
from wandelwerk.participation.services import (
    ContestError,
    check_phases,
    idea_moderate,
    idea_submit,
    idea_to_project,
    scores_submit,
    vote_cast,
    vote_withdraw,
)


def _submit(contest, author, geo, **kw):
    return idea_submit(
        contest=contest,
        author=author,
        title=kw.get("title", "Reparaturbonus"),
        description="Zuschuss",
        category=contest.categories.first(),
        place=hit(geo),
        place_label="Zwickau",
    )


@pytest.mark.django_db
def test_phases_out_of_order_are_refused_naming_the_phase(geo):
    contest = make_contest(geo)
    contest.voting_start = contest.review_start
    with pytest.raises(ContestError, match="Abstimmung") as exc:
        check_phases(contest)
    assert exc.value.field == "voting_start"


@pytest.mark.django_db
def test_submitted_idea_waits_for_moderation_and_is_not_public(geo):
    # given a contest in the submission phase
    contest = make_contest(geo)
    # when a verified person submits
    idea = _submit(contest, verified_user(), geo)
    # then it waits and is not listed
    assert idea.status == IdeaStatus.PENDING
    assert list(published_ideas(contest)) == []


@pytest.mark.django_db
@pytest.mark.parametrize("phase", ["review", "voting", "jury", "results"])
def test_no_submission_outside_the_submission_phase(geo, phase):
    contest = make_contest(geo, phase=phase)
    with pytest.raises(ContestError, match="Einreichungsphase"):
        _submit(contest, verified_user(), geo)
    assert not Idea.objects.exists()


@pytest.mark.django_db
def test_unverified_person_cannot_submit(geo):
    contest = make_contest(geo)
    with pytest.raises(ContestError, match="E-Mail"):
        _submit(contest, UserFactory(), geo)


@pytest.mark.django_db
def test_publishing_lists_the_idea_and_rejection_mails_the_reason(geo, django_capture_on_commit_callbacks):
    contest = make_contest(geo)
    good, bad = _submit(contest, verified_user(), geo), _submit(contest, verified_user(), geo, title="Spam")
    with pytest.raises(ContestError, match="begründe"):
        idea_moderate(idea=bad, user=None, publish=False, reason=" ")
    # when
    idea_moderate(idea=good, user=None, publish=True)
    with pytest.raises(ContestError):
        idea_moderate(idea=good, user=None, publish=False, reason="zu spät")  # decided once
    with django_capture_on_commit_callbacks(execute=True):
        idea_moderate(idea=bad, user=None, publish=False, reason="Kein Bezug zur Wiederverwendung")
    # then
    assert [i.pk for i in published_ideas(contest)] == [good.pk]
    assert Idea.objects.get(pk=bad.pk).reason == "Kein Bezug zur Wiederverwendung"
    assert len(mail.outbox) == 1 and "Kein Bezug zur Wiederverwendung" in mail.outbox[0].body
    assert mail.outbox[0].to == [bad.author.email]


@pytest.mark.django_db
def test_vote_only_in_voting_phase_once_per_idea_and_within_budget(geo):
    contest = make_contest(geo, phase="submission", vote_budget=2)
    ideas = [make_idea(contest, geo, title=f"Idee {i}") for i in range(3)]
    voter = verified_user()
    with pytest.raises(ContestError, match="Abstimmungsphase"):
        vote_cast(idea=ideas[0], voter=voter)
    set_phase(contest, "voting")
    vote_cast(idea=ideas[0], voter=voter)
    with pytest.raises(ContestError, match="schon gestimmt"):
        vote_cast(idea=ideas[0], voter=voter)
    vote_cast(idea=ideas[1], voter=voter)
    with pytest.raises(ContestError, match="alle 2 Stimmen"):
        vote_cast(idea=ideas[2], voter=voter)
    assert Vote.objects.filter(voter=voter).count() == 2
    assert VoteBudget.objects.get(voter=voter).used == 2
    # withdrawing gives the vote back
    vote_withdraw(idea=ideas[0], voter=voter)
    vote_cast(idea=ideas[2], voter=voter)
    assert set(Vote.objects.filter(voter=voter).values_list("idea_id", flat=True)) == {
        ideas[1].pk,
        ideas[2].pk,
    }
    set_phase(contest, "jury")
    with pytest.raises(ContestError):
        vote_withdraw(idea=ideas[2], voter=voter)


@pytest.mark.django_db
def test_no_vote_for_pending_idea_or_by_unverified_person(geo):
    contest = make_contest(geo, phase="voting")
    with pytest.raises(ContestError):
        vote_cast(idea=make_idea(contest, geo, status=IdeaStatus.PENDING), voter=verified_user())
    with pytest.raises(ContestError, match="E-Mail"):
        vote_cast(idea=make_idea(contest, geo), voter=UserFactory())
    assert not Vote.objects.exists()


@pytest.mark.django_db
def test_jury_sees_other_scores_only_after_scoring(geo):
    contest = make_contest(geo, phase="jury")
    idea = make_idea(contest, geo)
    a, b, outsider = verified_user(), verified_user(), verified_user()
    contest.jury.set([a, b])
    c1, c2 = contest.criteria.all()
    scores_submit(idea=idea, member=a, values={c1.pk: 8, c2.pk: 6})
    # b has not scored: sees nothing of a's scores
    assert scores_visible_to(idea=idea, member=b) == []
    with pytest.raises(ContestError, match="0 bis 10"):
        scores_submit(idea=idea, member=b, values={c1.pk: 11, c2.pk: 3})
    with pytest.raises(ContestError, match="Jurymitglieder"):
        scores_submit(idea=idea, member=outsider, values={c1.pk: 1, c2.pk: 1})
    scores_submit(idea=idea, member=b, values={c1.pk: 4, c2.pk: 3})
    assert {(s.member_id, s.value) for s in scores_visible_to(idea=idea, member=b)} == {
        (a.pk, 8),
        (a.pk, 6),
        (b.pk, 4),
        (b.pk, 3),
    }
    with pytest.raises(ContestError, match="schon bewertet"):
        scores_submit(idea=idea, member=b, values={c1.pk: 4, c2.pk: 3})
    assert JuryScore.objects.count() == 4


@pytest.mark.django_db
def test_results_combine_jury_and_votes_and_winner_becomes_project(geo):
    # given two ideas: one with votes, one with jury points
    contest = make_contest(geo, phase="voting", jury_weight=50, public_weight=50, winners=1)
    voted, scored = (
        make_idea(contest, geo, title="Bauteilbörse"),
        make_idea(contest, geo, title="Tauschregal"),
    )
    for _ in range(2):
        vote_cast(idea=voted, voter=verified_user())
    set_phase(contest, "jury")
    member = verified_user()
    contest.jury.set([member])
    c1, c2 = contest.criteria.all()
    scores_submit(idea=scored, member=member, values={c1.pk: 10, c2.pk: 10})
    scores_submit(idea=voted, member=member, values={c1.pk: 4, c2.pk: 1})
    set_phase(contest, "results")
    # when
    ranking = results_for(contest)
    # then: scored = 0.5*1 + 0.5*0 = 0.5; voted = 0.5*0.3 + 0.5*1 = 0.65
    assert [(r.idea_id, round(r.total, 3), r.winner) for r, _i in ranking] == [
        (voted.pk, 0.65, True),
        (scored.pk, 0.5, False),
    ]
    with pytest.raises(ContestError, match="Gewinner"):
        idea_to_project(idea=scored, user=member)
    project = idea_to_project(idea=voted, user=member)
    voted.refresh_from_db()
    assert voted.project == project and voted.status == IdeaStatus.PUBLISHED
    assert project.title == "Bauteilbörse" and project.area == geo["zwickau"]
    assert "Bauteilbörse" in project.description and contest.title in project.description
    with pytest.raises(ContestError, match="schon ein Projekt"):
        idea_to_project(idea=voted, user=member)
