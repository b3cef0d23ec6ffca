"""Idea contests: a contest with phases, ideas (moderated before publication), public votes within a
budget, jury scores per criterion."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wandelwerk.engines.contest import PHASES, PhaseSpan, current_phase

PHASE_LABELS = {
    "submission": _("Einreichung"),
    "review": _("Prüfung"),
    "voting": _("Abstimmung"),
    "jury": _("Jury"),
    "results": _("Ergebnisse"),
    "before": _("noch nicht begonnen"),
    "between": _("Pause zwischen zwei Phasen"),
}


class Contest(models.Model):
    network = models.ForeignKey("networks.Network", on_delete=models.PROTECT, related_name="contests")
    title = models.CharField(_("Titel"), max_length=200)
    slug = models.SlugField(_("Kürzel"), unique=True, max_length=80)
    rules = models.TextField(_("Teilnahmebedingungen (Markdown)"), blank=True)
    area = models.ForeignKey("geo.Area", on_delete=models.PROTECT, related_name="+", verbose_name=_("Gebiet"))
    submission_start = models.DateTimeField(_("Einreichung ab"))
    submission_end = models.DateTimeField(_("Einreichung bis"))
    review_start = models.DateTimeField(_("Prüfung ab"))
    review_end = models.DateTimeField(_("Prüfung bis"))
    voting_start = models.DateTimeField(_("Abstimmung ab"))
    voting_end = models.DateTimeField(_("Abstimmung bis"))
    jury_start = models.DateTimeField(_("Jury ab"))
    jury_end = models.DateTimeField(_("Jury bis"))
    results_start = models.DateTimeField(_("Ergebnisse ab"))
    vote_budget = models.PositiveSmallIntegerField(_("Stimmen pro Person"), default=5)
    jury_weight = models.PositiveSmallIntegerField(_("Gewicht der Jury (%)"), default=50)
    public_weight = models.PositiveSmallIntegerField(_("Gewicht der Publikumsstimmen (%)"), default=50)
    winners = models.PositiveSmallIntegerField(_("Anzahl der Gewinnerideen"), default=3)
    jury = models.ManyToManyField(settings.AUTH_USER_MODEL, blank=True, related_name="jury_contests")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    is_demo = models.BooleanField(default=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-submission_start"]
        verbose_name = _("Ideenwettbewerb")
        verbose_name_plural = _("Ideenwettbewerbe")

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("participation:contest", kwargs={"slug": self.slug})

    def spans(self) -> list[PhaseSpan]:
        return [
            PhaseSpan(name, getattr(self, f"{name}_start"), getattr(self, f"{name}_end", None))
            for name in PHASES
        ]

    @property
    def phase(self) -> str:
        return current_phase(self.spans(), timezone.now())

    @property
    def phase_label(self) -> str:
        return str(PHASE_LABELS[self.phase])


class Category(models.Model):
    contest = models.ForeignKey(Contest, on_delete=models.CASCADE, related_name="categories")
    name = models.CharField(_("Name"), max_length=100)

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["contest", "name"], name="participation_category_unique")
        ]

    def __str__(self) -> str:
        return self.name


class Criterion(models.Model):
    contest = models.ForeignKey(Contest, on_delete=models.CASCADE, related_name="criteria")
    name = models.CharField(_("Kriterium"), max_length=100)
    weight = models.PositiveSmallIntegerField(_("Gewicht"), default=1)

    class Meta:
        ordering = ["pk"]

    def __str__(self) -> str:
        return self.name


class IdeaStatus(models.TextChoices):
    PENDING = "pending", _("wartet auf Prüfung")
    PUBLISHED = "published", _("veröffentlicht")
    REJECTED = "rejected", _("abgelehnt")


class Idea(models.Model):
    contest = models.ForeignKey(Contest, on_delete=models.CASCADE, related_name="ideas")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="contest_ideas"
    )
    title = models.CharField(_("Titel"), max_length=160)
    description = models.TextField(_("Beschreibung (Markdown)"))
    category = models.ForeignKey(Category, on_delete=models.PROTECT, related_name="ideas")
    place = models.CharField(_("Ort"), max_length=120)
    area = models.ForeignKey("geo.Area", null=True, on_delete=models.SET_NULL, related_name="+")
    lat = models.FloatField(null=True)
    lon = models.FloatField(null=True)
    team = models.CharField(_("Team"), max_length=300, blank=True)
    status = models.CharField(max_length=20, choices=IdeaStatus.choices, default=IdeaStatus.PENDING)
    reason = models.TextField(_("Begründung der Ablehnung"), blank=True)
    moderated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    moderated_at = models.DateTimeField(null=True, blank=True)
    project = models.ForeignKey(
        "projects.Project", null=True, blank=True, on_delete=models.SET_NULL, related_name="contest_ideas"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["contest", "status"], name="participation_idea_status")]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("participation:idea", kwargs={"slug": self.contest.slug, "pk": self.pk})

    def moderation_context(self):  # type: ignore[no-untyped-def]
        from wandelwerk.moderation.interface import ModerationContext

        return ModerationContext(
            network=self.contest.network, author=self.author, title=self.title, url=self.get_absolute_url()
        )


class IdeaImage(models.Model):
    idea = models.ForeignKey(Idea, on_delete=models.CASCADE, related_name="images")
    file = models.FileField(upload_to="participation/")
    content_type = models.CharField(max_length=40)
    alt = models.CharField(_("Bildbeschreibung"), max_length=200, blank=True)

    class Meta:
        ordering = ["pk"]

    def __str__(self) -> str:
        return self.file.name


class Comment(models.Model):
    idea = models.ForeignKey(Idea, on_delete=models.CASCADE, related_name="comments")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    text = models.TextField(_("Kommentar"), max_length=2000)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return self.text[:80]

    def get_absolute_url(self) -> str:
        return self.idea.get_absolute_url() + f"#kommentar-{self.pk}"

    def moderation_context(self):  # type: ignore[no-untyped-def]
        from wandelwerk.moderation.interface import ModerationContext

        return ModerationContext(
            network=self.idea.contest.network,
            author=self.author,
            title=self.text[:80],
            url=self.get_absolute_url(),
        )


class Vote(models.Model):
    idea = models.ForeignKey(Idea, on_delete=models.CASCADE, related_name="votes")
    voter = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["idea", "voter"], name="participation_vote_once")]

    def __str__(self) -> str:
        return f"{self.voter_id} → {self.idea_id}"


class VoteBudget(models.Model):
    """How many of the contest's votes a person has used; changed only by conditional UPDATEs."""

    contest = models.ForeignKey(Contest, on_delete=models.CASCADE, related_name="+")
    voter = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    used = models.PositiveSmallIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["contest", "voter"], name="participation_budget_unique"),
            models.CheckConstraint(condition=models.Q(used__gte=0), name="participation_budget_positive"),
        ]

    def __str__(self) -> str:
        return f"{self.voter_id}: {self.used}"


class JuryScore(models.Model):
    idea = models.ForeignKey(Idea, on_delete=models.CASCADE, related_name="jury_scores")
    criterion = models.ForeignKey(Criterion, on_delete=models.CASCADE, related_name="+")
    member = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    value = models.PositiveSmallIntegerField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["idea", "criterion", "member"], name="participation_score_once"),
            models.CheckConstraint(condition=models.Q(value__lte=10), name="participation_score_range"),
        ]

    def __str__(self) -> str:
        return f"{self.member_id}: {self.value}"
