from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from wandelwerk.actors.models import (
    Direction,
    Kind,
    Precision,
    ResourceCategory,
    Sector,
    Topic,
    TopicGroup,
    Visibility,
)
from wandelwerk.actors.services import CONSENT_TEXT
from wandelwerk.geo.models import Area


class ActorForm(forms.Form):
    """Register or edit an organisation (or a person). The location is resolved offline from
    postcode and place; a person is only ever shown at municipality level."""

    name = forms.CharField(label=gettext_lazy("Name"), max_length=200)
    kind = forms.ChoiceField(label=gettext_lazy("Art"), choices=Kind.choices)
    sector = forms.ChoiceField(label=gettext_lazy("Sektor"), choices=Sector.choices)
    description = forms.CharField(
        label=gettext_lazy("Beschreibung"),
        required=False,
        widget=forms.Textarea,
        max_length=10_000,
        help_text=gettext_lazy("Markdown erlaubt: **fett**, *kursiv*, Listen, Links."),
    )
    topics = forms.ModelMultipleChoiceField(
        label=gettext_lazy("Handlungsfelder"),
        queryset=Topic.objects.filter(group=TopicGroup.FIELD),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    sdgs = forms.ModelMultipleChoiceField(
        label=gettext_lazy("Nachhaltigkeitsziele (SDGs)"),
        queryset=Topic.objects.filter(group=TopicGroup.SDG),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    street = forms.CharField(
        label=gettext_lazy("Straße und Hausnummer"),
        max_length=200,
        required=False,
        help_text=gettext_lazy("Nur für Organisationen; bei Personen wird nur die Gemeinde gezeigt."),
    )
    postcode = forms.RegexField(
        label=gettext_lazy("PLZ"),
        regex=r"^\d{5}$",
        required=False,
        error_messages={"invalid": gettext_lazy("Eine Postleitzahl hat genau fünf Ziffern.")},
    )
    place = forms.CharField(label=gettext_lazy("Ort / Gemeinde"), max_length=200, required=False)
    website = forms.URLField(
        label=gettext_lazy("Website"), required=False, max_length=300, assume_scheme="https"
    )
    email = forms.EmailField(label=gettext_lazy("E-Mail"), required=False)
    phone = forms.CharField(label=gettext_lazy("Telefon"), max_length=60, required=False)
    contact_name = forms.CharField(label=gettext_lazy("Ansprechperson"), max_length=200, required=False)
    visibility = forms.ChoiceField(
        label=gettext_lazy("Sichtbarkeit"), choices=Visibility.choices, initial=Visibility.PUBLIC
    )
    person_consent = forms.BooleanField(label=CONSENT_TEXT, required=False)

    lat = forms.FloatField(
        label=gettext_lazy("Breitengrad (optional)"), required=False, min_value=47.0, max_value=55.2
    )
    lon = forms.FloatField(
        label=gettext_lazy("Längengrad (optional)"), required=False, min_value=5.8, max_value=15.1
    )

    def clean(self) -> dict[str, Any]:
        from wandelwerk.geo.models import PostalCodeArea
        from wandelwerk.geo.selectors import geocode_place, geocode_postcode, municipality_at

        data = super().clean()
        postcode, place = data.get("postcode") or "", (data.get("place") or "").strip()
        lat, lon = data.get("lat"), data.get("lon")
        if (lat is None) != (lon is None):
            raise forms.ValidationError(_("Für eine genaue Position bitte Breiten- und Längengrad angeben."))
        if lat is not None and lon is not None:
            area = municipality_at(lon=lon, lat=lat)
            if area is None:
                self.add_error("lat", _("Diese Position liegt in keiner deutschen Gemeinde."))
                return data
            data["location"] = (area, lat, lon, Precision.ADDRESS)
            return data
        if not postcode and not place:
            raise forms.ValidationError(
                _("Bitte PLZ oder Ort angeben, damit der Eintrag auf der Karte erscheint.")
            )
        if postcode:
            hit = geocode_postcode(plz=postcode)
            if hit is None:
                self.add_error("postcode", _("Diese Postleitzahl ist uns nicht bekannt."))
                return data
            if place:
                plz_areas = set(PostalCodeArea.objects.filter(plz=postcode).values_list("area_id", flat=True))
                named = [h for h in geocode_place(name=place, limit=20) if h.area.pk in plz_areas]
                if named and named[0].area.pk != hit.area.pk:
                    hit = named[0]
        else:
            hits = geocode_place(name=place, limit=5)
            if not hits:
                self.add_error("place", _("Diesen Ort finden wir nicht. Bitte die PLZ angeben."))
                return data
            hit = hits[0]
        data["location"] = (hit.area, hit.lat, hit.lon, hit.precision)
        return data

    def location(self) -> tuple[Area, float, float, str]:
        """(municipality, lat, lon, precision) once the form is valid."""
        return self.cleaned_data["location"]  # type: ignore[no-any-return]


class ResourceForm(forms.Form):
    direction = forms.ChoiceField(label=gettext_lazy("Angebot oder Bedarf"), choices=Direction.choices)
    category = forms.ChoiceField(label=gettext_lazy("Kategorie"), choices=ResourceCategory.choices)
    title = forms.CharField(label=gettext_lazy("Titel"), max_length=200)
    description = forms.CharField(
        label=gettext_lazy("Beschreibung"), required=False, widget=forms.Textarea, max_length=2000
    )


class ReviewForm(forms.Form):
    decision = forms.ChoiceField(
        choices=[("approve", gettext_lazy("freigeben")), ("reject", gettext_lazy("ablehnen"))]
    )
    note = forms.CharField(label=gettext_lazy("Notiz"), required=False, max_length=2000)
