from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from wandelwerk.knowledge.models import Effort, MethodKind
from wandelwerk.knowledge.selectors import AdoptionOptions, field_topics


class _EntryForm(forms.Form):
    title = forms.CharField(label=_("Titel"), max_length=200)
    summary = forms.CharField(
        label=_("Kurzbeschreibung"), max_length=500, widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["topics"] = forms.ModelMultipleChoiceField(
            label=_("Handlungsfelder"),
            queryset=field_topics(),
            required=False,
            widget=forms.CheckboxSelectMultiple,
        )


class PracticeForm(_EntryForm):
    steps = forms.CharField(
        label=_("Schritte (Markdown)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 10}),
        help_text=_("Eine nummerierte Liste: 1. … 2. …"),
    )
    effort = forms.ChoiceField(label=_("Aufwand"), choices=Effort.choices, initial=Effort.MEDIUM)
    costs = forms.CharField(label=_("Kosten"), required=False, widget=forms.Textarea(attrs={"rows": 3}))
    cost_min_eur = forms.IntegerField(
        label=_("Kosten von (€)"), required=False, min_value=0, max_value=100_000_000
    )
    cost_max_eur = forms.IntegerField(
        label=_("Kosten bis (€)"), required=False, min_value=0, max_value=100_000_000
    )
    rural_factors = forms.CharField(
        label=_("Was es im ländlichen Raum gelingen lässt"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    urban_factors = forms.CharField(
        label=_("Was es in der Stadt gelingen lässt"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        low, high = data.get("cost_min_eur"), data.get("cost_max_eur")
        if low is not None and high is not None and high < low:
            self.add_error("cost_max_eur", _("Muss mindestens so hoch sein wie „Kosten von“."))
        return data


class MethodForm(_EntryForm):
    kind = forms.ChoiceField(label=_("Art"), choices=MethodKind.choices)
    body = forms.CharField(
        label=_("Anleitung (Markdown)"), required=False, widget=forms.Textarea(attrs={"rows": 14})
    )
    duration = forms.CharField(
        label=_("Dauer"), max_length=100, required=False, help_text=_("z. B. 2–3 Stunden")
    )
    group_size = forms.CharField(
        label=_("Gruppengröße"), max_length=100, required=False, help_text=_("z. B. 12–40 Personen")
    )

    field_order = ["kind", "title", "summary", "body", "duration", "group_size"]


class FileForm(forms.Form):
    title = forms.CharField(label=_("Titel der Datei"), max_length=200, required=False)
    file = forms.FileField(
        label=_("Datei"),
        help_text=_("PDF, ODT, ODS, ODP, DOCX, XLSX, PPTX, TXT, MD, CSV, PNG oder JPG."),
    )


class AdoptionForm(forms.Form):
    """One choice among the user's own actors, led projects and coordinated regions."""

    target = forms.ChoiceField(label=_("Wer setzt es um?"))
    year = forms.IntegerField(label=_("seit (Jahr)"), required=False, min_value=1900, max_value=2100)
    note = forms.CharField(label=_("Notiz"), max_length=300, required=False)

    def __init__(self, *args: Any, options: AdoptionOptions, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        groups: list[tuple[str, list[tuple[str, str]]]] = []
        if options.actors:
            groups.append((str(_("Eigene Einträge")), [(f"actor:{a.pk}", a.name) for a in options.actors]))
        if options.projects:
            groups.append(
                (str(_("Eigene Projekte")), [(f"project:{p.pk}", p.title) for p in options.projects])
            )
        if options.areas:
            groups.append((str(_("Regionen")), [(f"area:{a.pk}", a.name) for a in options.areas]))
        target = self.fields["target"]
        assert isinstance(target, forms.ChoiceField)
        target.choices = groups

    def target_parts(self) -> tuple[str, int]:
        kind, _sep, pk = self.cleaned_data["target"].partition(":")
        return kind, int(pk)
