"""The conference map (seed 003): which initiatives exist in a region, which are still missing (wishes),
and how they can be supported. Supporters are counted, never listed by name."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


class ConferenceMap(models.Model):
    """A network's map of a region, usually made at a Mitmach-Konferenz."""

    network = models.ForeignKey(
        "networks.Network",
        on_delete=models.PROTECT,
        related_name="conference_maps",
        verbose_name=_("Netzwerk"),
    )
    event = models.ForeignKey(
        "events.Event",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="conference_maps",
        verbose_name=_("Konferenz"),
    )
    title = models.CharField(_("Titel"), max_length=200)
    description = models.TextField(_("Beschreibung (Markdown)"), blank=True)
    area = models.ForeignKey(
        "geo.Area", on_delete=models.PROTECT, related_name="conference_maps", verbose_name=_("Gebiet")
    )
    is_open = models.BooleanField(_("offen für Beiträge"), default=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    is_demo = models.BooleanField(_("Demodaten"), default=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("Landkarte")
        verbose_name_plural = _("Landkarten")

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("conferencemap:detail", kwargs={"pk": self.pk})


class MapActor(models.Model):
    """ "Das gibt es schon": an existing actor marked on a map (shown only while the actor is public)."""

    map = models.ForeignKey(ConferenceMap, on_delete=models.CASCADE, related_name="actor_links")
    actor = models.ForeignKey("actors.Actor", on_delete=models.CASCADE, related_name="conference_links")
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    proposed = models.BooleanField(_("neu vorgeschlagen"), default=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["actor__name", "id"]
        verbose_name = _("Akteur auf der Landkarte")
        verbose_name_plural = _("Akteure auf der Landkarte")
        constraints = [models.UniqueConstraint(fields=["map", "actor"], name="conferencemap_actor_unique")]

    def __str__(self) -> str:
        return f"{self.actor_id} on {self.map_id}"


class HelpRole(models.TextChoices):
    JOIN = "join", _("mitmachen")
    SPACE = "space", _("Raum")
    KNOWLEDGE = "knowledge", _("Wissen")
    MONEY = "money", _("Geld")
    MATERIAL = "material", _("Material")
    CONTACTS = "contacts", _("Kontakte")


class WishStatus(models.TextChoices):
    OPEN = "open", _("offen")
    PROJECT = "project", _("Projektidee")
    CONSULTING = "consulting", _("Beratung angefragt")


class Wish(models.Model):
    """ "Das fehlt noch": an initiative or offer the region still needs."""

    map = models.ForeignKey(ConferenceMap, on_delete=models.CASCADE, related_name="wishes")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    title = models.CharField(_("Titel"), max_length=200)
    topic = models.ForeignKey(
        "actors.Topic", on_delete=models.PROTECT, related_name="+", verbose_name=_("Handlungsfeld")
    )
    description = models.TextField(_("Beschreibung (Markdown)"), blank=True)
    area = models.ForeignKey("geo.Area", on_delete=models.PROTECT, related_name="+", verbose_name=_("Ort"))
    lat = models.FloatField(null=True, blank=True)
    lon = models.FloatField(null=True, blank=True)
    help_role = models.CharField(
        _("Ich könnte helfen mit"), max_length=20, choices=HelpRole.choices, blank=True
    )
    status = models.CharField(_("Status"), max_length=12, choices=WishStatus.choices, default=WishStatus.OPEN)
    project = models.ForeignKey(
        "projects.Project", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    consulting_request = models.ForeignKey(
        "consulting.ConsultingRequest", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    converted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    converted_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("Wunsch")
        verbose_name_plural = _("Wünsche")
        indexes = [models.Index(fields=["map", "topic"], name="conferencemap_wish_topic")]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("conferencemap:wish", kwargs={"pk": self.pk})

    def moderation_context(self) -> object:
        from wandelwerk.moderation.interface import ModerationContext

        return ModerationContext(
            network=self.map.network, author=self.author, title=self.title, url=self.get_absolute_url()
        )


class Support(models.Model):
    """One person supports a wish (at most once: a constraint, not a check). Never shown by name."""

    wish = models.ForeignKey(Wish, on_delete=models.CASCADE, related_name="supports")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    help_role = models.CharField(
        _("Ich könnte helfen mit"), max_length=20, choices=HelpRole.choices, blank=True
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["wish", "user"], name="conferencemap_support_unique")]

    def __str__(self) -> str:
        return f"{self.user_id} supports {self.wish_id}"


class Comment(models.Model):
    wish = models.ForeignKey(Wish, on_delete=models.CASCADE, related_name="comments")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    text = models.TextField(_("Kommentar (Markdown)"))
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("Kommentar")
        verbose_name_plural = _("Kommentare")

    def __str__(self) -> str:
        return self.text[:60]

    def get_absolute_url(self) -> str:
        return reverse("conferencemap:wish", kwargs={"pk": self.wish_id}) + f"#kommentar-{self.pk}"

    def moderation_context(self) -> object:
        from wandelwerk.moderation.interface import ModerationContext

        return ModerationContext(
            network=self.wish.map.network,
            author=self.author,
            title=self.text[:80],
            url=self.get_absolute_url(),
        )
