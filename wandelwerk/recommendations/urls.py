from django.urls import path

from . import views

app_name = "recommendations"

urlpatterns = [
    path("akteur/<slug:slug>/", views.for_actor, name="actor"),
    path("projekt/<slug:slug>/", views.for_project, name="project"),
    path("netzwerk/<slug:slug>/", views.for_network, name="network"),
]
