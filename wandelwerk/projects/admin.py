from django.contrib import admin

from wandelwerk.projects.models import Measure, Partner, Project, Strategy, Target


class TargetInline(admin.TabularInline):
    model = Target
    extra = 0


class MeasureInline(admin.TabularInline):
    model = Measure
    extra = 0
    autocomplete_fields = ["responsible", "topic"]


@admin.register(Strategy)
class StrategyAdmin(admin.ModelAdmin):
    list_display = ["title", "publisher", "area", "period_start", "period_end", "is_published"]
    search_fields = ["title"]
    autocomplete_fields = ["publisher", "area"]
    inlines = [TargetInline, MeasureInline]


class PartnerInline(admin.TabularInline):
    model = Partner
    extra = 0
    autocomplete_fields = ["actor"]
    readonly_fields = ["asked_by", "decided_by", "decided_at"]


@admin.register(Project)
class ProjectAdmin(admin.ModelAdmin):
    """Stage changes go through the project pages and API (recorded with who and when), so the
    stage is read-only here."""

    list_display = ["title", "stage", "is_public", "area", "updated_at"]
    list_filter = ["stage", "is_public"]
    search_fields = ["title", "summary"]
    readonly_fields = ["stage", "created_by", "created_at", "updated_at"]
    autocomplete_fields = ["area", "initiator", "topics", "measures"]
    inlines = [PartnerInline]


@admin.register(Measure)
class MeasureAdmin(admin.ModelAdmin):
    list_display = ["code", "title", "strategy"]
    search_fields = ["code", "title"]
