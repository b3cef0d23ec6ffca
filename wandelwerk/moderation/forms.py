from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from wandelwerk.moderation.models import Reason


class ReportForm(forms.Form):
    reason = forms.ChoiceField(
        label=_("Grund"),
        choices=Reason.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Bitte wählen Sie einen Grund."),
            "invalid_choice": _("Unbekannter Grund: %(value)s. Bitte wählen Sie einen der genannten."),
        },
    )
    text = forms.CharField(
        label=_("Erläuterung (freiwillig)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )


class DecisionForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("Entscheidung"),
        choices=[("keep", _("belassen")), ("remove", _("entfernen"))],
        error_messages={"invalid_choice": _("Unbekannte Entscheidung: %(value)s.")},
    )
    note = forms.CharField(
        label=_("Begründung für die Verfasserin oder den Verfasser"), required=False, max_length=2000
    )
