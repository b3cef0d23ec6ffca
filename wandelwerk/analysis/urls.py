from django.urls import path, re_path

from wandelwerk.analysis import views

app_name = "analysis"
AGS = r"(?P<ags>\d{2}|\d{5}|\d{8})"
urlpatterns = [
    path("", views.index, name="index"),
    path("netzwerk/<slug:slug>/luecken/", views.gaps_page, name="network_gaps"),
    path("netzwerk/<slug:slug>/luecken/karte.geojson", views.gaps_map, name="network_gaps_map"),
    re_path(rf"^gebiet/{AGS}/luecken/$", views.gaps_page, name="area_gaps"),
    re_path(rf"^gebiet/{AGS}/luecken/karte\.geojson$", views.gaps_map, name="area_gaps_map"),
    re_path(r"^kreis/(?P<ags>\d{5})/$", views.county, name="county"),
]
