"""Forms: the flow form (shape only; the service validates the meaning and names problems)."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from wandelwerk.circular.models import FlowDirection, Frequency, Material, MaterialFlow, Unit
from wandelwerk.circular.services import FlowData

MONTH_CHOICES = [
    (1, _("Januar")),
    (2, _("Februar")),
    (3, _("März")),
    (4, _("April")),
    (5, _("Mai")),
    (6, _("Juni")),
    (7, _("Juli")),
    (8, _("August")),
    (9, _("September")),
    (10, _("Oktober")),
    (11, _("November")),
    (12, _("Dezember")),
]


class CommaFloatField(forms.FloatField):
    """Accepts "2,5" (German) as well as "2.5"; a number with both separators is refused as ambiguous."""

    def to_python(self, value: object) -> float | None:
        if isinstance(value, str) and "," in value and "." not in value:
            value = value.replace(",", ".", 1)
        return super().to_python(value)


class FlowForm(forms.Form):
    direction = forms.ChoiceField(
        label=_("Richtung"), choices=FlowDirection.choices, widget=forms.RadioSelect
    )
    material = forms.ChoiceField(label=_("Material"), choices=Material.choices)
    avv_code = forms.CharField(
        label=_("Abfallschlüssel (AVV, optional)"),
        required=False,
        max_length=12,
        help_text=_(
            "Sechs Ziffern, z. B. 17 01 01 für Beton. Gefährliche Abfälle (mit Sternchen) vermittelt "
            "Wandelwerk nicht."
        ),
    )
    title = forms.CharField(label=_("Titel"), max_length=200)
    description = forms.CharField(label=_("Beschreibung"), required=False, widget=forms.Textarea)
    quantity = CommaFloatField(label=_("Menge"), help_text=_("Größer als 0, je gewählter Häufigkeit."))
    unit = forms.ChoiceField(label=_("Einheit"), choices=Unit.choices)
    frequency = forms.ChoiceField(label=_("Häufigkeit"), choices=Frequency.choices, initial=Frequency.YEARLY)
    period_start = forms.DateField(
        label=_("Zeitraum ab (optional)"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    period_end = forms.DateField(
        label=_("Zeitraum bis (optional)"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    months = forms.TypedMultipleChoiceField(
        label=_("Nur in diesen Monaten (leer = ganzjährig)"),
        choices=MONTH_CHOICES,
        coerce=int,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    lat = CommaFloatField(
        label=_("Breite (optional)"),
        required=False,
        help_text=_("Leer lassen: Standort des Akteurs."),
        min_value=-90,
        max_value=90,
    )
    lon = CommaFloatField(label=_("Länge (optional)"), required=False, min_value=-180, max_value=180)

    def to_data(self) -> FlowData:
        c = self.cleaned_data
        months = frozenset(c["months"]) if c["months"] and len(c["months"]) < 12 else None
        return FlowData(
            direction=c["direction"],
            material=c["material"],
            title=c["title"],
            quantity=c["quantity"],
            unit=c["unit"],
            frequency=c["frequency"],
            avv_code=c["avv_code"] or "",
            description=c["description"] or "",
            period_start=c["period_start"],
            period_end=c["period_end"],
            months=months,
            lat=c["lat"],
            lon=c["lon"],
        )

    @classmethod
    def initial_for(cls, flow: MaterialFlow) -> dict[str, object]:
        return {
            "direction": flow.direction,
            "material": flow.material,
            "avv_code": flow.avv_display,
            "title": flow.title,
            "description": flow.description,
            "quantity": flow.quantity,
            "unit": flow.unit,
            "frequency": flow.frequency,
            "period_start": flow.period_start,
            "period_end": flow.period_end,
            "months": [] if flow.all_year else flow.month_list,
            "lat": flow.lat,
            "lon": flow.lon,
        }
