from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy

from wandelwerk.actors.models import Kind, Topic, TopicGroup
from wandelwerk.conferencemap.models import HelpRole
from wandelwerk.geo.models import Area


def _geocode(value: str) -> Area | None:
    from wandelwerk.geo.selectors import geocode

    value = (value or "").strip()
    if not value:
        return None
    hits = geocode(query=value, limit=1)
    if not hits:
        raise forms.ValidationError(gettext_lazy("Diesen Ort finden wir nicht."))
    return hits[0].area


class MapForm(forms.Form):
    title = forms.CharField(label=gettext_lazy("Titel"), max_length=200)
    network: forms.ModelChoiceField = forms.ModelChoiceField(
        label=gettext_lazy("Netzwerk"),
        queryset=None,  # type: ignore[arg-type]
    )
    area_ags = forms.CharField(
        label=gettext_lazy("Gebiet (Gemeinde- oder Kreisschlüssel, AGS)"),
        max_length=8,
        help_text=gettext_lazy("z. B. 14522 für den Landkreis Mittelsachsen"),
    )
    event: forms.ModelChoiceField = forms.ModelChoiceField(
        label=gettext_lazy("Konferenz (optional)"),
        queryset=None,
        required=False,  # type: ignore[arg-type]
    )
    description = forms.CharField(
        label=gettext_lazy("Beschreibung (Markdown)"), widget=forms.Textarea, required=False, max_length=5000
    )
    is_open = forms.BooleanField(label=gettext_lazy("offen für Beiträge"), required=False, initial=True)

    def __init__(self, *args: Any, networks: Any, events: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["network"].queryset = networks  # type: ignore[attr-defined]
        self.fields["event"].queryset = events  # type: ignore[attr-defined]

    def clean_area_ags(self) -> Area:
        from wandelwerk.geo.selectors import area_get

        area = area_get(ags=self.cleaned_data["area_ags"])
        if area is None:
            raise forms.ValidationError(gettext_lazy("Ein Gebiet mit diesem Schlüssel gibt es nicht."))
        return area


class LinkForm(forms.Form):
    actor = forms.IntegerField(widget=forms.HiddenInput)


class ProposeForm(forms.Form):
    name = forms.CharField(label=gettext_lazy("Name"), max_length=200)
    kind = forms.ChoiceField(label=gettext_lazy("Art"), choices=Kind.choices)
    place = forms.CharField(label=gettext_lazy("Ort (Gemeinde oder PLZ)"), max_length=200)
    topic = forms.ModelChoiceField(
        label=gettext_lazy("Handlungsfeld (optional)"),
        queryset=Topic.objects.filter(group=TopicGroup.FIELD),
        required=False,
    )

    def clean_place(self) -> Area | None:
        return _geocode(self.cleaned_data["place"])


HELP_CHOICES = [("", gettext_lazy("– nein, nur wünschen –")), *HelpRole.choices]


class WishForm(forms.Form):
    title = forms.CharField(label=gettext_lazy("Was fehlt?"), max_length=200)
    topic = forms.ModelChoiceField(
        label=gettext_lazy("Handlungsfeld"), queryset=Topic.objects.filter(group=TopicGroup.FIELD)
    )
    area: forms.ModelChoiceField = forms.ModelChoiceField(
        label=gettext_lazy("Gebiet"),
        queryset=None,  # type: ignore[arg-type]
        required=False,
        empty_label=gettext_lazy("das ganze Gebiet der Landkarte"),
    )
    place = forms.CharField(
        label=gettext_lazy("oder Ort (Gemeinde oder PLZ)"),
        max_length=200,
        required=False,
        help_text=gettext_lazy("Ein Ort geht vor das gewählte Gebiet."),
    )
    description = forms.CharField(
        label=gettext_lazy("Beschreibung (Markdown)"), widget=forms.Textarea, required=False, max_length=5000
    )
    help_role = forms.ChoiceField(
        label=gettext_lazy("Ich könnte helfen mit"), choices=HELP_CHOICES, required=False
    )

    def __init__(self, *args: Any, areas: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["area"].queryset = areas  # type: ignore[attr-defined]

    def clean_place(self) -> Area | None:
        return _geocode(self.cleaned_data["place"])

    def chosen_area(self) -> Area | None:
        return self.cleaned_data.get("place") or self.cleaned_data.get("area")


class SupportForm(forms.Form):
    help_role = forms.ChoiceField(
        label=gettext_lazy("Ich könnte helfen mit"), choices=HELP_CHOICES, required=False
    )


class CommentForm(forms.Form):
    text = forms.CharField(
        label=gettext_lazy("Kommentar (Markdown)"), widget=forms.Textarea(attrs={"rows": 4}), max_length=5000
    )


class ProjectConvertForm(forms.Form):
    is_public = forms.BooleanField(label=gettext_lazy("Projektidee gleich veröffentlichen"), required=False)


class ConsultingConvertForm(forms.Form):
    place = forms.CharField(
        label=gettext_lazy("Gemeinde oder PLZ (falls der Wunsch nur einen Kreis nennt)"),
        max_length=200,
        required=False,
    )

    def clean_place(self) -> Area | None:
        return _geocode(self.cleaned_data["place"])
