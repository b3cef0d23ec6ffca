"""Reports on user content and the moderation state of each reported object."""

from __future__ import annotations

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _

HIDE_AFTER_REPORTS = 3


class Reason(models.TextChoices):
    SPAM = "spam", _("Spam oder Werbung")
    OFFENSIVE = "offensive", _("beleidigend oder diskriminierend")
    FALSE_INFO = "false_info", _("falsche Informationen")
    PERSONAL_DATA = "personal_data", _("persönliche Daten ohne Einwilligung")
    OTHER = "other", _("anderer Grund")


class FlagStatus(models.TextChoices):
    VISIBLE = "visible", _("sichtbar")
    HIDDEN = "hidden", _("ausgeblendet, wartet auf Prüfung")
    REMOVED = "removed", _("entfernt")
    KEPT = "kept", _("geprüft und belassen")


HIDDEN_STATES = (FlagStatus.HIDDEN, FlagStatus.REMOVED)


class Flag(models.Model):
    """The moderation state of one reported object (one row per object, made at the first report).

    Reportable things live in several apps (idea submissions, comments, group posts, actors), so the
    object is addressed by content type and id: a GenericForeignKey is justified here because the
    moderation app must not depend on the apps whose content it moderates. ``network``, ``author``,
    ``title`` and ``url`` are copied from ``moderation_context()`` so the queue needs no per-row calls.
    ``open_reports`` counts reports since the last "keep" decision; the third one hides the object.
    """

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_id = models.PositiveBigIntegerField()
    content_object = GenericForeignKey("content_type", "object_id")
    status = models.CharField(
        _("Status"), max_length=10, choices=FlagStatus.choices, default=FlagStatus.VISIBLE
    )
    open_reports = models.PositiveIntegerField(_("offene Meldungen"), default=0)
    network = models.ForeignKey(
        "networks.Network", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    title = models.CharField(_("Titel"), max_length=200)
    url = models.CharField(_("Adresse"), max_length=500)
    created_at = models.DateTimeField(auto_now_add=True)
    hidden_at = models.DateTimeField(null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    decision_note = models.TextField(_("Begründung"), blank=True)

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("Moderationsfall")
        verbose_name_plural = _("Moderationsfälle")
        constraints = [
            models.UniqueConstraint(fields=["content_type", "object_id"], name="moderation_flag_unique"),
        ]
        indexes = [
            models.Index(fields=["status", "created_at"], name="moderation_flag_queue"),
        ]

    def __str__(self) -> str:
        return f"{self.title} ({self.get_status_display()})"

    @property
    def is_hidden(self) -> bool:
        return self.status in HIDDEN_STATES


class Report(models.Model):
    """One person's report on one object; a second report by the same person is refused by the database."""

    flag = models.ForeignKey(Flag, on_delete=models.CASCADE, related_name="reports")
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_id = models.PositiveBigIntegerField()
    reporter = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    reason = models.CharField(_("Grund"), max_length=20, choices=Reason.choices)
    text = models.TextField(_("Erläuterung"), blank=True)
    is_open = models.BooleanField(default=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("Meldung")
        verbose_name_plural = _("Meldungen")
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "object_id", "reporter"], name="moderation_report_once"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_reason_display()} – {self.flag.title}"
