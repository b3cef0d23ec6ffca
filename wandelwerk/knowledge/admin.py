from django.contrib import admin

from wandelwerk.knowledge.models import Adoption, Method, MethodFile, Practice


class AdoptionInline(admin.TabularInline):
    model = Adoption
    extra = 0
    raw_id_fields = ("actor", "project", "area", "created_by")


class MethodFileInline(admin.TabularInline):
    model = MethodFile
    extra = 0
    fields = ("title", "extension", "size", "content_type", "created_at")
    readonly_fields = ("extension", "size", "content_type", "created_at")
    can_delete = False

    def has_add_permission(self, request, obj=None):  # type: ignore[no-untyped-def]
        return False  # uploads go through the checked upload form on the method page


@admin.register(Practice)
class PracticeAdmin(admin.ModelAdmin):
    list_display = ("title", "effort", "is_published", "is_demo", "updated_at")
    list_filter = ("is_published", "effort", "is_demo")
    search_fields = ("title", "summary")
    readonly_fields = ("slug", "created_by", "created_at", "updated_at")
    filter_horizontal = ("topics",)
    inlines = [AdoptionInline]


@admin.register(Method)
class MethodAdmin(admin.ModelAdmin):
    list_display = ("title", "kind", "is_published", "is_demo", "updated_at")
    list_filter = ("is_published", "kind", "is_demo")
    search_fields = ("title", "summary")
    readonly_fields = ("slug", "created_by", "created_at", "updated_at")
    filter_horizontal = ("topics",)
    inlines = [MethodFileInline]
