from __future__ import annotations

from typing import Any

from allauth.account.forms import ReauthenticateForm
from django import forms
from django.utils.translation import gettext_lazy as _

from wandelwerk.accounts.services import DISPLAY_NAME_MAX, TOKEN_NAME_MAX


class DisplayNameForm(forms.Form):
    display_name = forms.CharField(
        label=_("Anzeigename"),
        max_length=DISPLAY_NAME_MAX,
        required=False,
        help_text=_(
            "So werden Sie auf Wandelwerk genannt, z. B. in Netzwerken. Sie können das Feld leer lassen."
        ),
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )


class TokenCreateForm(forms.Form):
    name = forms.CharField(
        label=_("Bezeichnung"),
        max_length=TOKEN_NAME_MAX,
        help_text=_("Wofür ist der Token? Zum Beispiel „Import-Skript Verein“."),
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
    )


class AccountDeleteForm(ReauthenticateForm):
    """Password re-entry (allauth checks it, with its rate limit) and, for people who manage
    organisation entries, the optional email address of the account that takes them over."""

    handover_email = forms.EmailField(
        label=_("E-Mail-Adresse des Kontos, das Ihre Organisationseinträge übernimmt (freiwillig)"),
        required=False,
        help_text=_(
            "Das Konto muss bereits bestehen und die Adresse bestätigt haben. Ohne Angabe bleiben die "
            "Einträge ohne verwaltende Person erhalten."
        ),
        widget=forms.EmailInput(attrs={"autocomplete": "off"}),
    )

    def __init__(self, *args: Any, ask_handover: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if not ask_handover:
            del self.fields["handover_email"]
        self.order_fields(["handover_email", "password"])
