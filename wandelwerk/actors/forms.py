from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _l

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

    name = forms.CharField(label=_l("Name"), max_length=200)
    kind = forms.ChoiceField(label=_l("Art"), choices=Kind.choices)
    sector = forms.ChoiceField(label=_l("Sektor"), choices=Sector.choices)
    description = forms.CharField(
        label=_l("Beschreibung"),
        required=False,
        widget=forms.Textarea,
        max_length=10_000,
        help_text=_l("Markdown erlaubt: **fett**, *kursiv*, Listen, Links."),
    )
    topics = forms.ModelMultipleChoiceField(
        label=_l("Handlungsfelder"),
        queryset=Topic.objects.filter(group=TopicGroup.FIELD),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    sdgs = forms.ModelMultipleChoiceField(
        label=_l("Nachhaltigkeitsziele (SDGs)"),
        queryset=Topic.objects.filter(group=TopicGroup.SDG),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    street = forms.CharField(
        label=_l("Straße und Hausnummer"),
        max_length=200,
        required=False,
        help_text=_l("Nur für Organisationen; bei Personen wird nur die Gemeinde gezeigt."),
    )
    postcode = forms.RegexField(
        label=_l("PLZ"),
        regex=r"^\d{5}$",
        required=False,
        error_messages={"invalid": _l("Eine Postleitzahl hat genau fünf Ziffern.")},
    )
    place = forms.CharField(label=_l("Ort / Gemeinde"), max_length=200, required=False)
    website = forms.URLField(label=_l("Website"), required=False, max_length=300, assume_scheme="https")
    email = forms.EmailField(label=_l("E-Mail"), required=False)
    phone = forms.CharField(label=_l("Telefon"), max_length=60, required=False)
    contact_name = forms.CharField(label=_l("Ansprechperson"), max_length=200, required=False)
    visibility = forms.ChoiceField(
        label=_l("Sichtbarkeit"), choices=Visibility.choices, initial=Visibility.PUBLIC
    )
    person_consent = forms.BooleanField(label=CONSENT_TEXT, required=False)

    lat = forms.FloatField(label=_l("Breitengrad (optional)"), required=False, min_value=47.0, max_value=55.2)
    lon = forms.FloatField(label=_l("Längengrad (optional)"), required=False, min_value=5.8, max_value=15.1)

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
    direction = forms.ChoiceField(label=_l("Angebot oder Bedarf"), choices=Direction.choices)
    category = forms.ChoiceField(label=_l("Kategorie"), choices=ResourceCategory.choices)
    title = forms.CharField(label=_l("Titel"), max_length=200)
    description = forms.CharField(
        label=_l("Beschreibung"), required=False, widget=forms.Textarea, max_length=2000
    )


class ReviewForm(forms.Form):
    decision = forms.ChoiceField(choices=[("approve", _l("freigeben")), ("reject", _l("ablehnen"))])
    note = forms.CharField(label=_l("Notiz"), required=False, max_length=2000)
