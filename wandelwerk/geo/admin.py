"""Admin: geography is loaded by ``load_geography``, so areas are read-only here."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from wandelwerk.geo.models import Area, PostalCode, PostalCodeArea


class ReadOnlyAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(Area)
class AreaAdmin(ReadOnlyAdmin):
    list_display = ("ags", "name", "kind", "kind_label", "population", "population_date", "area_km2")
    list_filter = ("kind", "regiostar7", "degurba")
    search_fields = ("ags", "name", "search_name")
    list_select_related = ("parent",)
    ordering = ("ags",)
    show_full_result_count = False
    fields = (
        "ags",
        "ars",
        "name",
        "kind",
        "kind_label",
        "parent",
        "population",
        "population_date",
        "area_km2",
        ("lat", "lon"),
        ("min_lon", "min_lat", "max_lon", "max_lat"),
        "regiostar7",
        "degurba",
    )

    def get_queryset(self, request: HttpRequest) -> Any:
        return super().get_queryset(request).defer("boundary", "boundary_light")


class PostalCodeAreaInline(admin.TabularInline):  # type: ignore[type-arg]
    model = PostalCodeArea
    fields = ("plz", "place_name")
    extra = 0
    can_delete = False
    show_change_link = False

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


AreaAdmin.inlines = [PostalCodeAreaInline]


@admin.register(PostalCode)
class PostalCodeAdmin(ReadOnlyAdmin):
    list_display = ("plz", "lat", "lon")
    search_fields = ("plz",)
    fields = ("plz", "lat", "lon", "places")
    readonly_fields = ("places",)

    @admin.display(description=_("Gemeinden"))
    def places(self, obj: PostalCode) -> str:
        rows = (
            PostalCodeArea.objects.filter(plz=obj.plz).select_related("area").only("place_name", "area__name")
        )
        return ", ".join(sorted({f"{r.place_name} ({r.area.name})" for r in rows}))
