"""Import upload and exports. Included from wandelwerk/actors/urls.py before the ``<slug:slug>/``
routes (so "import/" is not taken for an actor's slug); names join the ``actors`` namespace."""

from django.urls import path

from wandelwerk.actors import views_io

urlpatterns = [
    path("import/", views_io.actor_import, name="import"),
    path("export.csv", views_io.export_csv, name="export-csv"),
    path("export.geojson", views_io.export_geojson, name="export-geojson"),
    path("export.json", views_io.export_json, name="export-json"),
]
