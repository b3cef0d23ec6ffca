from django.urls import path

from wandelwerk.participation import views, views_manage

app_name = "participation"
urlpatterns = [
    path("", views.contest_list, name="list"),
    path("neu/", views_manage.contest_edit, name="create"),
    path("<slug:slug>/", views.contest_detail, name="contest"),
    path("<slug:slug>/bearbeiten/", views_manage.contest_edit, name="edit"),
    path("<slug:slug>/einreichen/", views.idea_submit, name="submit"),
    path("<slug:slug>/pruefung/", views_manage.moderation_queue, name="moderation"),
    path("<slug:slug>/ergebnisse/", views.results, name="results"),
    path("<slug:slug>/ergebnisse.csv", views_manage.results_csv, name="results_csv"),
    path("<slug:slug>/ideen/<int:pk>/", views.idea_detail, name="idea"),
    path("<slug:slug>/ideen/<int:pk>/stimme/", views.vote, name="vote"),
    path("<slug:slug>/ideen/<int:pk>/kommentar/", views.comment, name="comment"),
    path("<slug:slug>/ideen/<int:pk>/jury/", views_manage.jury_score, name="jury"),
    path("<slug:slug>/ideen/<int:pk>/projekt/", views_manage.idea_to_project, name="to_project"),
    path("<slug:slug>/ideen/<int:pk>/bilder/<int:image_id>/", views.idea_image, name="image"),
]
