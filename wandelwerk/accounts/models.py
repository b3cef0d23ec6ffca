from __future__ import annotations

from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _


class User(AbstractUser):
    """A person with an account. Email is the login; the username is internal."""

    display_name = models.CharField(_("Anzeigename"), max_length=120, blank=True)

    def __str__(self) -> str:
        return self.display_name or self.email or self.username


class ApiToken(models.Model):
    """A bearer token for API writes. Only the SHA-256 digest is stored."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="api_tokens")
    name = models.CharField(_("Bezeichnung"), max_length=100)
    digest = models.CharField(max_length=64, unique=True)
    prefix = models.CharField(max_length=8)
    created_at = models.DateTimeField(auto_now_add=True)
    last_used_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("API-Token")
        verbose_name_plural = _("API-Tokens")
        constraints = [models.UniqueConstraint(fields=["user", "name"], name="accounts_apitoken_user_name")]

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"
