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
    budget_eur = forms.DecimalField(
        label=gettext_lazy("Budget (€)"), required=False, min_value=0, max_digits=12, decimal_places=2
    )
    funding = forms.CharField(
        label=gettext_lazy("Finanzierung"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        max_length=2000,
        help_text=gettext_lazy("Fördermittel, Eigenmittel, Sponsoren – was gesichert ist und was fehlt."),
    )
    sdgs = forms.ModelMultipleChoiceField(
        label=gettext_lazy("Nachhaltigkeitsziele (SDGs)"),
        queryset=Topic.objects.filter(group=TopicGroup.SDG),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    is_public = forms.BooleanField(
        label=gettext_lazy("Öffentlich zeigen (sonst Entwurf für das Team)"), required=False
    )
    initiator: forms.ModelChoiceField = forms.ModelChoiceField(
        label=gettext_lazy("Initiiert von (optional)"),
        queryset=Actor.objects.none(),
        required=False,
        help_text=gettext_lazy("Eine eigene Organisation übernimmt dann die Projektleitung."),
    )

    def __init__(self, *args: object, actors: object = None, area: object = None, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.area = area  # the project's current place; kept when its name is left unchanged
        if actors is None:
            del self.fields["initiator"]
        else:
            self.fields["initiator"].queryset = actors  # type: ignore[attr-defined]

    def clean_place(self) -> object:
        from wandelwerk.geo.selectors import geocode

        if self.area is not None and self.cleaned_data["place"].strip() == self.area.name:  # type: ignore[attr-defined]
            return self.area
        hits = geocode(query=self.cleaned_data["place"], limit=1)
        if not hits:
            raise forms.ValidationError(gettext_lazy("Diesen Ort finden wir nicht."))
        return hits[0].area


class StageForm(forms.Form):
    to_stage = forms.ChoiceField(label=gettext_lazy("Neue Phase"), choices=Stage.choices)
    reason = forms.CharField(
        label=gettext_lazy("Grund (bei Pause oder Einstellung nötig)"), required=False, max_length=2000
    )


class _ActorChoiceForm(forms.Form):
    """A form whose ``actor`` choices depend on the viewer (own entries, partners …)."""

    actor: forms.ModelChoiceField = forms.ModelChoiceField(
        label=gettext_lazy("Organisation"), queryset=Actor.objects.none()
    )
    actor_label: object = None

    def __init__(self, *args: object, actors: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.fields["actor"].queryset = actors  # type: ignore[attr-defined]
        if self.actor_label:
            self.fields["actor"].label = self.actor_label


class JoinForm(_ActorChoiceForm):
    actor_label = gettext_lazy("Als")
    role = forms.ChoiceField(label=gettext_lazy("Rolle"), choices=PartnerRole.choices)


class InviteForm(_ActorChoiceForm):
    role = forms.ChoiceField(label=gettext_lazy("Rolle"), choices=PartnerRole.choices)


class NeedFillForm(_ActorChoiceForm):
    actor_label = gettext_lazy("Gedeckt durch")


class NeedForm(forms.Form):
    category = forms.ChoiceField(label=gettext_lazy("Kategorie"), choices=ResourceCategory.choices)
    title = forms.CharField(label=gettext_lazy("Was fehlt?"), max_length=200)


class MilestoneForm(forms.Form):
    title = forms.CharField(label=gettext_lazy("Meilenstein"), max_length=200)
    due = forms.DateField(label=gettext_lazy("fällig am"), widget=forms.DateInput(attrs={"type": "date"}))
