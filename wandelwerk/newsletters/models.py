"""Network newsletters: subscriptions with double opt-in, newsletters, deliveries and digest runs."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


class SubscriptionStatus(models.TextChoices):
    PENDING = "pending", _("wartet auf Bestätigung")
    CONFIRMED = "confirmed", _("bestätigt")
    UNSUBSCRIBED = "unsubscribed", _("abgemeldet")


class Subscription(models.Model):
    """One email address subscribed to one network's newsletter. Only confirmed ones receive mail."""

    network = models.ForeignKey(
        "networks.Network", on_delete=models.CASCADE, related_name="newsletter_subscriptions"
    )
    email = models.EmailField(_("E-Mail-Adresse"))
    topics = models.ManyToManyField("actors.Topic", blank=True, related_name="+", verbose_name=_("Themen"))
    areas = models.ManyToManyField("geo.Area", blank=True, related_name="+", verbose_name=_("Gebiete"))
    digest = models.BooleanField(_("wöchentlicher Überblick"), default=False)
    status = models.CharField(
        _("Status"), max_length=12, choices=SubscriptionStatus.choices, default=SubscriptionStatus.PENDING
    )
    # personal, stable link for unsubscribing (in every email); the confirmation token is stored hashed
    token = models.CharField(max_length=64, unique=True, editable=False)
    confirm_hash = models.CharField(max_length=64, blank=True, db_index=True, editable=False)
    consent_text = models.TextField(_("Einwilligungstext"), blank=True)
    requested_at = models.DateTimeField(_("angefragt am"))
    confirmed_at = models.DateTimeField(_("bestätigt am"), null=True, blank=True)
    unsubscribed_at = models.DateTimeField(_("abgemeldet am"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["network", "email"]
        verbose_name = _("Abonnement")
        verbose_name_plural = _("Abonnements")
        constraints = [
            models.UniqueConstraint(fields=["network", "email"], name="newsletters_subscription_unique")
        ]
        indexes = [models.Index(fields=["network", "status"], name="newsletters_sub_status")]

    def __str__(self) -> str:
        return f"{self.email} ({self.network})"


class NewsletterStatus(models.TextChoices):
    DRAFT = "draft", _("Entwurf")
    SENDING = "sending", _("wird versendet")
    SENT = "sent", _("versendet")


class Newsletter(models.Model):
    """An issue of a network's newsletter, optionally aimed at topics and areas (empty = everybody)."""

    network = models.ForeignKey("networks.Network", on_delete=models.CASCADE, related_name="newsletters")
    subject = models.CharField(_("Betreff"), max_length=200)
    body = models.TextField(_("Text (Markdown)"))
    topics = models.ManyToManyField(
        "actors.Topic", blank=True, related_name="+", verbose_name=_("nur für diese Themen")
    )
    areas = models.ManyToManyField(
        "geo.Area", blank=True, related_name="+", verbose_name=_("nur für diese Gebiete")
    )
    status = models.CharField(
        _("Status"), max_length=10, choices=NewsletterStatus.choices, default=NewsletterStatus.DRAFT
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    base_url = models.CharField(max_length=200, blank=True, editable=False)
    recipient_count = models.PositiveIntegerField(_("Empfänger"), default=0)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    sending_started_at = models.DateTimeField(null=True, blank=True)
    sent_at = models.DateTimeField(_("versendet am"), null=True, blank=True)
    is_demo = models.BooleanField(_("Demodaten"), default=False)

    class Meta:
        ordering = ["-sent_at", "-created_at"]
        verbose_name = _("Newsletter")
        verbose_name_plural = _("Newsletter")
        indexes = [models.Index(fields=["network", "status", "sent_at"], name="newsletters_archive")]

    def __str__(self) -> str:
        return self.subject

    def get_absolute_url(self) -> str:
        return reverse("newsletters:detail", kwargs={"slug": self.network.slug, "pk": self.pk})


class Delivery(models.Model):
    """One newsletter to one subscription. The row is claimed before the mail goes out, so a retried or
    parallel task never mails anyone twice."""

    newsletter = models.ForeignKey(Newsletter, on_delete=models.CASCADE, related_name="deliveries")
    subscription = models.ForeignKey(Subscription, on_delete=models.CASCADE, related_name="deliveries")
    claimed_at = models.DateTimeField(auto_now_add=True)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("Zustellung")
        verbose_name_plural = _("Zustellungen")
        constraints = [
            models.UniqueConstraint(fields=["newsletter", "subscription"], name="newsletters_delivery_once")
        ]

    def __str__(self) -> str:
        return f"{self.newsletter_id} → {self.subscription_id}"


class DigestRun(models.Model):
    """The weekly digest of one ISO week for one subscription (e.g. "2026-W47"): at most one."""

    subscription = models.ForeignKey(Subscription, on_delete=models.CASCADE, related_name="digest_runs")
    week = models.CharField(max_length=8)
    item_count = models.PositiveIntegerField(default=0)
    claimed_at = models.DateTimeField(auto_now_add=True)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("Wochenüberblick")
        verbose_name_plural = _("Wochenüberblicke")
        constraints = [
            models.UniqueConstraint(fields=["subscription", "week"], name="newsletters_digest_once")
        ]

    def __str__(self) -> str:
        return f"{self.subscription_id} {self.week}"
