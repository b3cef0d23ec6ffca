from django.urls import path

from wandelwerk.networks import views

app_name = "networks"
urlpatterns = [
    path("", views.network_list, name="list"),
    path("<slug:slug>/", views.network_detail, name="detail"),
]
