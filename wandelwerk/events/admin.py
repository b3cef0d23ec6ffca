from django.contrib import admin

from wandelwerk.events.models import Event, EventSession, Registration


class SessionInline(admin.TabularInline):
    model = EventSession
    extra = 0


@admin.register(Event)
class EventAdmin(admin.ModelAdmin):
    list_display = [
        "title",
        "kind",
        "start",
        "network",
        "actor",
        "visibility",
        "is_published",
        "confirmed_count",
    ]
    list_filter = ["kind", "visibility", "is_published"]
    search_fields = ["title", "slug"]
    readonly_fields = ["confirmed_count"]
    raw_id_fields = ["network", "actor", "area", "created_by"]
    inlines = [SessionInline]


@admin.register(Registration)
class RegistrationAdmin(admin.ModelAdmin):
    """Read-only: seats are counted by the services, so changes go through the event pages."""

    list_display = ["event", "user", "status", "queued_at", "attended"]
    list_filter = ["status"]
    raw_id_fields = ["event", "user", "decided_by"]

    def has_change_permission(self, request, obj=None):  # type: ignore[no-untyped-def]
        return False

    def has_add_permission(self, request):  # type: ignore[no-untyped-def]
        return False
