"""Events of networks and actors: meetings, conferences with sessions, workshops; registrations with a
seat counter (``confirmed_count``) that only conditional UPDATEs change, so capacity holds under load."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


class Kind(models.TextChoices):
    NETWORK_MEETING = "network_meeting", _("Netzwerktreffen")
    CONFERENCE = "conference", _("Konferenz")
    WORKING_GROUP = "working_group", _("Arbeitsgruppentreffen")
    WORKSHOP = "workshop", _("Workshop")
    COACHING = "coaching", _("Kollegiales Coaching")
    FORUM = "forum", _("Forum")


class Visibility(models.TextChoices):
    PUBLIC = "public", _("öffentlich")
    MEMBERS = "members", _("nur für Mitglieder")


class Event(models.Model):
    """Organised by exactly one network or one actor; at a place, online, or both."""

    kind = models.CharField(_("Art"), max_length=20, choices=Kind.choices)
    title = models.CharField(_("Titel"), max_length=200)
    slug = models.SlugField(_("Kürzel"), unique=True, max_length=220)
    network = models.ForeignKey(
        "networks.Network",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="events",
        verbose_name=_("Netzwerk"),
    )
    actor = models.ForeignKey(
        "actors.Actor",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="events",
        verbose_name=_("Akteur"),
    )
    group = models.ForeignKey(
        "groups.WorkingGroup",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="events",
        verbose_name=_("Arbeitsgruppe"),
        help_text=_("Treffen einer Arbeitsgruppe des veranstaltenden Netzwerks"),
    )
    venue_name = models.CharField(_("Veranstaltungsort"), max_length=200, blank=True)
    address = models.CharField(_("Adresse"), max_length=300, blank=True)
    area = models.ForeignKey(
        "geo.Area",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="events",
        verbose_name=_("Gemeinde"),
    )
    lat = models.FloatField(_("Breite"), null=True, blank=True)
    lon = models.FloatField(_("Länge"), null=True, blank=True)
    online_url = models.URLField(_("Online-Zugang"), blank=True, max_length=500)
    start = models.DateTimeField(_("Beginn"))
    end = models.DateTimeField(_("Ende"))
    topics = models.ManyToManyField(
        "actors.Topic", related_name="events", blank=True, verbose_name=_("Handlungsfelder")
    )
    description = models.TextField(_("Beschreibung (Markdown)"), blank=True)
    accessibility = models.TextField(_("Barrierefreiheit"), blank=True)
    visibility = models.CharField(
        _("Sichtbarkeit"), max_length=10, choices=Visibility.choices, default=Visibility.PUBLIC
    )
    is_published = models.BooleanField(_("veröffentlicht"), default=False)

    registration_opens_at = models.DateTimeField(_("Anmeldung ab"), null=True, blank=True)
    registration_closes_at = models.DateTimeField(_("Anmeldung bis"), null=True, blank=True)
    capacity = models.PositiveIntegerField(_("Plätze"), null=True, blank=True)
    confirmed_count = models.PositiveIntegerField(default=0, editable=False)
    needs_approval = models.BooleanField(_("Anmeldungen bestätigen die Veranstaltenden"), default=False)
    questions = models.JSONField(_("Fragen bei der Anmeldung"), default=list, blank=True)

    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    is_demo = models.BooleanField(_("Demodaten"), default=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["start", "id"]
        verbose_name = _("Veranstaltung")
        verbose_name_plural = _("Veranstaltungen")
        indexes = [models.Index(fields=["is_published", "visibility", "start"], name="events_listed")]
        constraints = [
            models.CheckConstraint(
                condition=Q(network__isnull=False, actor__isnull=True)
                | Q(network__isnull=True, actor__isnull=False),
                name="events_one_organiser",
            ),
            models.CheckConstraint(condition=Q(end__gte=F("start")), name="events_end_after_start"),
            models.CheckConstraint(
                condition=Q(area__isnull=False) | ~Q(online_url=""), name="events_place_or_online"
            ),
            models.CheckConstraint(
                condition=Q(capacity__isnull=True) | Q(capacity__gte=1), name="events_capacity_positive"
            ),
            models.CheckConstraint(
                condition=Q(capacity__isnull=True) | Q(confirmed_count__lte=F("capacity")),
                name="events_seats_within_capacity",
            ),
            models.CheckConstraint(
                condition=Q(registration_opens_at__isnull=True)
                | Q(registration_closes_at__isnull=True)
                | Q(registration_closes_at__gte=F("registration_opens_at")),
                name="events_registration_window",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("events:detail", kwargs={"slug": self.slug})

    @property
    def organiser(self) -> object:
        return self.network if self.network_id else self.actor

    @property
    def seats_left(self) -> int | None:
        return None if self.capacity is None else max(0, self.capacity - self.confirmed_count)


class EventSession(models.Model):
    """One programme item of a (multi-day) conference."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="sessions")
    title = models.CharField(_("Titel"), max_length=200)
    start = models.DateTimeField(_("Beginn"))
    end = models.DateTimeField(_("Ende"))
    room = models.CharField(_("Raum"), max_length=120, blank=True)
    speakers = models.CharField(_("Mitwirkende"), max_length=300, blank=True)

    class Meta:
        ordering = ["start", "id"]
        verbose_name = _("Programmpunkt")
        verbose_name_plural = _("Programmpunkte")
        constraints = [
            models.CheckConstraint(condition=Q(end__gte=F("start")), name="events_session_end_after_start")
        ]

    def __str__(self) -> str:
        return self.title


class RegistrationStatus(models.TextChoices):
    CONFIRMED = "confirmed", _("bestätigt")
    WAITING = "waiting", _("Warteliste")
    PENDING = "pending", _("wartet auf Bestätigung")
    DECLINED = "declined", _("abgelehnt")
    CANCELLED = "cancelled", _("storniert")


ACTIVE_STATUSES = (RegistrationStatus.CONFIRMED, RegistrationStatus.WAITING, RegistrationStatus.PENDING)


class Registration(models.Model):
    """One person's registration; the waiting list is ordered by ``queued_at`` (oldest first)."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="registrations")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="registrations")
    status = models.CharField(_("Status"), max_length=10, choices=RegistrationStatus.choices)
    answers = models.JSONField(_("Antworten"), default=dict, blank=True)
    queued_at = models.DateTimeField(_("angemeldet am"))
    decided_at = models.DateTimeField(null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    cancelled_at = models.DateTimeField(null=True, blank=True)
    attended = models.BooleanField(_("teilgenommen"), null=True, blank=True)
    reminder_sent_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["queued_at", "id"]
        verbose_name = _("Anmeldung")
        verbose_name_plural = _("Anmeldungen")
        constraints = [models.UniqueConstraint(fields=["event", "user"], name="events_registration_unique")]
        indexes = [models.Index(fields=["event", "status", "queued_at"], name="events_reg_queue")]

    def __str__(self) -> str:
        return f"{self.user} – {self.event} ({self.get_status_display()})"
