"""Project factory (seed 004): climate strategies with measures, projects from idea to implementation."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from wandelwerk.actors.models import ResourceCategory
from wandelwerk.engines.stages import Stage as StageValue


class Stage(models.TextChoices):
    IDEA = StageValue.IDEA.value, _("Projektidee")
    PLANNING = StageValue.PLANNING.value, _("Planung")
    IMPLEMENTATION = StageValue.IMPLEMENTATION.value, _("Umsetzung")
    COMPLETED = StageValue.COMPLETED.value, _("abgeschlossen")
    PAUSED = StageValue.PAUSED.value, _("pausiert")
    DROPPED = StageValue.DROPPED.value, _("eingestellt")


class Strategy(models.Model):
    """A municipality's climate-protection strategy, published by its administration actor."""

    title = models.CharField(_("Titel"), max_length=200)
    slug = models.SlugField(unique=True, max_length=220)
    publisher = models.ForeignKey(
        "actors.Actor", on_delete=models.PROTECT, related_name="strategies", verbose_name=_("Herausgeber")
    )
    area = models.ForeignKey(
        "geo.Area", on_delete=models.PROTECT, related_name="strategies", verbose_name=_("Gebiet")
    )
    period_start = models.PositiveSmallIntegerField(_("Laufzeit von (Jahr)"))
    period_end = models.PositiveSmallIntegerField(_("Laufzeit bis (Jahr)"))
    description = models.TextField(_("Beschreibung (Markdown)"), blank=True)
    is_published = models.BooleanField(_("veröffentlicht"), default=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-period_start", "title"]
        verbose_name = _("Klimaschutzstrategie")
        verbose_name_plural = _("Klimaschutzstrategien")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(period_end__gte=models.F("period_start")), name="projects_strategy_period"
            )
        ]

    def __str__(self) -> str:
        return self.title


class Target(models.Model):
    """A quantified goal of a strategy, e.g. greenhouse-gas emissions −65 % by 2030."""

    strategy = models.ForeignKey(Strategy, on_delete=models.CASCADE, related_name="targets")
    label = models.CharField(_("Ziel"), max_length=200)
    year = models.PositiveSmallIntegerField(_("Jahr"))
    value = models.FloatField(_("Wert"))
    unit = models.CharField(_("Einheit"), max_length=40)

    class Meta:
        ordering = ["year", "label"]

    def __str__(self) -> str:
        return f"{self.label} {self.value} {self.unit} ({self.year})"


class Measure(models.Model):
    strategy = models.ForeignKey(Strategy, on_delete=models.CASCADE, related_name="measures")
    code = models.CharField(_("Kennung"), max_length=20)
    title = models.CharField(_("Titel"), max_length=200)
    description = models.TextField(_("Beschreibung"), blank=True)
    topic = models.ForeignKey(
        "actors.Topic", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    indicator = models.CharField(_("Indikator"), max_length=200, blank=True)
    unit = models.CharField(_("Einheit"), max_length=40, blank=True)
    target_value = models.FloatField(_("Zielwert"), null=True, blank=True)
    current_value = models.FloatField(_("aktueller Wert"), null=True, blank=True)
    responsible = models.ForeignKey(
        "actors.Actor", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["strategy", "code"]
        verbose_name = _("Maßnahme")
        verbose_name_plural = _("Maßnahmen")
        constraints = [
            models.UniqueConstraint(fields=["strategy", "code"], name="projects_measure_code_unique")
        ]

    def __str__(self) -> str:
        return f"{self.strategy.title}: {self.code} {self.title}"


class Project(models.Model):
    title = models.CharField(_("Titel"), max_length=200)
    slug = models.SlugField(unique=True, max_length=220)
    summary = models.CharField(_("Kurzbeschreibung"), max_length=500)
    description = models.TextField(_("Beschreibung (Markdown)"), blank=True)
    topics = models.ManyToManyField("actors.Topic", blank=True, related_name="projects")
    measures = models.ManyToManyField(Measure, blank=True, related_name="projects")
    area = models.ForeignKey("geo.Area", on_delete=models.PROTECT, related_name="projects")
    lat = models.FloatField(null=True, blank=True)
    lon = models.FloatField(null=True, blank=True)
    initiator = models.ForeignKey(
        "actors.Actor", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="projects_created"
    )
    stage = models.CharField(_("Phase"), max_length=20, choices=Stage.choices, default=Stage.IDEA)
    is_public = models.BooleanField(_("öffentlich"), default=False)
    effect_co2_t = models.FloatField(_("erwartete Einsparung (t CO₂e/Jahr)"), null=True, blank=True)
    effect_people = models.PositiveIntegerField(_("erreichte Menschen"), null=True, blank=True)
    budget_eur = models.DecimalField(_("Budget (€)"), max_digits=12, decimal_places=2, null=True, blank=True)
    funding = models.TextField(_("Finanzierung"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-updated_at", "id"]
        verbose_name = _("Projekt")
        verbose_name_plural = _("Projekte")
        indexes = [models.Index(fields=["is_public", "stage"], name="projects_public_stage")]

    def __str__(self) -> str:
        return self.title


class StageChange(models.Model):
    """The record of every stage change: from, to, why, who, when."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="stage_changes")
    from_stage = models.CharField(max_length=20, choices=Stage.choices)
    to_stage = models.CharField(max_length=20, choices=Stage.choices)
    reason = models.TextField(blank=True)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    changed_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["changed_at", "id"]

    def __str__(self) -> str:
        return f"{self.from_stage} → {self.to_stage}"


class PartnerRole(models.TextChoices):
    LEAD = "lead", _("Leitung")
    PARTNER = "partner", _("Partner")
    SUPPORTER = "supporter", _("Unterstützer")
    FUNDER = "funder", _("Förderer")
    IMPLEMENTER = "implementer", _("Umsetzer")


class PartnerStatus(models.TextChoices):
    REQUESTED = "requested", _("angefragt")
    INVITED = "invited", _("eingeladen")
    ACCEPTED = "accepted", _("bestätigt")
    DECLINED = "declined", _("abgelehnt")


class Partner(models.Model):
    """An actor's role in a project. One row per actor and project (a constraint, not a check)."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="partners")
    actor = models.ForeignKey("actors.Actor", on_delete=models.CASCADE, related_name="project_roles")
    role = models.CharField(_("Rolle"), max_length=20, choices=PartnerRole.choices)
    status = models.CharField(_("Status"), max_length=20, choices=PartnerStatus.choices)
    asked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["project", "role", "id"]
        constraints = [models.UniqueConstraint(fields=["project", "actor"], name="projects_partner_unique")]

    def __str__(self) -> str:
        return f"{self.actor_id} in {self.project_id} ({self.role}, {self.status})"


class Need(models.Model):
    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="needs")
    category = models.CharField(_("Kategorie"), max_length=20, choices=ResourceCategory.choices)
    title = models.CharField(_("Titel"), max_length=200)
    description = models.TextField(_("Beschreibung"), blank=True)
    filled_by = models.ForeignKey(
        "actors.Actor", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    filled_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["filled_at", "id"]

    def __str__(self) -> str:
        return self.title

    @property
    def is_open(self) -> bool:
        return self.filled_at is None


class Milestone(models.Model):
    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="milestones")
    title = models.CharField(_("Titel"), max_length=200)
    due = models.DateField(_("fällig am"))
    done_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["due", "id"]

    def __str__(self) -> str:
        return self.title


class Update(models.Model):
    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="updates")
    text = models.TextField(_("Text"))
    posted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    posted_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-posted_at", "-id"]

    def __str__(self) -> str:
        return self.text[:60]


class Follower(models.Model):
    """Opt-in: the person gets an email for each update."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="followers")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="followed_projects"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["project", "user"], name="projects_follower_unique")]

    def __str__(self) -> str:
        return f"{self.user_id} follows {self.project_id}"
