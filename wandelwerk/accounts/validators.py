from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _


class MaximumLengthValidator:
    """Long passphrases are welcome (ASVS: 64+ characters allowed); only absurd lengths are refused."""

    def __init__(self, max_length: int = 512) -> None:
        self.max_length = max_length

    def validate(self, password: str, user: Any = None) -> None:
        if len(password) > self.max_length:
            raise ValidationError(
                _("Das Passwort ist zu lang (höchstens %(max)d Zeichen).") % {"max": self.max_length},
                code="password_too_long",
            )

    def get_help_text(self) -> str:
        return _("Höchstens %(max)d Zeichen; lange Passphrasen sind willkommen.") % {"max": self.max_length}
