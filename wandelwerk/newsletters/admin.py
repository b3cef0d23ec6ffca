from django.contrib import admin

from wandelwerk.newsletters.models import DigestRun, Newsletter, Subscription


@admin.register(Subscription)
class SubscriptionAdmin(admin.ModelAdmin):
    list_display = ["email", "network", "status", "digest", "confirmed_at"]
    list_filter = ["status", "digest", "network"]
    search_fields = ["email"]
    readonly_fields = [
        "token",
        "confirm_hash",
        "consent_text",
        "requested_at",
        "confirmed_at",
        "unsubscribed_at",
    ]
    autocomplete_fields = ["areas"]


@admin.register(Newsletter)
class NewsletterAdmin(admin.ModelAdmin):
    list_display = ["subject", "network", "status", "recipient_count", "sent_at"]
    list_filter = ["status", "network"]
    search_fields = ["subject"]
    readonly_fields = ["status", "recipient_count", "sending_started_at", "sent_at", "base_url"]
    autocomplete_fields = ["areas"]


@admin.register(DigestRun)
class DigestRunAdmin(admin.ModelAdmin):
    list_display = ["subscription", "week", "item_count", "sent_at"]
    list_filter = ["week"]
