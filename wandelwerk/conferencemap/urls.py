from django.urls import path

from wandelwerk.conferencemap import views, views_write

app_name = "conferencemap"
urlpatterns = [
    path("", views.map_list, name="list"),
    path("neu/", views.map_create, name="create"),
    path("<int:pk>/", views.map_detail, name="detail"),
    path("<int:pk>/bearbeiten/", views.map_edit, name="edit"),
    path("<int:pk>/tabelle/", views.map_table, name="table"),
    path("<int:pk>/karte.geojson", views.map_geojson, name="geojson"),
    path("<int:pk>/akteure/", views_write.actor_search, name="actors"),
    path("<int:pk>/akteure/vorschlagen/", views_write.actor_propose, name="actor-propose"),
    path("<int:pk>/wuensche/neu/", views_write.wish_create, name="wish-create"),
    path("verknuepfungen/<int:pk>/entfernen/", views_write.actor_unlink, name="actor-unlink"),
    path("wuensche/<int:pk>/", views_write.wish_detail, name="wish"),
    path("wuensche/<int:pk>/bearbeiten/", views_write.wish_edit, name="wish-edit"),
    path("wuensche/<int:pk>/unterstuetzen/", views_write.wish_support, name="wish-support"),
    path("wuensche/<int:pk>/kommentare/", views_write.comment_create, name="comment-create"),
    path("wuensche/<int:pk>/projekt/", views_write.wish_to_project, name="wish-project"),
    path("wuensche/<int:pk>/beratung/", views_write.wish_to_consulting, name="wish-consulting"),
    path("kommentare/<int:pk>/loeschen/", views_write.comment_delete, name="comment-delete"),
]
