from django.urls import path

from wandelwerk.actors import views
from wandelwerk.actors.urls_io import urlpatterns as io_patterns

app_name = "actors"
urlpatterns = [
    path("", views.actor_list, name="list"),
    path("neu/", views.actor_create, name="create"),
    path("pruefen/", views.review_queue, name="review"),
    *io_patterns,
    path("<slug:slug>/", views.actor_detail, name="detail"),
    path("<slug:slug>/bearbeiten/", views.actor_edit, name="edit"),
    path("<slug:slug>/bestaetigen/", views.actor_confirm, name="confirm"),
    path("<slug:slug>/pruefen/", views.actor_review, name="review-decide"),
    path("<slug:slug>/angebote/", views.resource_add, name="resource-add"),
    path("<slug:slug>/angebote/<int:pk>/entfernen/", views.resource_remove, name="resource-remove"),
]
