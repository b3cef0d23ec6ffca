from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy

from wandelwerk.actors.models import Actor, Topic, TopicGroup


class StrategyForm(forms.Form):
    publisher: forms.ModelChoiceField = forms.ModelChoiceField(
        label=gettext_lazy("Herausgebende Verwaltung"), queryset=Actor.objects.none()
    )
    title = forms.CharField(label=gettext_lazy("Titel"), max_length=200)
    period_start = forms.IntegerField(
        label=gettext_lazy("Laufzeit von (Jahr)"), min_value=1990, max_value=2100
    )
    period_end = forms.IntegerField(label=gettext_lazy("Laufzeit bis (Jahr)"), min_value=1990, max_value=2100)
    description = forms.CharField(label=gettext_lazy("Beschreibung"), widget=forms.Textarea, required=False)
    is_published = forms.BooleanField(label=gettext_lazy("Veröffentlichen"), required=False)

    def __init__(self, *args: object, publishers: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.fields["publisher"].queryset = publishers  # type: ignore[attr-defined]


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
    target_value = forms.FloatField(label=gettext_lazy("Zielwert"), required=False)
    current_value = forms.FloatField(label=gettext_lazy("aktueller Wert"), required=False)
