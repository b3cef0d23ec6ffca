from django.urls import path

from wandelwerk.knowledge import views, views_write

app_name = "knowledge"
P = "praxisbeispiele/"
M = "methoden/"
urlpatterns = [
    path("", views.index, name="index"),
    path(P, views.practice_list, name="practice-list"),
    path(f"{P}neu/", views_write.entry_create, {"kind": "practice"}, name="practice-create"),
    path(f"{P}<slug:slug>/", views.practice_detail, name="practice-detail"),
    path(f"{P}<slug:slug>/bearbeiten/", views_write.entry_edit, {"kind": "practice"}, name="practice-edit"),
    path(
        f"{P}<slug:slug>/veroeffentlichen/",
        views_write.entry_publish,
        {"kind": "practice"},
        name="practice-publish",
    ),
    path(f"{P}<slug:slug>/loeschen/", views_write.entry_delete, {"kind": "practice"}, name="practice-delete"),
    path(f"{P}<slug:slug>/umsetzungen/", views_write.adoption_add, name="adoption-add"),
    path(
        f"{P}<slug:slug>/umsetzungen/<int:pk>/entfernen/", views_write.adoption_remove, name="adoption-remove"
    ),
    path(M, views.method_list, name="method-list"),
    path(f"{M}neu/", views_write.entry_create, {"kind": "method"}, name="method-create"),
    path(f"{M}<slug:slug>/", views.method_detail, name="method-detail"),
    path(f"{M}<slug:slug>/bearbeiten/", views_write.entry_edit, {"kind": "method"}, name="method-edit"),
    path(
        f"{M}<slug:slug>/veroeffentlichen/",
        views_write.entry_publish,
        {"kind": "method"},
        name="method-publish",
    ),
    path(f"{M}<slug:slug>/loeschen/", views_write.entry_delete, {"kind": "method"}, name="method-delete"),
    path(f"{M}<slug:slug>/dateien/", views_write.file_add, name="file-add"),
    path(f"{M}<slug:slug>/dateien/<int:pk>/", views.file_download, name="file-download"),
    path(f"{M}<slug:slug>/dateien/<int:pk>/loeschen/", views_write.file_delete, name="file-delete"),
]
