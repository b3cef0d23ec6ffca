from django.urls import path, re_path

from wandelwerk.geo import views

app_name = "geo"
AGS = r"(?P<ags>\d{2}|\d{5}|\d{8})"
urlpatterns = [
    path("", views.search, name="search"),
    path("karte/<str:level>.geojson", views.basemap, name="basemap"),
    re_path(rf"^{AGS}/$", views.area, name="area"),
    re_path(rf"^{AGS}/grenze\.geojson$", views.boundary, name="boundary"),
]
