from django.urls import path, re_path

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
    re_path(r"^gebiet/(?P<ags>\d{2}|\d{5}|\d{8})/$", views_network.area_structure, name="area"),
    re_path(r"^gebiet/(?P<ags>\d{2}|\d{5}|\d{8})/graph\.json$", views_network.area_graph, name="area_graph"),
    path("<slug:slug>/", views_network.network_structure, name="network"),
    path("<slug:slug>/graph.json", views_network.network_graph, name="graph"),
]
