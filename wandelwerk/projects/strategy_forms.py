from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext, gettext_lazy

from wandelwerk.actors.models import Actor, Topic, TopicGroup


class NumberField(forms.FloatField):
    """A float that also accepts the German decimal comma (``1,5``)."""

    widget = forms.NumberInput(attrs={"step": "any"})

    def to_python(self, value: Any) -> float | None:
        if isinstance(value, str):
            value = value.strip().replace(" ", "").replace(",", ".")
        return super().to_python(value)


def _year(label: str) -> forms.IntegerField:
    return forms.IntegerField(label=label, min_value=1990, max_value=2100)


class StrategyEditForm(forms.Form):
    title = forms.CharField(label=gettext_lazy("Titel"), max_length=200)
    period_start = _year(gettext_lazy("Laufzeit von (Jahr)"))
    period_end = _year(gettext_lazy("Laufzeit bis (Jahr)"))
    description = forms.CharField(
        label=gettext_lazy("Beschreibung"),
        widget=forms.Textarea,
        required=False,
        help_text=gettext_lazy("Markdown: **fett**, *kursiv*, Listen mit „-“, Links als [Text](https://…)."),
    )
    is_published = forms.BooleanField(label=gettext_lazy("Veröffentlichen"), required=False)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        start, end = data.get("period_start"), data.get("period_end")
        if start is not None and end is not None and end < start:
            self.add_error(
                "period_end",
                gettext("Das Ende der Laufzeit liegt vor ihrem Anfang (%(start)s).") % {"start": start},
            )
        return data


class StrategyForm(StrategyEditForm):
    publisher: forms.ModelChoiceField = forms.ModelChoiceField(
        label=gettext_lazy("Herausgebende Verwaltung"), queryset=Actor.objects.none()
    )
    field_order = ["publisher", "title", "period_start", "period_end", "description", "is_published"]

    def __init__(self, *args: object, publishers: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.fields["publisher"].queryset = publishers  # type: ignore[attr-defined]


class TargetForm(forms.Form):
    label = forms.CharField(
        label=gettext_lazy("Ziel"),
        max_length=200,
        help_text=gettext_lazy("z. B. Treibhausgasemissionen gegenüber 1990"),
    )
    year = _year(gettext_lazy("Jahr"))
    value = NumberField(label=gettext_lazy("Wert"))
    unit = forms.CharField(label=gettext_lazy("Einheit"), max_length=40, help_text=gettext_lazy("z. B. %"))


class MeasureForm(forms.Form):
    code = forms.CharField(
        label=gettext_lazy("Kennung"), max_length=20, help_text=gettext_lazy("z. B. M 3.2")
    )
    title = forms.CharField(label=gettext_lazy("Titel"), max_length=200)
    topic = forms.ModelChoiceField(
        label=gettext_lazy("Handlungsfeld"),
        queryset=Topic.objects.filter(group=TopicGroup.FIELD),
        required=False,
    )
    indicator = forms.CharField(label=gettext_lazy("Indikator"), max_length=200, required=False)
    unit = forms.CharField(label=gettext_lazy("Einheit"), max_length=40, required=False)
    target_value = NumberField(label=gettext_lazy("Zielwert"), required=False)
    current_value = NumberField(label=gettext_lazy("aktueller Wert"), required=False)


class MeasureEditForm(MeasureForm):
    """Every field of a measure; the responsible actor is chosen among ``responsibles``."""

    description = forms.CharField(label=gettext_lazy("Beschreibung"), widget=forms.Textarea, required=False)
    responsible: forms.ModelChoiceField = forms.ModelChoiceField(
        label=gettext_lazy("Verantwortlich"),
        queryset=Actor.objects.none(),
        required=False,
        empty_label=gettext_lazy("– niemand Bestimmtes –"),
        help_text=gettext_lazy("Organisationen im Kreis der Strategie"),
    )
    field_order = [
        "code",
        "title",
        "description",
        "topic",
        "indicator",
        "unit",
        "target_value",
        "current_value",
        "responsible",
    ]

    def __init__(self, *args: Any, responsibles: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["responsible"].queryset = responsibles  # type: ignore[attr-defined]
