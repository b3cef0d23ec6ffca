from django.urls import path

from wandelwerk.moderation import views

app_name = "moderation"
urlpatterns = [
    path("", views.queue, name="queue"),
    path("melden/<str:target>/<int:pk>/", views.report, name="report"),
    path("faelle/<int:pk>/entscheiden/", views.decide, name="decide"),
]
