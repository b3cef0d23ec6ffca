from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy

from wandelwerk.actors.models import Actor, ResourceCategory, Topic, TopicGroup
from wandelwerk.projects.models import Measure, PartnerRole, Stage


class ProjectForm(forms.Form):
    title = forms.CharField(label=gettext_lazy("Titel"), max_length=200)
    summary = forms.CharField(label=gettext_lazy("Kurzbeschreibung"), max_length=500)
    description = forms.CharField(
        label=gettext_lazy("Beschreibung"),
        widget=forms.Textarea,
        required=False,
        max_length=20_000,
        help_text=gettext_lazy("Markdown erlaubt."),
    )
    place = forms.CharField(label=gettext_lazy("Ort (Gemeinde oder PLZ)"), max_length=200)
    topics = forms.ModelMultipleChoiceField(
        label=gettext_lazy("Handlungsfelder"),
        queryset=Topic.objects.filter(group=TopicGroup.FIELD),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    measures = forms.ModelMultipleChoiceField(
        label=gettext_lazy("Setzt Maßnahmen um (optional)"),
        queryset=Measure.objects.filter(strategy__is_published=True).select_related("strategy"),
        required=False,
        help_text=gettext_lazy("Maßnahmen veröffentlichter Klimaschutzstrategien"),
    )
    effect_co2_t = forms.FloatField(
        label=gettext_lazy("Erwartete Einsparung (t CO₂e pro Jahr)"), required=False, min_value=0
    )
    effect_people = forms.IntegerField(label=gettext_lazy("Erreichte Menschen"), required=False, min_value=0)
    is_public = forms.BooleanField(
        label=gettext_lazy("Gleich öffentlich zeigen (sonst Entwurf für das Team)"), required=False
    )

    def clean_place(self) -> object:
        from wandelwerk.geo.selectors import geocode

        hits = geocode(query=self.cleaned_data["place"], limit=1)
        if not hits:
            raise forms.ValidationError(gettext_lazy("Diesen Ort finden wir nicht."))
        return hits[0].area


class StageForm(forms.Form):
    to_stage = forms.ChoiceField(label=gettext_lazy("Neue Phase"), choices=Stage.choices)
    reason = forms.CharField(
        label=gettext_lazy("Grund (bei Pause oder Einstellung nötig)"), required=False, max_length=2000
    )


class JoinForm(forms.Form):
    actor: forms.ModelChoiceField = forms.ModelChoiceField(
        label=gettext_lazy("Als"), queryset=Actor.objects.none()
    )
    role = forms.ChoiceField(label=gettext_lazy("Rolle"), choices=PartnerRole.choices)

    def __init__(self, *args: object, actors: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.fields["actor"].queryset = actors  # type: ignore[attr-defined]


class NeedForm(forms.Form):
    category = forms.ChoiceField(label=gettext_lazy("Kategorie"), choices=ResourceCategory.choices)
    title = forms.CharField(label=gettext_lazy("Was fehlt?"), max_length=200)


class MilestoneForm(forms.Form):
    title = forms.CharField(label=gettext_lazy("Meilenstein"), max_length=200)
    due = forms.DateField(label=gettext_lazy("fällig am"), widget=forms.DateInput(attrs={"type": "date"}))
