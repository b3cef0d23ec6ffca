from django.contrib import admin

from wandelwerk.core.models import Page


@admin.register(Page)
class PageAdmin(admin.ModelAdmin):
    list_display = ["title", "slug", "in_footer", "footer_order", "updated_at"]
    list_editable = ["in_footer", "footer_order"]
    search_fields = ["title", "body"]
