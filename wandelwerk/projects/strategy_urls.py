"""URLs of strategy pages; included by ``projects/urls.py`` under the ``projects`` namespace."""

from django.urls import path

from wandelwerk.projects import strategy_views

strategy_patterns = [
    path("strategien/neu/", strategy_views.strategy_create, name="strategy-create"),
    path("strategien/<slug:slug>/", strategy_views.strategy_dashboard, name="dashboard"),
    path("strategien/<slug:slug>/massnahmen/", strategy_views.measure_add, name="measure-add"),
    path("strategien/<slug:slug>/massnahmen.csv", strategy_views.strategy_export, name="export"),
]
