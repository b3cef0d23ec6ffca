from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.auth import get_user_model
from django.db.models import Q
from django.utils.translation import gettext_lazy

from wandelwerk.actors.models import Actor, Topic, TopicGroup
from wandelwerk.consulting.models import CaseStatus, CompetenceCentre, Urgency
from wandelwerk.geo.models import Area, AreaKind


def _field_topics() -> Any:
    return Topic.objects.filter(group=TopicGroup.FIELD)


class RequestForm(forms.Form):
    topic = forms.ModelChoiceField(label=gettext_lazy("Handlungsfeld"), queryset=_field_topics())
    place = forms.CharField(
        label=gettext_lazy("Ort (Gemeinde oder PLZ)"),
        max_length=200,
        help_text=gettext_lazy("Danach richtet sich, welche Kompetenzstelle zuständig ist."),
    )
    title = forms.CharField(label=gettext_lazy("Titel"), max_length=200)
    description = forms.CharField(
        label=gettext_lazy("Worum geht es?"),
        widget=forms.Textarea,
        max_length=10_000,
        help_text=gettext_lazy("Nur die Kompetenzstelle und die Netzwerkkoordination sehen diesen Text."),
    )
    urgency = forms.ChoiceField(
        label=gettext_lazy("Dringlichkeit"), choices=Urgency.choices, initial=Urgency.NORMAL
    )
    on_behalf_of: forms.ModelChoiceField = forms.ModelChoiceField(
        label=gettext_lazy("Für eine eigene Organisation (optional)"),
        queryset=Actor.objects.none(),
        required=False,
    )

    def __init__(self, *args: Any, actors: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["on_behalf_of"].queryset = actors  # type: ignore[attr-defined]

    def clean_place(self) -> Area:
        from wandelwerk.geo.selectors import geocode

        hits = geocode(query=self.cleaned_data["place"], limit=1)
        if not hits:
            raise forms.ValidationError(gettext_lazy("Diesen Ort finden wir nicht."))
        return hits[0].area


class NoteForm(forms.Form):
    text = forms.CharField(
        label=gettext_lazy("Notiz"), widget=forms.Textarea(attrs={"rows": 3}), max_length=5000
    )


class StatusForm(forms.Form):
    to_status = forms.ChoiceField(
        label=gettext_lazy("Neuer Status"),
        choices=[
            (CaseStatus.IN_PROGRESS, CaseStatus.IN_PROGRESS.label),
            (CaseStatus.CLOSED, CaseStatus.CLOSED.label),
        ],
    )
    outcome = forms.CharField(
        label=gettext_lazy("Ergebnis (nötig zum Abschließen)"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        max_length=2000,
    )


class RerouteForm(forms.Form):
    centre: forms.ModelChoiceField = forms.ModelChoiceField(
        label=gettext_lazy("An Kompetenzstelle"), queryset=CompetenceCentre.objects.none()
    )
    note = forms.CharField(label=gettext_lazy("Notiz zur Weiterleitung"), max_length=2000)

    def __init__(self, *args: Any, centres: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["centre"].queryset = centres  # type: ignore[attr-defined]


class FeedbackForm(forms.Form):
    rating = forms.TypedChoiceField(
        label=gettext_lazy("Bewertung"),
        coerce=int,
        choices=[(i, "★" * i) for i in range(5, 0, -1)],
        widget=forms.RadioSelect,
    )
    text = forms.CharField(
        label=gettext_lazy("Rückmeldung"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        max_length=5000,
    )


class CentreForm(forms.Form):
    actor = forms.CharField(
        label=gettext_lazy("Träger (Name oder Kürzel der Organisation)"),
        max_length=220,
        help_text=gettext_lazy("Eine veröffentlichte Organisation; ihre verwaltende Person berät mit."),
    )
    name = forms.CharField(label=gettext_lazy("Name"), max_length=200)
    description = forms.CharField(
        label=gettext_lazy("Beschreibung"),
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
        max_length=10_000,
    )
    topics = forms.ModelMultipleChoiceField(
        label=gettext_lazy("Handlungsfelder"), queryset=_field_topics(), widget=forms.CheckboxSelectMultiple
    )
    areas = forms.ModelMultipleChoiceField(
        label=gettext_lazy("Gebiete"),
        queryset=Area.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        help_text=gettext_lazy("Eine Stelle für ein Bundesland berät in allen seinen Kreisen und Gemeinden."),
    )
    capacity = forms.IntegerField(
        label=gettext_lazy("Kapazität (offene Fälle)"), min_value=1, max_value=10_000, initial=10
    )
    advisers = forms.CharField(
        label=gettext_lazy("Beratende (E-Mail-Adressen, optional)"),
        required=False,
        max_length=2000,
        help_text=gettext_lazy(
            "Konten, die die Fälle der Stelle sehen; eine Adresse je Zeile oder durch Komma getrennt."
        ),
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    is_active = forms.BooleanField(label=gettext_lazy("nimmt Anfragen an"), required=False, initial=True)

    def __init__(self, *args: Any, actors: Any, areas: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["areas"].queryset = areas  # type: ignore[attr-defined]
        self.actors = actors
        if actors is None:
            del self.fields["actor"]

    def clean_actor(self) -> Actor:
        value = self.cleaned_data["actor"].strip()
        by_slug = self.actors.filter(slug=value).first()
        if by_slug is not None:
            return by_slug
        found = list(self.actors.filter(name__iexact=value).order_by("id")[:2])
        if not found:
            raise forms.ValidationError(gettext_lazy("Keine veröffentlichte Organisation mit diesem Namen."))
        if len(found) > 1:
            raise forms.ValidationError(
                gettext_lazy("Mehrere Organisationen heißen so; bitte das Kürzel aus der Adresse angeben.")
            )
        return found[0]

    def clean_advisers(self) -> list[Any]:
        raw = self.cleaned_data["advisers"].replace(",", "\n").split()
        emails = sorted({e.strip().lower() for e in raw if e.strip()})
        users = list(get_user_model().objects.filter(email__in=emails))
        missing = sorted(set(emails) - {u.email.lower() for u in users})
        if missing:
            raise forms.ValidationError(
                gettext_lazy("Kein Konto mit dieser Adresse: %(emails)s") % {"emails": ", ".join(missing)}
            )
        return users


def centre_area_choices(user: Any) -> Any:
    """States and counties a user may give a centre: all for staff, else those the user coordinates
    (and the counties of a coordinated state)."""
    qs = Area.objects.filter(kind__in=[AreaKind.STATE, AreaKind.COUNTY]).only("id", "ags", "name", "kind")
    if user.is_staff:
        return qs.order_by("ags")
    from wandelwerk.consulting.selectors import coordinated_area_ids

    ids = list(coordinated_area_ids(user))
    return qs.filter(Q(pk__in=ids) | Q(parent_id__in=ids)).order_by("ags") if ids else qs.none()


class CoachingForm(forms.Form):
    actor: forms.ModelChoiceField = forms.ModelChoiceField(
        label=gettext_lazy("Organisation"), queryset=Actor.objects.none()
    )
    topics = forms.ModelMultipleChoiceField(
        label=gettext_lazy("Themen für den Austausch"),
        queryset=_field_topics(),
        widget=forms.CheckboxSelectMultiple,
    )
    message = forms.CharField(
        label=gettext_lazy("Worum geht es? (optional)"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        max_length=2000,
    )

    def __init__(self, *args: Any, actors: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["actor"].queryset = actors  # type: ignore[attr-defined]


class PairForm(forms.Form):
    first = forms.IntegerField(min_value=1, widget=forms.HiddenInput)
    second = forms.IntegerField(min_value=1, widget=forms.HiddenInput)
