from django.urls import path

from wandelwerk.ties import views, views_network

app_name = "ties"

urlpatterns = [
    path("", views_network.network_index, name="index"),
    path("neu/", views.tie_create, name="create"),
    path("import/", views.tie_import, name="import"),
    path("akteur/<slug:slug>/", views.actor_ties, name="actor"),
    path("<int:pk>/bearbeiten/", views.tie_edit, name="edit"),
    path("<int:pk>/beenden/", views.tie_end, name="end"),
    path("<int:pk>/loeschen/", views.tie_delete, name="delete"),
    path("<slug:slug>/", views_network.network_structure, name="network"),
    path("<slug:slug>/graph.json", views_network.network_graph, name="graph"),
]
