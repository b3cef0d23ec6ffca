from django.urls import path

from wandelwerk.newsletters import views, views_manage

app_name = "newsletters"
urlpatterns = [
    path("", views.index, name="index"),
    path("bestaetigen/<slug:token>/", views.confirm, name="confirm"),
    path("abmelden/<slug:token>/", views.unsubscribe, name="unsubscribe"),
    path("<slug:slug>/", views.network_page, name="network"),
    path("<slug:slug>/verwalten/", views_manage.manage, name="manage"),
    path("<slug:slug>/verwalten/neu/", views_manage.create, name="create"),
    path("<slug:slug>/verwalten/abonnements.csv", views_manage.export, name="export"),
    path("<slug:slug>/<int:pk>/", views.detail, name="detail"),
    path("<slug:slug>/<int:pk>/bearbeiten/", views_manage.edit, name="edit"),
    path("<slug:slug>/<int:pk>/vorschau/", views_manage.preview, name="preview"),
    path("<slug:slug>/<int:pk>/senden/", views_manage.send, name="send"),
]
