from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy

from wandelwerk.actors.models import Topic, TopicGroup
from wandelwerk.events.models import Event, Kind, Visibility
from wandelwerk.groups.models import WorkingGroup

_DT_WIDGET = {"attrs": {"type": "datetime-local"}, "format": "%Y-%m-%dT%H:%M"}


def _dt(label: Any, required: bool = True) -> forms.DateTimeField:
    return forms.DateTimeField(label=label, required=required, widget=forms.DateTimeInput(**_DT_WIDGET))


class EventForm(forms.Form):
    organiser = forms.ChoiceField(label=gettext_lazy("Veranstaltet von"))
    kind = forms.ChoiceField(label=gettext_lazy("Art"), choices=Kind.choices)
    group = forms.ModelChoiceField(
        label=gettext_lazy("Treffen der Arbeitsgruppe (optional)"),
        queryset=WorkingGroup.objects.none(),
        required=False,
        help_text=gettext_lazy("Nur Arbeitsgruppen des veranstaltenden Netzwerks."),
    )
    title = forms.CharField(label=gettext_lazy("Titel"), max_length=200)
    start = _dt(gettext_lazy("Beginn"))
    end = _dt(gettext_lazy("Ende"))
    venue_name = forms.CharField(label=gettext_lazy("Veranstaltungsort"), max_length=200, required=False)
    address = forms.CharField(label=gettext_lazy("Adresse"), max_length=300, required=False)
    place = forms.CharField(
        label=gettext_lazy("Gemeinde (Name, PLZ oder Gemeindeschlüssel)"),
        max_length=200,
        required=False,
        help_text=gettext_lazy("Leer lassen bei reinen Online-Veranstaltungen."),
    )
    lat = forms.FloatField(
        label=gettext_lazy("Breite (optional)"), required=False, min_value=-90, max_value=90
    )
    lon = forms.FloatField(
        label=gettext_lazy("Länge (optional)"), required=False, min_value=-180, max_value=180
    )
    online_url = forms.URLField(label=gettext_lazy("Online-Zugang (Link)"), required=False, max_length=500)
    topics = forms.ModelMultipleChoiceField(
        label=gettext_lazy("Handlungsfelder"),
        queryset=Topic.objects.filter(group=TopicGroup.FIELD),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    description = forms.CharField(
        label=gettext_lazy("Beschreibung"),
        widget=forms.Textarea,
        required=False,
        max_length=20_000,
        help_text=gettext_lazy("Markdown erlaubt."),
    )
    accessibility = forms.CharField(
        label=gettext_lazy("Barrierefreiheit"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        max_length=2_000,
        help_text=gettext_lazy("z. B. stufenloser Zugang, Gebärdensprache, Kinderbetreuung"),
    )
    visibility = forms.ChoiceField(label=gettext_lazy("Sichtbarkeit"), choices=Visibility.choices)
    is_published = forms.BooleanField(label=gettext_lazy("Veröffentlicht"), required=False)
    registration_opens_at = _dt(gettext_lazy("Anmeldung ab (optional)"), required=False)
    registration_closes_at = _dt(
        gettext_lazy("Anmeldung bis (optional, sonst bis zum Beginn)"), required=False
    )
    capacity = forms.IntegerField(
        label=gettext_lazy("Plätze"),
        required=False,
        min_value=1,
        max_value=100_000,
        help_text=gettext_lazy("Leer lassen für unbegrenzt."),
    )
    needs_approval = forms.BooleanField(label=gettext_lazy("Anmeldungen selbst bestätigen"), required=False)
    questions = forms.CharField(
        label=gettext_lazy("Fragen bei der Anmeldung"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        max_length=2_000,
        help_text=gettext_lazy(
            "Eine Frage je Zeile, z. B. Ernährung oder Unterstützungsbedarf (höchstens 10)."
        ),
    )

    def __init__(
        self,
        *args: Any,
        organisers: list[tuple[str, str]] | None = None,
        groups: Any = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        if groups is None or not groups.exists():
            del self.fields["group"]
        else:
            self.fields["group"].queryset = groups  # type: ignore[attr-defined]
        if organisers is None:
            del self.fields["organiser"]
        else:
            self.fields["organiser"].choices = organisers  # type: ignore[attr-defined]

    def clean_place(self) -> object:
        from wandelwerk.geo.selectors import geocode, municipality_by_ags

        raw = self.cleaned_data["place"].strip()
        if not raw:
            return None
        if raw.isdigit() and len(raw) == 8:
            area = municipality_by_ags(ags=raw)
            if area is not None:
                return area
        hits = geocode(query=raw, limit=1)
        if not hits:
            raise forms.ValidationError(gettext_lazy("Diesen Ort finden wir nicht."))
        return hits[0].area

    def clean_questions(self) -> list[str]:
        lines = [line.strip() for line in self.cleaned_data["questions"].splitlines() if line.strip()]
        if len(lines) > 10:
            raise forms.ValidationError(gettext_lazy("Höchstens 10 Fragen."))
        return lines

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        start, end = data.get("start"), data.get("end")
        if start and end and end < start:
            self.add_error("end", gettext_lazy("Das Ende liegt vor dem Beginn."))
        opens, closes = data.get("registration_opens_at"), data.get("registration_closes_at")
        if opens and closes and closes < opens:
            self.add_error(
                "registration_closes_at", gettext_lazy("Das Anmeldeende liegt vor dem Anmeldebeginn.")
            )
        if "place" in data and not data.get("place") and not data.get("online_url") and "online_url" in data:
            self.add_error("place", gettext_lazy("Bitte einen Ort oder einen Online-Zugang angeben."))
        if (data.get("lat") is None) != (data.get("lon") is None):
            self.add_error("lat", gettext_lazy("Breite und Länge nur zusammen angeben."))
        return data

    @staticmethod
    def initial_for(event: Event) -> dict[str, Any]:
        return {
            "kind": event.kind,
            "group": event.group_id,
            "title": event.title,
            "start": event.start,
            "end": event.end,
            "venue_name": event.venue_name,
            "address": event.address,
            "place": event.area.ags if event.area else "",
            "lat": event.lat if event.area is None or event.lat != event.area.lat else None,
            "lon": event.lon if event.area is None or event.lon != event.area.lon else None,
            "online_url": event.online_url,
            "topics": list(event.topics.all()),
            "description": event.description,
            "accessibility": event.accessibility,
            "visibility": event.visibility,
            "is_published": event.is_published,
            "registration_opens_at": event.registration_opens_at,
            "registration_closes_at": event.registration_closes_at,
            "capacity": event.capacity,
            "needs_approval": event.needs_approval,
            "questions": "\n".join(event.questions),
        }


class RegistrationForm(forms.Form):
    """One optional text field per question of the organisers."""

    def __init__(self, *args: Any, questions: list[str], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.questions = questions
        for i, question in enumerate(questions):
            self.fields[f"answer_{i}"] = forms.CharField(label=question, required=False, max_length=1000)

    def answers(self) -> dict[str, str]:
        return {q: self.cleaned_data.get(f"answer_{i}", "") for i, q in enumerate(self.questions)}


class SessionForm(forms.Form):
    title = forms.CharField(label=gettext_lazy("Titel"), max_length=200)
    start = _dt(gettext_lazy("Beginn"))
    end = _dt(gettext_lazy("Ende"))
    room = forms.CharField(label=gettext_lazy("Raum"), max_length=120, required=False)
    speakers = forms.CharField(label=gettext_lazy("Mitwirkende"), max_length=300, required=False)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("start") and data.get("end") and data["end"] < data["start"]:
            self.add_error("end", gettext_lazy("Das Ende liegt vor dem Beginn."))
        return data


class MessageForm(forms.Form):
    subject = forms.CharField(label=gettext_lazy("Betreff"), max_length=200)
    body = forms.CharField(label=gettext_lazy("Nachricht"), widget=forms.Textarea, max_length=10_000)
