from __future__ import annotations

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


class Network(models.Model):
    """A regional network covering a set of areas, optionally nested under a parent network."""

    slug = models.SlugField(_("Kürzel"), unique=True, max_length=80)
    name = models.CharField(_("Name"), max_length=200)
    description = models.TextField(_("Beschreibung (Markdown)"), blank=True)
    website = models.URLField(_("Website"), blank=True)
    parent = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
        verbose_name=_("übergeordnet"),
    )
    areas = models.ManyToManyField("geo.Area", related_name="networks", verbose_name=_("Gebiete"), blank=True)
    is_demo = models.BooleanField(_("Demodaten"), default=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("Netzwerk")
        verbose_name_plural = _("Netzwerke")

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("networks:detail", kwargs={"slug": self.slug})


class Role(models.TextChoices):
    MEMBER = "member", _("Mitglied")
    COORDINATOR = "coordinator", _("Koordination")


class Membership(models.Model):
    """A person's role in a network. Coordinators review and manage the network's actors."""

    network = models.ForeignKey(Network, on_delete=models.CASCADE, related_name="memberships")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="network_memberships"
    )
    role = models.CharField(_("Rolle"), max_length=20, choices=Role.choices, default=Role.MEMBER)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("Mitgliedschaft")
        verbose_name_plural = _("Mitgliedschaften")
        constraints = [models.UniqueConstraint(fields=["network", "user"], name="networks_membership_unique")]

    def __str__(self) -> str:
        return f"{self.user} – {self.network} ({self.get_role_display()})"
