"""Competence centres (Kompetenzstellen), consulting requests routed to them, and collegial coaching."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class CompetenceCentre(models.Model):
    """An actor advising initiatives on some topics in some areas (states or counties). ``open_cases``
    counts its assigned and in-progress requests; services change it only by conditional UPDATEs, so it
    never exceeds ``capacity`` through routing."""

    actor = models.ForeignKey(
        "actors.Actor", on_delete=models.PROTECT, related_name="competence_centres", verbose_name=_("Träger")
    )
    name = models.CharField(_("Name"), max_length=200)
    description = models.TextField(_("Beschreibung"), blank=True)
    topics = models.ManyToManyField("actors.Topic", related_name="+", verbose_name=_("Handlungsfelder"))
    areas = models.ManyToManyField("geo.Area", related_name="+", verbose_name=_("Gebiete"))
    advisers = models.ManyToManyField(
        settings.AUTH_USER_MODEL, related_name="advised_centres", blank=True, verbose_name=_("Beratende")
    )
    capacity = models.PositiveIntegerField(_("Kapazität (offene Fälle)"), default=10)
    open_cases = models.IntegerField(_("offene Fälle"), default=0, editable=False)
    is_active = models.BooleanField(_("nimmt Anfragen an"), default=True)
    is_demo = models.BooleanField(_("Demodaten"), default=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name", "id"]
        verbose_name = _("Kompetenzstelle")
        verbose_name_plural = _("Kompetenzstellen")
        constraints = [
            models.CheckConstraint(condition=Q(open_cases__gte=0), name="consulting_centre_open_nonneg"),
            models.CheckConstraint(condition=Q(capacity__gte=1), name="consulting_centre_capacity_pos"),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("consulting:centre", kwargs={"pk": self.pk})


class Urgency(models.TextChoices):
    LOW = "low", _("niedrig")
    NORMAL = "normal", _("normal")
    HIGH = "high", _("hoch")


class CaseStatus(models.TextChoices):
    NEW = "new", _("neu")
    ASSIGNED = "assigned", _("zugewiesen")
    IN_PROGRESS = "in_progress", _("in Bearbeitung")
    CLOSED = "closed", _("abgeschlossen")


OPEN_STATUSES = (CaseStatus.ASSIGNED, CaseStatus.IN_PROGRESS)


class ConsultingRequest(models.Model):
    """A person (optionally for one of their actors) asks for advice on a topic in a municipality."""

    # SET_NULL: a deleted account leaves the case anonymised, and the centre's open-case counter right
    requester = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="consulting_requests"
    )
    on_behalf_of = models.ForeignKey(
        "actors.Actor",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("für"),
    )
    topic = models.ForeignKey("actors.Topic", on_delete=models.PROTECT, related_name="+")
    area = models.ForeignKey("geo.Area", on_delete=models.PROTECT, related_name="+", verbose_name=_("Ort"))
    title = models.CharField(_("Titel"), max_length=200)
    description = models.TextField(_("Beschreibung"))
    urgency = models.CharField(
        _("Dringlichkeit"), max_length=10, choices=Urgency.choices, default=Urgency.NORMAL
    )
    status = models.CharField(_("Status"), max_length=12, choices=CaseStatus.choices, default=CaseStatus.NEW)
    centre = models.ForeignKey(
        CompetenceCentre,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="cases",
        verbose_name=_("Kompetenzstelle"),
    )
    outcome = models.TextField(_("Ergebnis"), blank=True)
    created_at = models.DateTimeField(_("angefragt am"), default=timezone.now)
    assigned_at = models.DateTimeField(null=True, blank=True)
    closed_at = models.DateTimeField(null=True, blank=True)
    is_demo = models.BooleanField(_("Demodaten"), default=False)

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("Beratungsanfrage")
        verbose_name_plural = _("Beratungsanfragen")
        indexes = [
            models.Index(fields=["status", "created_at"], name="consulting_case_status_age"),
            models.Index(fields=["centre", "status", "created_at"], name="consulting_case_centre"),
        ]
        constraints = [
            # assigned and in-progress cases have a centre; new ones have none
            models.CheckConstraint(
                condition=Q(status=CaseStatus.NEW, centre__isnull=True)
                | Q(status=CaseStatus.CLOSED)
                | Q(status__in=OPEN_STATUSES, centre__isnull=False),
                name="consulting_case_centre_matches_status",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("consulting:case", kwargs={"pk": self.pk})

    @property
    def is_open(self) -> bool:
        return self.status != CaseStatus.CLOSED


class CaseChange(models.Model):
    """One recorded change of a case: a status change, an assignment or a re-routing."""

    case = models.ForeignKey(ConsultingRequest, on_delete=models.CASCADE, related_name="changes")
    from_status = models.CharField(max_length=12, choices=CaseStatus.choices)
    to_status = models.CharField(max_length=12, choices=CaseStatus.choices)
    from_centre = models.ForeignKey(
        CompetenceCentre, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    to_centre = models.ForeignKey(
        CompetenceCentre, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    note = models.TextField(blank=True)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    changed_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["changed_at", "id"]

    def __str__(self) -> str:
        return f"{self.case_id}: {self.from_status} → {self.to_status}"


class CaseNote(models.Model):
    """Internal conversation on a case: only the requester, the assigned centre and the area's
    coordinators (and staff) see it."""

    case = models.ForeignKey(ConsultingRequest, on_delete=models.CASCADE, related_name="notes")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    text = models.TextField(_("Notiz"))
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return f"{self.case_id}: {self.text[:40]}"


class Feedback(models.Model):
    """The requester's rating of a closed case; one per case (unique)."""

    case = models.OneToOneField(ConsultingRequest, on_delete=models.CASCADE, related_name="feedback")
    rating = models.PositiveSmallIntegerField(_("Bewertung"))
    text = models.TextField(_("Rückmeldung"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.CheckConstraint(condition=Q(rating__gte=1, rating__lte=5), name="consulting_feedback_1_5"),
        ]

    def __str__(self) -> str:
        return f"{self.case_id}: {self.rating}"


class CoachingStatus(models.TextChoices):
    OPEN = "open", _("offen")
    PAIRED = "paired", _("vermittelt")


class CoachingRequest(models.Model):
    """An actor's owner asks for collegial coaching (peer exchange) on some topics."""

    actor = models.ForeignKey("actors.Actor", on_delete=models.CASCADE, related_name="coaching_requests")
    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    topics = models.ManyToManyField("actors.Topic", related_name="+", verbose_name=_("Themen"))
    message = models.TextField(_("Worum geht es?"), blank=True)
    status = models.CharField(max_length=10, choices=CoachingStatus.choices, default=CoachingStatus.OPEN)
    created_at = models.DateTimeField(auto_now_add=True)
    is_demo = models.BooleanField(default=False)

    class Meta:
        ordering = ["created_at", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["actor"], condition=Q(status="open"), name="consulting_one_open_coaching_per_actor"
            )
        ]

    def __str__(self) -> str:
        return f"{self.actor_id} ({self.status})"


class CoachingPair(models.Model):
    """Two coaching requests a coordinator brought together (``first`` has the lower id)."""

    first = models.OneToOneField(CoachingRequest, on_delete=models.CASCADE, related_name="+")
    second = models.OneToOneField(CoachingRequest, on_delete=models.CASCADE, related_name="+")
    similarity = models.FloatField()
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "id"]
        constraints = [
            models.CheckConstraint(condition=Q(first__lt=F("second")), name="consulting_pair_ordered")
        ]

    def __str__(self) -> str:
        return f"{self.first_id} + {self.second_id}"
