"""Material flows (an actor's outputs and inputs) and the stored results of the last matching run.

The vocabulary (material classes, units, frequencies) comes from ``engines.circular_taxonomy`` and
``engines.circular`` so that the form, the database and the engine can never disagree.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.functional import lazy
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from wandelwerk.engines.circular import Frequency as EngineFrequency
from wandelwerk.engines.circular_taxonomy import CLASSES, MaterialClass

ALL_MONTHS = 0xFFF


class FlowDirection(models.TextChoices):
    OUTPUT = "output", _("Angebot (Output: Reststoff, Abfall, Überschuss)")
    INPUT = "input", _("Gesuch (Input: Rohstoff, den Sie brauchen)")


def _class_label(value: str) -> str:
    info = CLASSES[MaterialClass(value)]
    return info.label_en if (get_language() or "de").startswith("en") else info.label_de


class_label = lazy(_class_label, str)
"""The readable name of an engine material class in the active language."""

Material = models.TextChoices(  # type: ignore[misc,call-overload]
    "Material", [(c.name, (c.value, class_label(c.value))) for c in MaterialClass]
)
"""Material classes of the engine taxonomy (value = engine key, label = name in the active language)."""


class Unit(models.TextChoices):
    T = "t", _("Tonnen (t)")
    KG = "kg", _("Kilogramm (kg)")
    M3 = "m3", _("Kubikmeter (m³)")
    MWH = "MWh", _("Megawattstunden (MWh)")
    KWH = "kWh", _("Kilowattstunden (kWh)")
    GJ = "GJ", _("Gigajoule (GJ)")
    PIECES = "pieces", _("Stück")


class Frequency(models.TextChoices):
    ONCE = EngineFrequency.ONCE.value, _("einmalig")
    WEEKLY = EngineFrequency.WEEKLY.value, _("wöchentlich")
    MONTHLY = EngineFrequency.MONTHLY.value, _("monatlich")
    YEARLY = EngineFrequency.YEARLY.value, _("jährlich")


class FlowStatus(models.TextChoices):
    ACTIVE = "active", _("aktiv")
    CLOSED = "closed", _("abgeschlossen")


class MaterialFlow(models.Model):
    """One declared output (offer) or input (need) of an actor, with quantity, timing and place."""

    actor = models.ForeignKey(
        "actors.Actor", on_delete=models.CASCADE, related_name="material_flows", verbose_name=_("Akteur")
    )
    direction = models.CharField(_("Richtung"), max_length=6, choices=FlowDirection.choices)
    material = models.CharField(_("Material"), max_length=20, choices=Material.choices)
    avv_code = models.CharField(
        _("Abfallschlüssel (AVV)"),
        max_length=6,
        blank=True,
        help_text=_("Sechs Ziffern nach Abfallverzeichnis-Verordnung, z. B. 17 01 01 (optional)."),
    )
    title = models.CharField(_("Titel"), max_length=200)
    description = models.TextField(_("Beschreibung"), blank=True)
    quantity = models.FloatField(_("Menge"))
    unit = models.CharField(_("Einheit"), max_length=6, choices=Unit.choices)
    frequency = models.CharField(
        _("Häufigkeit"), max_length=10, choices=Frequency.choices, default=Frequency.YEARLY
    )
    period_start = models.DateField(_("ab"), null=True, blank=True)
    period_end = models.DateField(_("bis"), null=True, blank=True)
    months = models.PositiveSmallIntegerField(
        _("Monate"),
        default=ALL_MONTHS,
        help_text=_("Bitmaske der Monate (Bit 0 = Januar); 4095 = ganzjährig"),
    )
    lat = models.FloatField(_("Breite"))
    lon = models.FloatField(_("Länge"))
    municipality = models.ForeignKey(
        "geo.Area", on_delete=models.PROTECT, related_name="+", verbose_name=_("Gemeinde")
    )
    county = models.ForeignKey("geo.Area", on_delete=models.PROTECT, related_name="+", editable=False)
    status = models.CharField(
        _("Status"), max_length=6, choices=FlowStatus.choices, default=FlowStatus.ACTIVE
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    is_demo = models.BooleanField(_("Demodaten"), default=False)
    demo_key = models.CharField(max_length=80, null=True, blank=True, unique=True, editable=False)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("Materialstrom")
        verbose_name_plural = _("Materialströme")
        indexes = [
            models.Index(fields=["status", "direction", "material"], name="circular_flow_board"),
            models.Index(fields=["county", "status"], name="circular_flow_county"),
            models.Index(fields=["lat", "lon"], name="circular_flow_geo"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(quantity__gt=0), name="circular_flow_quantity_positive"
            ),
            models.CheckConstraint(
                condition=models.Q(direction__in=FlowDirection.values), name="circular_flow_direction_valid"
            ),
            models.CheckConstraint(
                condition=models.Q(material__in=Material.values), name="circular_flow_material_valid"
            ),
            models.CheckConstraint(condition=models.Q(unit__in=Unit.values), name="circular_flow_unit_valid"),
            models.CheckConstraint(
                condition=models.Q(status__in=FlowStatus.values), name="circular_flow_status_valid"
            ),
            models.CheckConstraint(
                condition=models.Q(period_start__isnull=True)
                | models.Q(period_end__isnull=True)
                | models.Q(period_end__gte=models.F("period_start")),
                name="circular_flow_period_order",
            ),
            models.CheckConstraint(
                condition=models.Q(months__gte=1, months__lte=ALL_MONTHS), name="circular_flow_months_range"
            ),
            models.CheckConstraint(
                condition=models.Q(lat__gte=-90, lat__lte=90, lon__gte=-180, lon__lte=180),
                name="circular_flow_coordinates_range",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("circular:detail", kwargs={"pk": self.pk})

    @property
    def month_list(self) -> list[int]:
        """Months (1–12) in which the flow occurs."""
        return [m for m in range(1, 13) if self.months & (1 << (m - 1))]

    @property
    def all_year(self) -> bool:
        return self.months == ALL_MONTHS

    @property
    def avv_display(self) -> str:
        code = self.avv_code
        return f"{code[:2]} {code[2:4]} {code[4:]}" if code else ""


class MatchRun(models.Model):
    """One complete matching run: when, with which parameters, and its totals."""

    started_at = models.DateTimeField(_("begonnen"))
    finished_at = models.DateTimeField(_("beendet"))
    flows = models.PositiveIntegerField(_("Ströme"))
    skipped = models.PositiveIntegerField(_("übersprungen"))
    matches = models.PositiveIntegerField(_("Zuordnungen"))
    matched_t = models.FloatField(_("zugeordnete Tonnen pro Jahr"))
    net_kg_co2e = models.FloatField(_("Netto-Einsparung kg CO2e pro Jahr"))
    max_km = models.FloatField()
    decay_km = models.FloatField()
    top_k = models.PositiveIntegerField(null=True)

    class Meta:
        ordering = ["-finished_at", "-id"]
        get_latest_by = "finished_at"
        verbose_name = _("Abgleich")
        verbose_name_plural = _("Abgleiche")

    def __str__(self) -> str:
        return f"{self.finished_at:%Y-%m-%d %H:%M}: {self.matches}"


class FlowMatch(models.Model):
    """An allocation of the last run: ``quantity`` (per year, base unit) of an output goes to an input.
    Replaced as a whole by every run (see ``services.circular_match_run``)."""

    run = models.ForeignKey(MatchRun, on_delete=models.CASCADE, related_name="+")
    output = models.ForeignKey(MaterialFlow, on_delete=models.CASCADE, related_name="matches_out")
    input = models.ForeignKey(MaterialFlow, on_delete=models.CASCADE, related_name="matches_in")
    output_material = models.CharField(max_length=20, choices=Material.choices)
    input_material = models.CharField(max_length=20, choices=Material.choices)
    quantity = models.FloatField(_("Menge pro Jahr"))
    unit = models.CharField(max_length=6)
    distance_km = models.FloatField(_("Entfernung (km)"))
    score = models.FloatField()
    transport_kg_co2e = models.FloatField(null=True)
    avoided_kg_co2e = models.FloatField(null=True)
    net_kg_co2e = models.FloatField(null=True)

    class Meta:
        ordering = ["-score", "output_id", "input_id"]
        verbose_name = _("Zuordnung")
        verbose_name_plural = _("Zuordnungen")
        constraints = [
            models.UniqueConstraint(fields=["output", "input"], name="circular_match_pair_unique"),
            models.CheckConstraint(
                condition=models.Q(quantity__gt=0), name="circular_match_quantity_positive"
            ),
            models.CheckConstraint(
                condition=~models.Q(output=models.F("input")), name="circular_match_not_self"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.output_id} → {self.input_id}: {self.quantity:g} {self.unit}"
