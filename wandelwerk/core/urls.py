from django.urls import path

from wandelwerk.core import views

app_name = "core"
urlpatterns = [
    path("", views.home, name="home"),
    path("datenquellen/", views.sources, name="sources"),
    path("seite/<slug:slug>/", views.page, name="page"),
]
