from django.urls import path

from . import views

app_name = "reports"

urlpatterns = [
    path("<slug:slug>/", views.report, name="network"),
    path("<slug:slug>/<slug:key>.csv", views.report_csv, name="csv"),
]
