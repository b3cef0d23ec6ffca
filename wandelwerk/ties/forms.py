"""Forms for recording and changing ties and uploading an edge list."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from wandelwerk.actors.models import Actor
from wandelwerk.ties.models import DERIVED_KINDS, TieKind
from wandelwerk.ties.services import MAX_WEIGHT

RECORDABLE = [(k.value, k.label) for k in TieKind if k not in DERIVED_KINDS]
MAX_UPLOAD_BYTES = 10 * 1024 * 1024


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(format="%Y-%m-%d", **kwargs)


class TieFieldsForm(forms.Form):
    kind = forms.ChoiceField(label=gettext_lazy("Art der Beziehung"), choices=RECORDABLE)
    weight = forms.FloatField(
        label=gettext_lazy("Gewicht"),
        initial=1.0,
        min_value=0.1,
        max_value=MAX_WEIGHT,
        help_text=gettext_lazy("1 = übliche Zusammenarbeit; höher für eine besonders enge Beziehung."),
    )
    started = forms.DateField(label=gettext_lazy("seit"), required=False, widget=DateInput())
    ended = forms.DateField(
        label=gettext_lazy("bis"),
        required=False,
        widget=DateInput(),
        help_text=gettext_lazy("Leer lassen, solange die Beziehung besteht."),
    )
    note = forms.CharField(label=gettext_lazy("Notiz"), required=False, max_length=300)

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        started, ended = data.get("started"), data.get("ended")
        if started and ended and ended < started:
            self.add_error("ended", _("Das Ende liegt vor dem Beginn."))
        return data


class TieCreateForm(TieFieldsForm):
    target = forms.CharField(
        label=gettext_lazy("Anderer Akteur"),
        max_length=220,
        help_text=gettext_lazy("Kürzel oder genauer Name; die Vorschläge zeigen Akteure aus Ihrer Region."),
        widget=forms.TextInput(attrs={"list": "tie-targets", "autocomplete": "off"}),
    )
    direction = forms.ChoiceField(
        label=gettext_lazy("Richtung (bei Förderung, Mitgliedschaft, Lieferung)"),
        choices=[
            ("out", gettext_lazy("dieser Akteur fördert / ist Mitglied bei / beliefert den anderen")),
            ("in", gettext_lazy("der andere Akteur fördert / ist Mitglied bei / beliefert diesen")),
        ],
        initial="out",
        widget=forms.RadioSelect,
    )
    field_order = ["target", "kind", "direction", "weight", "started", "ended", "note"]

    def __init__(self, *args: Any, visible: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.visible = visible
        self.target_actor: Actor | None = None

    def clean_target(self) -> str:
        raw = self.cleaned_data["target"].strip()
        found = self.visible.filter(slug=raw).first()
        if found is None:
            matches = list(self.visible.filter(name__iexact=raw)[:2])
            if len(matches) > 1:
                raise forms.ValidationError(
                    _("Mehrere Akteure heißen „%(name)s“; bitte das Kürzel aus der Vorschlagsliste wählen.")
                    % {"name": raw}
                )
            found = matches[0] if matches else None
        if found is None:
            raise forms.ValidationError(
                _("Keinen sichtbaren Akteur mit dem Kürzel oder Namen „%(name)s“ gefunden.") % {"name": raw}
            )
        self.target_actor = found
        return raw


class UploadForm(forms.Form):
    file = forms.FileField(
        label=gettext_lazy("Kantenliste (CSV)"),
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,.txt"}),
        help_text=gettext_lazy("CSV mit Semikolon oder Komma, UTF-8 mit oder ohne BOM; höchstens 10 MB."),
    )
    dry_run = forms.BooleanField(
        label=gettext_lazy("Nur prüfen, nichts schreiben"), required=False, initial=True
    )

    def clean_file(self) -> Any:
        upload = self.cleaned_data["file"]
        if upload.size > MAX_UPLOAD_BYTES:
            raise forms.ValidationError(_("Die Datei ist größer als 10 MB."))
        if not upload.name.lower().endswith((".csv", ".txt")):
            raise forms.ValidationError(_("Bitte eine Datei mit der Endung .csv wählen."))
        return upload
