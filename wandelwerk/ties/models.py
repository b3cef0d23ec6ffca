"""Ties: typed relations between two actors (the network the analysis measures)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class TieKind(models.TextChoices):
    COOPERATION = "cooperation", _("Kooperation")
    MEMBERSHIP = "membership", _("Mitgliedschaft")
    FUNDING = "funding", _("Förderung")
    SUPPLY = "supply", _("Materiallieferung")
    PROJECT = "project", _("gemeinsames Projekt")
    GROUP = "group", _("gemeinsame Arbeitsgruppe")
    EVENT = "event", _("gemeinsame Veranstaltung")


#: kinds the platform derives from projects, working groups and events (never entered by hand)
DERIVED_KINDS = frozenset({TieKind.PROJECT, TieKind.GROUP, TieKind.EVENT})


class TieOrigin(models.TextChoices):
    RECORDED = "recorded", _("erfasst")
    IMPORTED = "imported", _("importiert")
    DERIVED = "derived", _("abgeleitet")


class Tie(models.Model):
    """A relation from ``source`` to ``target``. Funding, membership and supply have a direction
    (the source funds / is a member of / supplies the target); the analysis treats every tie as
    undirected. ``derived_key`` names what a derived tie comes from (e.g. ``project:12``), so
    deriving again updates instead of duplicating."""

    source = models.ForeignKey("actors.Actor", on_delete=models.CASCADE, related_name="ties_out")
    target = models.ForeignKey("actors.Actor", on_delete=models.CASCADE, related_name="ties_in")
    kind = models.CharField(_("Art"), max_length=20, choices=TieKind.choices)
    origin = models.CharField(
        _("Herkunft"), max_length=10, choices=TieOrigin.choices, default=TieOrigin.RECORDED
    )
    weight = models.FloatField(_("Gewicht"), default=1.0)
    started = models.DateField(_("seit"), null=True, blank=True)
    ended = models.DateField(_("bis"), null=True, blank=True)
    note = models.CharField(_("Notiz"), max_length=300, blank=True)
    derived_key = models.CharField(max_length=60, blank=True, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    is_demo = models.BooleanField(_("Demodaten"), default=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["id"]
        verbose_name = _("Beziehung")
        verbose_name_plural = _("Beziehungen")
        indexes = [
            models.Index(fields=["source", "target"], name="ties_pair"),
            models.Index(fields=["target"], name="ties_target"),
            models.Index(fields=["kind"], name="ties_kind"),
        ]
        constraints = [
            models.CheckConstraint(condition=~models.Q(source=models.F("target")), name="ties_not_self"),
            models.CheckConstraint(condition=models.Q(weight__gt=0), name="ties_weight_positive"),
            models.CheckConstraint(
                condition=models.Q(ended__isnull=True)
                | models.Q(started__isnull=True)
                | models.Q(ended__gte=models.F("started")),
                name="ties_period_order",
            ),
            models.UniqueConstraint(
                fields=["source", "target", "kind", "derived_key"], name="ties_unique_per_kind_and_origin"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.source_id} – {self.target_id} ({self.kind})"


class NetworkSnapshot(models.Model):
    """The headline figures of a network's tie structure on one day (written by
    ``network_snapshot_take``), so coordinators can see how the network changes over time."""

    network = models.ForeignKey("networks.Network", on_delete=models.CASCADE, related_name="tie_snapshots")
    date = models.DateField(_("Stichtag"))
    figures = models.JSONField(_("Kennzahlen"), default=dict)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["network", "-date"]
        verbose_name = _("Netzwerk-Momentaufnahme")
        verbose_name_plural = _("Netzwerk-Momentaufnahmen")
        constraints = [
            models.UniqueConstraint(fields=["network", "date"], name="ties_snapshot_once_per_day"),
        ]

    def __str__(self) -> str:
        return f"{self.network_id} {self.date}"
