from django.urls import path
from django.views.generic import TemplateView

app_name = "actors"
urlpatterns = [
    path("", TemplateView.as_view(template_name="base.html"), name="list"),
    path("neu/", TemplateView.as_view(template_name="base.html"), name="create"),
]
