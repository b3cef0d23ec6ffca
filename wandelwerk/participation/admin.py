from django.contrib import admin

from wandelwerk.participation.models import Category, Contest, Criterion, Idea


class CategoryInline(admin.TabularInline):
    model = Category
    extra = 0


class CriterionInline(admin.TabularInline):
    model = Criterion
    extra = 0


@admin.register(Contest)
class ContestAdmin(admin.ModelAdmin):
    list_display = ("title", "network", "submission_start", "results_start")
    search_fields = ("title", "slug")
    raw_id_fields = ("network", "area", "created_by")
    filter_horizontal = ("jury",)
    inlines = [CategoryInline, CriterionInline]


@admin.register(Idea)
class IdeaAdmin(admin.ModelAdmin):
    list_display = ("title", "contest", "status", "created_at")
    list_filter = ("status",)
    search_fields = ("title",)
    raw_id_fields = ("contest", "author", "category", "area", "moderated_by", "project")
