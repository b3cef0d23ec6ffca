"""Thematic working groups (Arbeitsgruppen) within a network: members, discussion, links, documents."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


class JoinMode(models.TextChoices):
    OPEN = "open", _("offen: Angemeldete treten sofort bei")
    REQUEST = "request", _("auf Anfrage: die Koordination entscheidet")


class GroupVisibility(models.TextChoices):
    MEMBERS = "members", _("Beschreibung öffentlich, Diskussion und Dokumente nur für Mitglieder")
    PUBLIC = "public", _("ganz öffentlich")


class GroupRole(models.TextChoices):
    MEMBER = "member", _("Mitglied")
    COORDINATOR = "coordinator", _("Koordination")


class RequestStatus(models.TextChoices):
    PENDING = "pending", _("offen")
    APPROVED = "approved", _("angenommen")
    DECLINED = "declined", _("abgelehnt")


class WorkingGroup(models.Model):
    network = models.ForeignKey(
        "networks.Network",
        on_delete=models.PROTECT,
        related_name="working_groups",
        verbose_name=_("Netzwerk"),
    )
    name = models.CharField(_("Name"), max_length=200)
    slug = models.SlugField(_("Kürzel"), unique=True, max_length=220)
    description = models.TextField(_("Beschreibung (Markdown)"), blank=True)
    topic = models.ForeignKey(
        "actors.Topic",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="working_groups",
        verbose_name=_("Handlungsfeld"),
    )
    join_mode = models.CharField(
        _("Beitritt"), max_length=10, choices=JoinMode.choices, default=JoinMode.OPEN
    )
    visibility = models.CharField(
        _("Sichtbarkeit"), max_length=10, choices=GroupVisibility.choices, default=GroupVisibility.MEMBERS
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("Arbeitsgruppe")
        verbose_name_plural = _("Arbeitsgruppen")

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("groups:detail", kwargs={"slug": self.slug})

    @property
    def is_public(self) -> bool:
        return self.visibility == GroupVisibility.PUBLIC


class GroupMembership(models.Model):
    group = models.ForeignKey(WorkingGroup, on_delete=models.CASCADE, related_name="memberships")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="group_memberships"
    )
    role = models.CharField(_("Rolle"), max_length=20, choices=GroupRole.choices, default=GroupRole.MEMBER)
    notify_posts = models.BooleanField(_("E-Mail bei neuen Beiträgen"), default=False)
    joined_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["joined_at", "id"]
        verbose_name = _("Mitgliedschaft in einer Arbeitsgruppe")
        verbose_name_plural = _("Mitgliedschaften in Arbeitsgruppen")
        constraints = [models.UniqueConstraint(fields=["group", "user"], name="groups_membership_unique")]

    def __str__(self) -> str:
        return f"{self.user} – {self.group} ({self.get_role_display()})"

    @property
    def is_coordinator(self) -> bool:
        return self.role == GroupRole.COORDINATOR


class JoinRequest(models.Model):
    """Someone asks to join a group with join mode "on request"; a group coordinator decides once."""

    group = models.ForeignKey(WorkingGroup, on_delete=models.CASCADE, related_name="join_requests")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    message = models.TextField(_("Nachricht"), blank=True)
    status = models.CharField(max_length=10, choices=RequestStatus.choices, default=RequestStatus.PENDING)
    created_at = models.DateTimeField(auto_now_add=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("Beitrittsanfrage")
        verbose_name_plural = _("Beitrittsanfragen")
        constraints = [
            models.UniqueConstraint(
                fields=["group", "user"], condition=Q(status="pending"), name="groups_one_open_request"
            )
        ]

    def __str__(self) -> str:
        return f"{self.user} → {self.group} ({self.get_status_display()})"


class Post(models.Model):
    """A discussion post, or a reply to one (one level deep)."""

    group = models.ForeignKey(WorkingGroup, on_delete=models.CASCADE, related_name="posts")
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.CASCADE, related_name="replies"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    text = models.TextField(_("Text (Markdown)"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    edited_at = models.DateTimeField(null=True, blank=True)
    deleted_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("Beitrag")
        verbose_name_plural = _("Beiträge")
        indexes = [models.Index(fields=["group", "parent", "created_at"])]

    def __str__(self) -> str:
        return self.text[:60] or "–"

    @property
    def is_deleted(self) -> bool:
        return self.deleted_at is not None

    @property
    def author_name(self) -> str:
        """The display name; never the email address (also shown on fully public groups)."""
        if self.author is not None and self.author.display_name:
            return self.author.display_name
        return str(_("ein Mitglied"))

    def moderation_context(self):  # -> wandelwerk.moderation.interface.ModerationContext
        """Moderated by the coordinators of the group's network; shown on the group page."""
        from wandelwerk.moderation.interface import ModerationContext

        words = " ".join(self.text.split()[:12])
        return ModerationContext(
            network=self.group.network,
            author=self.author,
            title=words[:120] or str(self.group),
            url=f"{self.group.get_absolute_url()}#beitrag-{self.pk}",
        )


class SharedLink(models.Model):
    group = models.ForeignKey(WorkingGroup, on_delete=models.CASCADE, related_name="links")
    title = models.CharField(_("Titel"), max_length=200)
    url = models.URLField(_("Adresse (URL)"), max_length=1000)
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("Link")
        verbose_name_plural = _("Links")

    def __str__(self) -> str:
        return self.title


def _document_path(instance: Document, filename: str) -> str:
    """Generated names only: the uploaded name is kept in ``original_name`` and never touches the disk."""
    return f"groups/{instance.group_id}/{instance.stored_name}"


class Document(models.Model):
    group = models.ForeignKey(WorkingGroup, on_delete=models.CASCADE, related_name="documents")
    title = models.CharField(_("Titel"), max_length=200)
    file = models.FileField(_("Datei"), upload_to=_document_path, max_length=300)
    stored_name = models.CharField(max_length=80, editable=False)
    original_name = models.CharField(max_length=255)
    extension = models.CharField(max_length=10)
    size = models.PositiveIntegerField()
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("Dokument")
        verbose_name_plural = _("Dokumente")

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("groups:document-download", kwargs={"slug": self.group.slug, "pk": self.pk})
