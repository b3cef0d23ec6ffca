"""Forms: subscribing (with a honeypot and a minimum fill time) and composing a newsletter."""

from __future__ import annotations

import time
from typing import Any

from django import forms
from django.core import signing
from django.utils.translation import gettext_lazy as _

from wandelwerk.networks.models import Network
from wandelwerk.newsletters.selectors import area_choices, topic_choices

MIN_FILL_SECONDS = 3
_SALT = "newsletters.subscribe.started"


def started_token(at: float | None = None) -> str:
    """Signed moment the form was shown; a submission sooner than MIN_FILL_SECONDS later is automated."""
    return signing.dumps(at if at is not None else time.time(), salt=_SALT)


class _AreaField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return obj.name if obj.kind == "municipality" else f"{obj.name} ({obj.get_kind_display()})"


class _TopicField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return obj.label


def _set_areas(form: forms.Form, network: Network) -> None:
    field = form.fields["areas"]
    assert isinstance(field, forms.ModelMultipleChoiceField)  # noqa: S101 - narrows the type
    field.queryset = area_choices(network)


class SubscribeForm(forms.Form):
    email = forms.EmailField(label=_("E-Mail-Adresse"), max_length=254)
    topics = _TopicField(
        label=_("Themen, die mich interessieren (optional)"),
        queryset=topic_choices(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    areas = _AreaField(
        label=_("Gebiete, die mich interessieren (optional)"),
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    digest = forms.BooleanField(
        label=_("Zusätzlich jeden Montag einen Überblick über Neues aus meinen Gebieten und Themen erhalten"),
        required=False,
    )
    # honeypot: hidden from people (CSS and aria-hidden), filled in by form-filling robots
    website = forms.CharField(
        label=_("Bitte dieses Feld leer lassen"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )
    started = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args: Any, network: Network, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _set_areas(self, network)
        self.fields["topics"].help_text = _("Ohne Auswahl erhalten Sie alle Ausgaben.")
        if not self.is_bound:
            self.initial["started"] = started_token()

    def looks_automated(self) -> bool:
        """True for a filled honeypot or a form sent back faster than a person can fill it."""
        if self.cleaned_data.get("website"):
            return True
        try:
            started = float(signing.loads(self.cleaned_data.get("started") or "", salt=_SALT, max_age=86_400))
        except (signing.BadSignature, TypeError, ValueError):
            return True
        return time.time() - started < MIN_FILL_SECONDS


class NewsletterForm(forms.Form):
    subject = forms.CharField(label=_("Betreff"), max_length=200)
    body = forms.CharField(
        label=_("Text"),
        widget=forms.Textarea(attrs={"rows": 16}),
        help_text=_("Markdown: **fett**, *kursiv*, Listen mit „- “, Links als [Text](https://…)."),
        max_length=50_000,
    )
    topics = _TopicField(
        label=_("Nur an Interessierte dieser Themen (leer: an alle)"),
        queryset=topic_choices(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    areas = _AreaField(
        label=_("Nur an Interessierte dieser Gebiete (leer: an alle)"),
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args: Any, network: Network, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _set_areas(self, network)

    def clean_subject(self) -> str:
        subject = self.cleaned_data["subject"].strip()
        if "\n" in subject or "\r" in subject:
            raise forms.ValidationError(_("Der Betreff darf keinen Zeilenumbruch enthalten."))
        return subject
