"""Writes for idea contests. Each is atomic; the phase decides what is allowed; races are settled by
conditional UPDATEs and unique constraints."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import IO, Any

from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from wandelwerk.engines.contest import phase_problems
from wandelwerk.participation.images import MAX_IMAGES, clean_image
from wandelwerk.participation.models import (
    PHASE_LABELS,
    Category,
    Comment,
    Contest,
    Criterion,
    Idea,
    IdeaImage,
    IdeaStatus,
    JuryScore,
    Vote,
    VoteBudget,
)
from wandelwerk.participation.rules import has_verified_email


class ContestError(ValueError):
    """A write was refused; ``field`` names the form field at fault (or None), the message says why."""

    def __init__(self, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.field = field


PROBLEMS = {
    "end_before_start": gettext_lazy("endet nicht nach ihrem Beginn"),
    "open_end": gettext_lazy("braucht ein Ende"),
    "overlap": gettext_lazy("beginnt, bevor die vorige Phase endet"),
}


def check_phases(contest: Contest) -> None:
    for name, problem in phase_problems(contest.spans()):
        raise ContestError(
            _("Die Phase „%(phase)s“ %(problem)s.")
            % {"phase": PHASE_LABELS[name], "problem": PROBLEMS[problem]},
            field=f"{name}_start",
        )
    if contest.jury_weight + contest.public_weight == 0:
        raise ContestError(
            _("Jury und Publikum können nicht beide mit 0 gewichtet sein."), field="jury_weight"
        )


def _require_phase(contest: Contest, phase: str, message: str) -> None:
    if contest.phase != phase:
        raise ContestError(message)


@transaction.atomic
def contest_save(
    *,
    contest: Contest,
    user: Any,
    categories: Sequence[str] = (),
    criteria: Sequence[tuple[str, int]] = (),
    jury: Sequence[Any] | None = None,
) -> Contest:
    """Creates or updates a contest after checking the phase order; sets categories and criteria when
    given (existing ones with ideas or scores stay)."""
    check_phases(contest)
    if contest.pk is None:
        contest.created_by = user
    contest.full_clean(exclude=["created_by", "jury"])
    contest.save()
    for name in categories:
        if name.strip():
            Category.objects.get_or_create(contest=contest, name=name.strip()[:100])
    for name, weight in criteria:
        if name.strip():
            Criterion.objects.update_or_create(
                contest=contest, name=name.strip()[:100], defaults={"weight": weight}
            )
    if jury is not None:
        contest.jury.set(jury)
    return contest


@dataclass(frozen=True, slots=True)
class Upload:
    name: str
    size: int
    stream: IO[bytes]


@transaction.atomic
def idea_submit(
    *,
    contest: Contest,
    author: Any,
    title: str,
    description: str,
    category: Category,
    place: Any,  # wandelwerk.geo.selectors.GeoHit
    place_label: str,
    team: str = "",
    images: Sequence[Upload] = (),
) -> Idea:
    """A new idea waiting for moderation. Only verified people, only in the submission phase."""
    if not has_verified_email(author):
        raise ContestError(_("Bitte bestätigen Sie zuerst Ihre E-Mail-Adresse."))
    _require_phase(
        contest, "submission", _("Ideen können nur während der Einreichungsphase eingereicht werden.")
    )
    if category.contest_id != contest.pk:
        raise ContestError(_("Diese Kategorie gehört nicht zum Wettbewerb."), field="category")
    if not title.strip():
        raise ContestError(_("Bitte geben Sie einen Titel an."), field="title")
    if not description.strip():
        raise ContestError(_("Bitte beschreiben Sie Ihre Idee."), field="description")
    if len(images) > MAX_IMAGES:
        raise ContestError(_("Höchstens %(n)s Bilder sind erlaubt.") % {"n": MAX_IMAGES}, field="images")
    cleaned = [clean_image(name=u.name, size=u.size, stream=u.stream) for u in images]
    idea = Idea.objects.create(
        contest=contest,
        author=author,
        title=title.strip(),
        description=description,
        category=category,
        place=place_label.strip()[:120],
        area=place.area,
        lat=place.lat,
        lon=place.lon,
        team=team.strip(),
    )
    for c in cleaned:
        image = IdeaImage(idea=idea, content_type=c.content_type)
        image.file.save(c.content.name or "bild", c.content, save=True)
    return idea


@transaction.atomic
def idea_moderate(*, idea: Idea, user: Any, publish: bool, reason: str = "") -> Idea:
    """Publishes or rejects a pending idea; a rejection needs a reason, which the author is sent."""
    if not publish and not reason.strip():
        raise ContestError(_("Bitte begründen Sie die Ablehnung."), field="reason")
    updated = Idea.objects.filter(pk=idea.pk, status=IdeaStatus.PENDING).update(
        status=IdeaStatus.PUBLISHED if publish else IdeaStatus.REJECTED,
        reason="" if publish else reason.strip(),
        moderated_by=user,
        moderated_at=timezone.now(),
    )
    if not updated:
        raise ContestError(_("Diese Idee wurde bereits geprüft."))
    idea.refresh_from_db()
    if not publish and idea.author is not None and idea.author.email:
        author_email = idea.author.email
        subject = _("Ihre Idee „%(title)s“ wurde nicht veröffentlicht") % {"title": idea.title}
        body = _("Begründung:\n\n%(reason)s") % {"reason": idea.reason}
        transaction.on_commit(lambda: send_mail(subject, body, None, [author_email]))
    return idea


@transaction.atomic
def vote_cast(*, idea: Idea, voter: Any) -> Vote:
    """One vote for a published idea, within the person's budget for the contest."""
    contest = idea.contest
    if not has_verified_email(voter):
        raise ContestError(_("Bitte bestätigen Sie zuerst Ihre E-Mail-Adresse."))
    _require_phase(contest, "voting", _("Abstimmen ist nur während der Abstimmungsphase möglich."))
    if idea.status != IdeaStatus.PUBLISHED:
        raise ContestError(_("Für diese Idee kann nicht abgestimmt werden."))
    budget, _created = VoteBudget.objects.get_or_create(contest=contest, voter=voter)
    taken = VoteBudget.objects.filter(pk=budget.pk, used__lt=contest.vote_budget).update(used=F("used") + 1)
    if not taken:
        raise ContestError(
            _("Sie haben alle %(n)s Stimmen vergeben. Ziehen Sie eine Stimme zurück, um neu zu wählen.")
            % {"n": contest.vote_budget}
        )
    try:
        with transaction.atomic():
            return Vote.objects.create(idea=idea, voter=voter)
    except IntegrityError:
        raise ContestError(_("Sie haben für diese Idee schon gestimmt.")) from None


@transaction.atomic
def vote_withdraw(*, idea: Idea, voter: Any) -> None:
    """Takes a vote back while voting is open; the vote returns to the budget."""
    _require_phase(
        idea.contest, "voting", _("Stimmen können nur während der Abstimmung zurückgezogen werden.")
    )
    deleted, _rows = Vote.objects.filter(idea=idea, voter=voter).delete()
    if not deleted:
        raise ContestError(_("Sie haben für diese Idee nicht gestimmt."))
    VoteBudget.objects.filter(contest=idea.contest, voter=voter, used__gt=0).update(used=F("used") - 1)


@transaction.atomic
def scores_submit(*, idea: Idea, member: Any, values: Mapping[int, int]) -> list[JuryScore]:
    """A jury member's scores (0–10) for every criterion of the idea's contest, once, in the jury phase."""
    contest = idea.contest
    if not contest.jury.filter(pk=member.pk).exists():
        raise ContestError(_("Nur Jurymitglieder können bewerten."))
    _require_phase(contest, "jury", _("Bewertungen sind nur während der Juryphase möglich."))
    if idea.status != IdeaStatus.PUBLISHED:
        raise ContestError(_("Nur veröffentlichte Ideen werden bewertet."))
    criteria = list(contest.criteria.all())
    scores = []
    for c in criteria:
        value = values.get(c.pk)
        if value is None or not 0 <= value <= 10:
            raise ContestError(
                _("„%(name)s“: bitte einen Wert von 0 bis 10 angeben.") % {"name": c.name},
                field=f"criterion_{c.pk}",
            )
        scores.append(JuryScore(idea=idea, criterion=c, member=member, value=value))
    try:
        with transaction.atomic():
            return JuryScore.objects.bulk_create(scores)
    except IntegrityError:
        raise ContestError(_("Sie haben diese Idee schon bewertet.")) from None


@transaction.atomic
def comment_add(*, idea: Idea, author: Any, text: str) -> Comment:
    if not has_verified_email(author):
        raise ContestError(_("Bitte bestätigen Sie zuerst Ihre E-Mail-Adresse."))
    if idea.status != IdeaStatus.PUBLISHED:
        raise ContestError(_("Nur veröffentlichte Ideen können kommentiert werden."))
    if not text.strip():
        raise ContestError(_("Bitte schreiben Sie einen Kommentar."), field="text")
    return Comment.objects.create(idea=idea, author=author, text=text.strip()[:2000])


@transaction.atomic
def idea_to_project(*, idea: Idea, user: Any) -> Any:
    """Turns a winning idea into a (draft) project; the idea links to it and keeps its history."""
    from wandelwerk.participation.selectors import results_for
    from wandelwerk.projects.services import project_create

    contest = idea.contest
    if contest.phase != "results":
        raise ContestError(_("Projekte entstehen erst nach Veröffentlichung der Ergebnisse."))
    if idea.project_id is not None:
        raise ContestError(_("Aus dieser Idee ist schon ein Projekt entstanden."))
    winners = {r.idea_id for r, _idea in results_for(contest) if r.winner}
    if idea.pk not in winners:
        raise ContestError(_("Nur Gewinnerideen werden zu Projekten."))
    area = idea.area or contest.area
    summary = idea.description.strip().splitlines()[0][:280] if idea.description.strip() else idea.title
    description = _("Hervorgegangen aus der Idee „%(title)s“ im Wettbewerb „%(contest)s“.") % {
        "title": idea.title,
        "contest": contest.title,
    }
    project = project_create(
        user=user,
        title=idea.title,
        summary=summary,
        area=area,
        description=f"{description}\n\n{idea.description}",
    )
    if not Idea.objects.filter(pk=idea.pk, project__isnull=True).update(project=project):
        raise ContestError(_("Aus dieser Idee ist schon ein Projekt entstanden."))
    idea.project = project
    return project
