from django.urls import path

from wandelwerk.accounts import views

app_name = "accounts"
urlpatterns = [
    path("ich/", views.me, name="me"),
    path("ich/daten.json", views.export, name="export"),
    path("ich/loeschen/", views.delete, name="delete"),
    path("ich/tokens/", views.tokens, name="tokens"),
    path("ich/tokens/<int:pk>/widerrufen/", views.token_revoke, name="token_revoke"),
]
