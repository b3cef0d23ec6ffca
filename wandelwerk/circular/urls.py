from django.urls import path

from wandelwerk.circular import views

app_name = "circular"

urlpatterns = [
    path("", views.board, name="board"),
    path("karte.geojson", views.flows_geojson, name="geojson"),
    path("neu/", views.create, name="create"),
    path("methode/", views.methods, name="methods"),
    path("abgleich/", views.run, name="run"),
    path("netzwerk/<slug:slug>/", views.region, name="region"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/bearbeiten/", views.edit, name="edit"),
    path("<int:pk>/abschliessen/", views.close, name="close"),
]
