from django.contrib import admin

from wandelwerk.consulting.models import CoachingPair, CoachingRequest, CompetenceCentre, ConsultingRequest


@admin.register(CompetenceCentre)
class CompetenceCentreAdmin(admin.ModelAdmin):
    list_display = ["name", "actor", "capacity", "open_cases", "is_active"]
    list_filter = ["is_active", "is_demo"]
    search_fields = ["name", "actor__name"]
    raw_id_fields = ["actor", "created_by"]
    filter_horizontal = ["topics", "advisers"]
    autocomplete_fields: list[str] = []
    readonly_fields = ["open_cases"]


@admin.register(ConsultingRequest)
class ConsultingRequestAdmin(admin.ModelAdmin):
    """Read-only: statuses and the open-case counters move through the services, not here."""

    list_display = ["title", "status", "centre", "created_at"]
    list_filter = ["status", "urgency"]
    search_fields = ["title"]

    def has_change_permission(self, request, obj=None):  # type: ignore[no-untyped-def]
        return False

    def has_add_permission(self, request):  # type: ignore[no-untyped-def]
        return False


admin.site.register(CoachingRequest)
admin.site.register(CoachingPair)
