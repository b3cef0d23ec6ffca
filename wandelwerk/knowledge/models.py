"""Action pool (best-practice examples, who adopted them) and toolbox (methods, templates, their files).

Seed 003 (Mitmach-Regionen) describes both: "einen erprobten Werkzeugkasten und mit einem Aktionspool
viele gute Best-Practice-Beispiele". ``search_text`` holds the stemmed words (see ``search.py``); it is
written by the services, never by ``save()``.
"""

from __future__ import annotations

import uuid
from pathlib import PurePath
from typing import Any

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


class Effort(models.TextChoices):
    LOW = "low", _("gering")
    MEDIUM = "medium", _("mittel")
    HIGH = "high", _("hoch")


class MethodKind(models.TextChoices):
    WORKSHOP = "workshop", _("Workshop-Format")
    GUIDE = "guide", _("Leitfaden")
    CHECKLIST = "checklist", _("Checkliste")
    TEMPLATE = "template", _("Vorlage")


class Entry(models.Model):
    """Fields shared by practices and methods: proposed by anyone, published by coordinators or staff."""

    title = models.CharField(_("Titel"), max_length=200)
    slug = models.SlugField(_("Kürzel"), unique=True, max_length=220)
    summary = models.CharField(_("Kurzbeschreibung"), max_length=500)
    topics = models.ManyToManyField(
        "actors.Topic", blank=True, related_name="+", verbose_name=_("Handlungsfelder")
    )
    is_published = models.BooleanField(_("veröffentlicht"), default=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("vorgeschlagen von"),
    )
    is_demo = models.BooleanField(_("Demodaten"), default=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    search_text = models.TextField(editable=False, blank=True)

    class Meta:
        abstract = True
        ordering = ["title", "id"]

    def __str__(self) -> str:
        return self.title


class Practice(Entry):
    """A best-practice example (Praxisbeispiel) others can copy: repair café, Solawi, Mitfahrbank …"""

    steps = models.TextField(_("Schritte (Markdown)"), blank=True)
    effort = models.CharField(_("Aufwand"), max_length=10, choices=Effort.choices, default=Effort.MEDIUM)
    costs = models.TextField(_("Kosten"), blank=True)
    cost_min_eur = models.PositiveIntegerField(_("Kosten von (€)"), null=True, blank=True)
    cost_max_eur = models.PositiveIntegerField(_("Kosten bis (€)"), null=True, blank=True)
    rural_factors = models.TextField(_("Was es im ländlichen Raum gelingen lässt"), blank=True)
    urban_factors = models.TextField(_("Was es in der Stadt gelingen lässt"), blank=True)

    class Meta(Entry.Meta):
        verbose_name = _("Praxisbeispiel")
        verbose_name_plural = _("Praxisbeispiele")
        indexes = [models.Index(fields=["is_published", "title"], name="knowledge_practice_pub")]
        constraints = [
            models.CheckConstraint(
                condition=Q(cost_min_eur__isnull=True)
                | Q(cost_max_eur__isnull=True)
                | Q(cost_max_eur__gte=models.F("cost_min_eur")),
                name="knowledge_practice_cost_range",
            )
        ]

    def get_absolute_url(self) -> str:
        return reverse("knowledge:practice-detail", kwargs={"slug": self.slug})


class Adoption(models.Model):
    """ "Umgesetzt von": exactly one actor, project or region has adopted a practice, once."""

    practice = models.ForeignKey(Practice, on_delete=models.CASCADE, related_name="adoptions")
    actor = models.ForeignKey(
        "actors.Actor", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    project = models.ForeignKey(
        "projects.Project", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    area = models.ForeignKey("geo.Area", null=True, blank=True, on_delete=models.CASCADE, related_name="+")
    year = models.PositiveSmallIntegerField(_("seit (Jahr)"), null=True, blank=True)
    note = models.CharField(_("Notiz"), max_length=300, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-year", "id"]
        verbose_name = _("Umsetzung")
        verbose_name_plural = _("Umsetzungen")
        constraints = [
            models.CheckConstraint(
                condition=Q(actor__isnull=False, project__isnull=True, area__isnull=True)
                | Q(actor__isnull=True, project__isnull=False, area__isnull=True)
                | Q(actor__isnull=True, project__isnull=True, area__isnull=False),
                name="knowledge_adoption_one_target",
            ),
            models.UniqueConstraint(
                fields=["practice", "actor"],
                condition=Q(actor__isnull=False),
                name="knowledge_adoption_actor",
            ),
            models.UniqueConstraint(
                fields=["practice", "project"],
                condition=Q(project__isnull=False),
                name="knowledge_adoption_project",
            ),
            models.UniqueConstraint(
                fields=["practice", "area"], condition=Q(area__isnull=False), name="knowledge_adoption_area"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.practice} – {self.target}"

    @property
    def target(self) -> Any:
        return self.actor or self.project or self.area


class Method(Entry):
    """A method or template of the toolbox (Werkzeugkasten): World Café, checklist, press release …"""

    kind = models.CharField(_("Art"), max_length=12, choices=MethodKind.choices)
    body = models.TextField(_("Anleitung (Markdown)"), blank=True)
    duration = models.CharField(_("Dauer"), max_length=100, blank=True)
    group_size = models.CharField(_("Gruppengröße"), max_length=100, blank=True)

    class Meta(Entry.Meta):
        verbose_name = _("Methode oder Vorlage")
        verbose_name_plural = _("Methoden und Vorlagen")
        indexes = [models.Index(fields=["is_published", "kind", "title"], name="knowledge_method_pub")]

    def get_absolute_url(self) -> str:
        return reverse("knowledge:method-detail", kwargs={"slug": self.slug})


def method_file_path(instance: MethodFile, filename: str) -> str:
    """A generated name under MEDIA_ROOT/knowledge/: the uploader's file name is never used on disk."""
    return f"knowledge/{uuid.uuid4().hex}{PurePath(filename).suffix.lower()}"


class MethodFile(models.Model):
    """A downloadable file of a method; served only through the download view, as an attachment."""

    method = models.ForeignKey(Method, on_delete=models.CASCADE, related_name="files")
    file = models.FileField(_("Datei"), upload_to=method_file_path, max_length=200)
    title = models.CharField(_("Titel"), max_length=200)
    extension = models.CharField(max_length=8, editable=False)
    size = models.PositiveIntegerField(_("Größe (Bytes)"), editable=False)
    content_type = models.CharField(_("Dateiformat"), max_length=120, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["title", "id"]
        verbose_name = _("Datei")
        verbose_name_plural = _("Dateien")

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("knowledge:file-download", kwargs={"slug": self.method.slug, "pk": self.pk})
