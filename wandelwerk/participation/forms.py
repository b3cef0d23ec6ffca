"""Forms for idea contests. Submission and vote forms carry a honeypot and a signed timestamp."""

from __future__ import annotations

import time
from typing import Any

from django import forms
from django.core import signing
from django.utils.translation import gettext_lazy as _

from wandelwerk.participation.models import Contest

MIN_FILL_SECONDS = {"idea": 5, "vote": 1}
SALT = "participation.form-started"


def form_started() -> str:
    return signing.dumps(time.time(), salt=SALT)


class HumanCheckMixin(forms.Form):
    """Refuses a filled honeypot ("website") and forms sent faster than a person can."""

    kind = "idea"
    website = forms.CharField(required=False, label=_("Bitte leer lassen"))
    started = forms.CharField(widget=forms.HiddenInput)

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if data.get("website"):
            raise forms.ValidationError(_("Das Formular wurde automatisch ausgefüllt und nicht angenommen."))
        try:
            started = float(signing.loads(data.get("started") or "", salt=SALT, max_age=6 * 3600))
        except (signing.BadSignature, TypeError, ValueError):
            expired = _("Das Formular ist abgelaufen; bitte laden Sie die Seite neu.")
            raise forms.ValidationError(expired) from None
        if time.time() - started < MIN_FILL_SECONDS[self.kind]:
            raise forms.ValidationError(
                _("Das ging sehr schnell – bitte senden Sie das Formular noch einmal.")
            )
        return data


class IdeaForm(HumanCheckMixin):
    title = forms.CharField(label=_("Titel"), max_length=160)
    description = forms.CharField(
        label=_("Beschreibung"),
        widget=forms.Textarea,
        max_length=10_000,
        help_text=_("Markdown ist erlaubt."),
    )
    category: forms.ModelChoiceField[Any] = forms.ModelChoiceField(label=_("Kategorie"), queryset=None)
    place = forms.CharField(label=_("Ort oder Postleitzahl"), max_length=120)
    team = forms.CharField(
        label=_("Team (optional)"),
        max_length=300,
        required=False,
        help_text=_("Namen der Mitwirkenden, durch Kommas getrennt."),
    )

    def __init__(self, *args: Any, contest: Contest, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["category"].queryset = contest.categories.all()  # type: ignore[attr-defined]


class VoteForm(HumanCheckMixin):
    kind = "vote"


class ModerateForm(forms.Form):
    decision = forms.ChoiceField(
        choices=[("publish", _("veröffentlichen")), ("reject", _("ablehnen"))], label=_("Entscheidung")
    )
    reason = forms.CharField(label=_("Begründung (bei Ablehnung)"), widget=forms.Textarea, required=False)


class CommentForm(forms.Form):
    text = forms.CharField(label=_("Kommentar"), widget=forms.Textarea, max_length=2000)


class ContestForm(forms.ModelForm):
    categories_text = forms.CharField(
        label=_("Kategorien (eine pro Zeile)"), widget=forms.Textarea, required=False
    )
    criteria_text = forms.CharField(
        label=_("Jurykriterien (je Zeile: Name; Gewicht)"), widget=forms.Textarea, required=False
    )

    jury_text = forms.CharField(
        label=_("Jury (E-Mail-Adressen, eine pro Zeile)"),
        widget=forms.Textarea,
        required=False,
        help_text=_("Nur Konten mit bestätigter E-Mail-Adresse."),
    )

    class Meta:
        model = Contest
        fields = [
            "network",
            "title",
            "slug",
            "rules",
            "area",
            "submission_start",
            "submission_end",
            "review_start",
            "review_end",
            "voting_start",
            "voting_end",
            "jury_start",
            "jury_end",
            "results_start",
            "vote_budget",
            "jury_weight",
            "public_weight",
            "winners",
        ]
        widgets = {
            f: forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")
            for f in (
                "submission_start",
                "submission_end",
                "review_start",
                "review_end",
                "voting_start",
                "voting_end",
                "jury_start",
                "jury_end",
                "results_start",
            )
        }

    def __init__(self, *args: Any, networks: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["network"].queryset = networks  # type: ignore[attr-defined]
        from wandelwerk.geo.models import Area, AreaKind

        areas = Area.objects.exclude(kind=AreaKind.MUNICIPALITY).only("pk", "name", "ags")
        self.fields["area"].queryset = areas  # type: ignore[attr-defined]

    def jury_members(self) -> list[Any] | None:
        """The accounts behind the jury emails (None if the field was left empty and untouched)."""
        from wandelwerk.accounts.selectors import user_by_verified_email

        members = []
        for email in (self.cleaned_data.get("jury_text") or "").split():
            user = user_by_verified_email(email=email.strip(",;"))
            if user is None:
                self.add_error(
                    "jury_text",
                    _("Zu „%(email)s“ gibt es kein Konto mit bestätigter E-Mail-Adresse.") % {"email": email},
                )
            else:
                members.append(user)
        return members

    def criteria(self) -> list[tuple[str, int]]:
        out = []
        for line in (self.cleaned_data.get("criteria_text") or "").splitlines():
            name, _sep, weight = line.partition(";")
            if name.strip():
                out.append((name.strip(), int(weight) if weight.strip().isdigit() else 1))
        return out

    def categories(self) -> list[str]:
        return [c.strip() for c in (self.cleaned_data.get("categories_text") or "").splitlines() if c.strip()]
