from django.contrib import admin

from wandelwerk.groups.models import Document, GroupMembership, JoinRequest, Post, SharedLink, WorkingGroup


class MembershipInline(admin.TabularInline):
    model = GroupMembership
    extra = 0
    raw_id_fields = ["user"]


@admin.register(WorkingGroup)
class WorkingGroupAdmin(admin.ModelAdmin):
    list_display = ["name", "network", "topic", "join_mode", "visibility", "created_at"]
    list_filter = ["join_mode", "visibility", "network"]
    search_fields = ["name", "slug"]
    raw_id_fields = ["created_by"]
    inlines = [MembershipInline]


@admin.register(JoinRequest)
class JoinRequestAdmin(admin.ModelAdmin):
    list_display = ["group", "user", "status", "created_at", "decided_at"]
    list_filter = ["status"]
    raw_id_fields = ["user", "decided_by", "group"]


@admin.register(Post)
class PostAdmin(admin.ModelAdmin):
    list_display = ["group", "author", "created_at", "deleted_at"]
    raw_id_fields = ["group", "parent", "author"]


@admin.register(SharedLink)
class SharedLinkAdmin(admin.ModelAdmin):
    list_display = ["title", "group", "url", "created_at"]
    raw_id_fields = ["group", "added_by"]


@admin.register(Document)
class DocumentAdmin(admin.ModelAdmin):
    list_display = ["title", "group", "extension", "size", "created_at"]
    raw_id_fields = ["group", "uploaded_by"]
    readonly_fields = ["stored_name", "original_name", "extension", "size"]
