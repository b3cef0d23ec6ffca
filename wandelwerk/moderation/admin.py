from django.contrib import admin

from wandelwerk.moderation.models import Flag, Report


class ReportInline(admin.TabularInline):
    model = Report
    extra = 0
    fields = ["reporter", "reason", "text", "is_open", "created_at"]
    readonly_fields = fields
    can_delete = False


@admin.register(Flag)
class FlagAdmin(admin.ModelAdmin):
    list_display = ["title", "status", "open_reports", "network", "created_at", "decided_at"]
    list_filter = ["status", "content_type"]
    readonly_fields = ["content_type", "object_id", "open_reports", "hidden_at", "decided_by", "decided_at"]
    inlines = [ReportInline]
