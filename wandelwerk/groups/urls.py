from django.urls import path

from wandelwerk.groups import views, views_content, views_manage

app_name = "groups"
urlpatterns = [
    path("", views.group_list, name="list"),
    path("meine/", views.my_groups, name="mine"),
    path("neu/", views_manage.group_create, name="create"),
    path("<slug:slug>/", views.group_detail, name="detail"),
    path("<slug:slug>/bearbeiten/", views_manage.group_edit, name="edit"),
    path("<slug:slug>/beitreten/", views_manage.group_join, name="join"),
    path("<slug:slug>/austreten/", views_manage.group_leave, name="leave"),
    path("<slug:slug>/benachrichtigungen/", views_manage.group_notify, name="notify"),
    path("<slug:slug>/mitglieder/", views_manage.member_list, name="members"),
    path("<slug:slug>/anfragen/<int:pk>/", views_manage.request_decide, name="request-decide"),
    path("<slug:slug>/mitglieder/<int:pk>/rolle/", views_manage.member_role, name="member-role"),
    path("<slug:slug>/mitglieder/<int:pk>/entfernen/", views_manage.member_remove, name="member-remove"),
    path("<slug:slug>/beitraege/", views_content.post_create, name="post-create"),
    path("<slug:slug>/beitraege/<int:pk>/bearbeiten/", views_content.post_edit, name="post-edit"),
    path("<slug:slug>/beitraege/<int:pk>/loeschen/", views_content.post_delete, name="post-delete"),
    path("<slug:slug>/links/", views_content.link_add, name="link-add"),
    path("<slug:slug>/links/<int:pk>/loeschen/", views_content.link_delete, name="link-delete"),
    path("<slug:slug>/dokumente/", views_content.document_upload, name="document-upload"),
    path("<slug:slug>/dokumente/<int:pk>/", views.document_download, name="document-download"),
    path("<slug:slug>/dokumente/<int:pk>/loeschen/", views_content.document_delete, name="document-delete"),
]
