from __future__ import annotations

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


class AreaKind(models.TextChoices):
    STATE = "state", _("Bundesland")
    COUNTY = "county", _("Landkreis / kreisfreie Stadt")
    MUNICIPALITY = "municipality", _("Gemeinde")


class RegioStar7(models.IntegerChoices):
    METROPOLIS = 71, _("Metropole")
    REGIOPOLIS = 72, _("Regiopole und Großstadt")
    MEDIUM_URBAN = 73, _("Mittelstadt, städtischer Raum")
    SMALL_URBAN = 74, _("Kleinstädtischer, dörflicher Raum (Stadtregion)")
    CENTRAL_RURAL = 75, _("Zentrale Stadt (ländliche Region)")
    MEDIUM_RURAL = 76, _("Mittelstadt, ländlicher Raum")
    SMALL_RURAL = 77, _("Kleinstädtischer, dörflicher Raum (ländliche Region)")


class Degurba(models.IntegerChoices):
    CITY = 1, _("dicht besiedelt")
    TOWN = 2, _("mittlere Besiedlungsdichte")
    RURAL = 3, _("gering besiedelt")


class Area(models.Model):
    """A German state, county or municipality with its official key (AGS) and statistics."""

    ags = models.CharField(_("AGS"), max_length=8, unique=True)
    ars = models.CharField(_("ARS"), max_length=12, unique=True)
    name = models.CharField(_("Name"), max_length=200)
    kind = models.CharField(_("Art"), max_length=20, choices=AreaKind.choices)
    kind_label = models.CharField(_("Bezeichnung"), max_length=80, blank=True)
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="children"
    )
    population = models.PositiveIntegerField(_("Einwohner"), null=True, blank=True)
    population_date = models.DateField(_("Stand Einwohnerzahl"), null=True, blank=True)
    area_km2 = models.FloatField(_("Fläche (km²)"), null=True, blank=True)
    lat = models.FloatField(null=True, blank=True)
    lon = models.FloatField(null=True, blank=True)
    min_lon = models.FloatField(null=True, blank=True)
    min_lat = models.FloatField(null=True, blank=True)
    max_lon = models.FloatField(null=True, blank=True)
    max_lat = models.FloatField(null=True, blank=True)
    regiostar7 = models.PositiveSmallIntegerField(
        _("RegioStaR 7"), null=True, blank=True, choices=RegioStar7.choices
    )
    degurba = models.PositiveSmallIntegerField(
        _("Verstädterungsgrad"), null=True, blank=True, choices=Degurba.choices
    )
    boundary = models.TextField(_("Grenze (GeoJSON)"), blank=True)
    # Simplified boundary for country-wide base maps (states and counties); empty for municipalities,
    # whose VG5000 boundary is light enough.
    boundary_light = models.TextField(_("vereinfachte Grenze (GeoJSON)"), blank=True, editable=False)
    search_name = models.CharField(max_length=200, db_index=True, editable=False)

    class Meta:
        ordering = ["ags"]
        verbose_name = _("Gebiet")
        verbose_name_plural = _("Gebiete")
        indexes = [
            models.Index(fields=["kind", "min_lon", "max_lon", "min_lat", "max_lat"], name="geo_area_bbox"),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("geo:area", kwargs={"ags": self.ags})


class PostalCode(models.Model):
    """Postal code centroid. OpenStreetMap-derived (ODbL): kept apart from our own tables."""

    plz = models.CharField(max_length=5, unique=True)
    lat = models.FloatField()
    lon = models.FloatField()

    class Meta:
        ordering = ["plz"]
        verbose_name = _("Postleitzahl")
        verbose_name_plural = _("Postleitzahlen")

    def __str__(self) -> str:
        return self.plz


class PostalCodeArea(models.Model):
    """Which municipalities a postal code touches (n:m; ODbL)."""

    plz = models.CharField(max_length=5, db_index=True)
    area = models.ForeignKey(Area, on_delete=models.CASCADE, related_name="postal_codes")
    place_name = models.CharField(max_length=200)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["plz", "area", "place_name"], name="geo_plz_area_unique")
        ]

    def __str__(self) -> str:
        return f"{self.plz} {self.place_name}"
