"""URLs of strategy pages; included by ``projects/urls.py`` under the ``projects`` namespace."""

from django.urls import path

from wandelwerk.projects import strategy_views as views

strategy_patterns = [
    path("strategien/neu/", views.strategy_create, name="strategy-create"),
    path("strategien/<slug:slug>/", views.strategy_dashboard, name="dashboard"),
    path("strategien/<slug:slug>/bearbeiten/", views.strategy_edit, name="strategy-edit"),
    path("strategien/<slug:slug>/ziele/", views.target_add, name="target-add"),
    path("strategien/<slug:slug>/ziele/<int:pk>/", views.target_edit, name="target-edit"),
    path("strategien/<slug:slug>/ziele/<int:pk>/loeschen/", views.target_delete, name="target-delete"),
    path("strategien/<slug:slug>/massnahmen/", views.measure_add, name="measure-add"),
    path("strategien/<slug:slug>/massnahmen/<int:pk>/bearbeiten/", views.measure_edit, name="measure-edit"),
    path("strategien/<slug:slug>/massnahmen/<int:pk>/loeschen/", views.measure_delete, name="measure-delete"),
    path("strategien/<slug:slug>/massnahmen.csv", views.strategy_export, name="export"),
]
