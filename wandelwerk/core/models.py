from __future__ import annotations

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


class Page(models.Model):
    """An editable static page (Impressum, Datenschutz, Barrierefreiheit, Datenquellen …)."""

    slug = models.SlugField(_("Kürzel"), unique=True)
    title = models.CharField(_("Titel"), max_length=200)
    title_en = models.CharField(_("Titel (englisch)"), max_length=200, blank=True)
    body = models.TextField(_("Text (Markdown)"), blank=True)
    body_en = models.TextField(_("Text englisch (Markdown)"), blank=True)
    in_footer = models.BooleanField(_("im Fußbereich verlinkt"), default=True)
    footer_order = models.PositiveSmallIntegerField(default=0)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["footer_order", "title"]
        verbose_name = _("Seite")
        verbose_name_plural = _("Seiten")

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("core:page", kwargs={"slug": self.slug})
