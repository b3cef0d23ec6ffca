"""Reads for idea contests: public lists (published, not hidden by moderation), counts from rows."""

from __future__ import annotations

from typing import Any

from django.db.models import Count, Prefetch, QuerySet

from wandelwerk.engines.contest import Entry, Ranked, Score, rank
from wandelwerk.moderation.selectors import visible_q
from wandelwerk.participation.models import Contest, Idea, IdeaImage, IdeaStatus, JuryScore, Vote


def contests() -> QuerySet[Contest]:
    return Contest.objects.select_related("network", "area")


def contest_get(*, slug: str) -> Contest | None:
    return contests().filter(slug=slug).first()


def published_ideas(contest: Contest) -> QuerySet[Idea]:
    """Published ideas not hidden by moderation, with category, area and the vote count (from rows)."""
    return (
        Idea.objects.filter(contest=contest, status=IdeaStatus.PUBLISHED)
        .filter(visible_q(Idea))
        .select_related("category", "area", "contest", "project")
        .annotate(vote_count=Count("votes", distinct=True))
        .order_by("title", "pk")
    )


def idea_for_page(*, contest: Contest, pk: int) -> Idea | None:
    return (
        Idea.objects.filter(contest=contest, pk=pk)
        .select_related("category", "area", "author", "contest__network", "project")
        .prefetch_related(Prefetch("images", queryset=IdeaImage.objects.order_by("pk")))
        .first()
    )


def pending_ideas(contest: Contest) -> QuerySet[Idea]:
    return (
        Idea.objects.filter(contest=contest, status=IdeaStatus.PENDING)
        .select_related("category", "author", "contest")
        .order_by("created_at", "pk")
    )


def ideas_of(*, contest: Contest, user: Any) -> QuerySet[Idea]:
    if not user.is_authenticated:
        return Idea.objects.none()
    return (
        Idea.objects.filter(contest=contest, author=user)
        .select_related("category", "contest")
        .order_by("-created_at")
    )


def voted_idea_ids(*, contest: Contest, user: Any) -> set[int]:
    if not user.is_authenticated:
        return set()
    return set(Vote.objects.filter(idea__contest=contest, voter=user).values_list("idea_id", flat=True))


def votes_left(*, contest: Contest, user: Any) -> int:
    if not user.is_authenticated:
        return 0
    used = Vote.objects.filter(idea__contest=contest, voter=user).count()
    return max(0, contest.vote_budget - used)


def has_scored(*, idea: Idea, member: Any) -> bool:
    return JuryScore.objects.filter(idea=idea, member=member).exists()


def scores_visible_to(*, idea: Idea, member: Any) -> list[JuryScore]:
    """A member's own scores and — only once they have submitted their own — the other members'."""
    if not member.is_authenticated:
        return []
    qs = (
        JuryScore.objects.filter(idea=idea)
        .select_related("criterion", "member")
        .order_by("member_id", "criterion_id")
    )
    if not has_scored(idea=idea, member=member):
        return []
    return list(qs)


def results_for(contest: Contest) -> list[tuple[Ranked, Idea]]:
    """The ranking of the published ideas (jury and public combined with the contest's weights)."""
    ideas = {i.pk: i for i in published_ideas(contest)}
    scores: dict[int, list[Score]] = {}
    for idea_id, member_id, criterion_id, value in JuryScore.objects.filter(idea_id__in=ideas).values_list(
        "idea_id", "member_id", "criterion_id", "value"
    ):
        scores.setdefault(idea_id, []).append(Score(member_id, criterion_id, value))
    criteria = {c.pk: float(c.weight) for c in contest.criteria.all()}
    ranked = rank(
        (Entry(pk, votes=i.vote_count, scores=tuple(scores.get(pk, ()))) for pk, i in ideas.items()),  # type: ignore[attr-defined]
        jury_weight=contest.jury_weight,
        public_weight=contest.public_weight,
        criteria=criteria,
        winners=contest.winners,
    )
    return [(r, ideas[r.idea_id]) for r in ranked]
