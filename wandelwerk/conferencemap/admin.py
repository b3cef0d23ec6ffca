from django.contrib import admin

from wandelwerk.conferencemap.models import Comment, ConferenceMap, MapActor, Wish


@admin.register(ConferenceMap)
class ConferenceMapAdmin(admin.ModelAdmin):
    list_display = ("title", "network", "area", "is_open", "created_at")
    list_filter = ("is_open",)
    raw_id_fields = ("network", "event", "area", "created_by")


@admin.register(Wish)
class WishAdmin(admin.ModelAdmin):
    list_display = ("title", "map", "topic", "status", "created_at")
    list_filter = ("status",)
    raw_id_fields = ("map", "author", "area", "project", "consulting_request", "converted_by")


@admin.register(MapActor)
class MapActorAdmin(admin.ModelAdmin):
    list_display = ("map", "actor", "proposed", "created_at")
    raw_id_fields = ("map", "actor", "added_by")


@admin.register(Comment)
class CommentAdmin(admin.ModelAdmin):
    list_display = ("wish", "created_at")
    raw_id_fields = ("wish", "author")
