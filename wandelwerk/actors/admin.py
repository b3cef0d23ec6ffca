from django.contrib import admin

from wandelwerk.actors.models import Actor, Resource, Topic


@admin.register(Topic)
class TopicAdmin(admin.ModelAdmin):
    """Action fields and SDGs are editable by admins (the defaults come from a data migration)."""

    list_display = ["name", "name_en", "group", "number", "order"]
    list_filter = ["group"]
    list_editable = ["order"]
    search_fields = ["name", "name_en", "slug"]
    prepopulated_fields = {"slug": ["name"]}


class ResourceInline(admin.TabularInline):
    model = Resource
    extra = 0


@admin.register(Actor)
class ActorAdmin(admin.ModelAdmin):
    """Staff view. Edits here bypass the services, so the search text is refreshed on save."""

    list_display = ["name", "kind", "sector", "municipality", "status", "visibility", "is_demo", "updated_at"]
    list_filter = ["status", "visibility", "kind", "sector", "is_demo"]
    search_fields = ["name", "natural_key", "municipality__name"]
    autocomplete_fields = ["municipality", "owner", "topics"]
    readonly_fields = [
        "natural_key",
        "consent_at",
        "consent_version",
        "consent_text",
        "created_at",
        "updated_at",
    ]
    inlines = [ResourceInline]
    list_select_related = ["municipality"]

    def get_form(self, request, obj=None, change=False, **kwargs):  # type: ignore[no-untyped-def]
        form = super().get_form(request, obj, change=change, **kwargs)
        form.base_fields["slug"].required = False  # derived from the name when left empty
        return form

    def save_model(self, request, obj, form, change):  # type: ignore[no-untyped-def]
        from wandelwerk.actors.services import actor_prepare_admin_save

        actor_prepare_admin_save(actor=obj)
        super().save_model(request, obj, form, change)

    def save_related(self, request, form, formsets, change):  # type: ignore[no-untyped-def]
        super().save_related(request, form, formsets, change)
        from wandelwerk.actors.services import actor_reindex

        actor_reindex(actor=form.instance)
