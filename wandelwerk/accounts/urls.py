from django.urls import path
from django.views.generic import TemplateView

app_name = "accounts"
urlpatterns = [
    path("ich/", TemplateView.as_view(template_name="base.html"), name="me"),
]
