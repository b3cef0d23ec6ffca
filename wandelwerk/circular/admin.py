from django.contrib import admin

from wandelwerk.circular.models import FlowMatch, MatchRun, MaterialFlow


@admin.register(MaterialFlow)
class MaterialFlowAdmin(admin.ModelAdmin):
    list_display = ["title", "direction", "material", "quantity", "unit", "actor", "status", "is_demo"]
    list_filter = ["direction", "material", "status", "is_demo"]
    search_fields = ["title", "actor__name"]
    raw_id_fields = ["actor", "municipality", "created_by"]


@admin.register(MatchRun)
class MatchRunAdmin(admin.ModelAdmin):
    list_display = ["finished_at", "flows", "matches", "matched_t", "net_kg_co2e"]


@admin.register(FlowMatch)
class FlowMatchAdmin(admin.ModelAdmin):
    list_display = ["output", "input", "quantity", "unit", "distance_km", "score"]
    raw_id_fields = ["output", "input", "run"]
