from django.urls import path

from wandelwerk.projects import views
from wandelwerk.projects.strategy_urls import strategy_patterns

app_name = "projects"
urlpatterns = [
    path("projekte/", views.project_list, name="list"),
    path("projekte/neu/", views.project_create, name="create"),
    path("projekte/<slug:slug>/", views.project_detail, name="detail"),
    path("projekte/<slug:slug>/bearbeiten/", views.project_edit, name="edit"),
    path("projekte/<slug:slug>/phase/", views.project_stage, name="stage"),
    path("projekte/<slug:slug>/einladen/", views.partner_invite, name="invite"),
    path("projekte/<slug:slug>/bedarfe/<int:pk>/gedeckt/", views.need_fill, name="need-fill"),
    path("projekte/<slug:slug>/mitmachen/", views.project_join, name="join"),
    path("projekte/<slug:slug>/partner/<int:pk>/", views.partner_decide, name="partner-decide"),
    path("projekte/<slug:slug>/bedarfe/", views.need_add, name="need-add"),
    path("projekte/<slug:slug>/meilensteine/", views.milestone_add, name="milestone-add"),
    path("projekte/<slug:slug>/meilensteine/<int:pk>/erledigt/", views.milestone_done, name="milestone-done"),
    path("projekte/<slug:slug>/folgen/", views.project_follow, name="follow"),
    path("projekte/<slug:slug>/neuigkeiten/", views.project_update, name="update"),
] + strategy_patterns
