"""Official statistics per area, loaded by ``manage.py load_statistics`` (see services.statistics_load).

One row per (indicator, area) with a float value: a narrow table keeps new indicators a data change,
not a migration, and the county profile reads all of a county's figures in one query.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class Indicator(models.Model):
    """A statistical figure, e.g. household waste in kg per inhabitant, with its source."""

    key = models.SlugField(_("Kürzel"), max_length=60, unique=True)
    label = models.CharField(_("Bezeichnung"), max_length=200)
    unit = models.CharField(_("Einheit"), max_length=40)
    source = models.TextField(_("Quellenangabe"))
    year = models.PositiveSmallIntegerField(_("Jahr"))
    note = models.TextField(_("Hinweis"), blank=True)

    class Meta:
        ordering = ["key"]
        verbose_name = _("Indikator")
        verbose_name_plural = _("Indikatoren")

    def __str__(self) -> str:
        return self.label


class AreaValue(models.Model):
    """The value of one indicator for one state, county or municipality."""

    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="values")
    area = models.ForeignKey("geo.Area", on_delete=models.CASCADE, related_name="statistics")
    value = models.FloatField(_("Wert"))

    class Meta:
        verbose_name = _("Statistikwert")
        verbose_name_plural = _("Statistikwerte")
        constraints = [
            models.UniqueConstraint(fields=["indicator", "area"], name="analysis_areavalue_unique"),
        ]
        indexes = [models.Index(fields=["area", "indicator"], name="analysis_areavalue_area")]

    def __str__(self) -> str:
        return f"{self.indicator_id}/{self.area_id}: {self.value}"
