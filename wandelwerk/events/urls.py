from django.urls import path

from wandelwerk.events import views, views_ical, views_manage

app_name = "events"
urlpatterns = [
    path("", views.event_list, name="list"),
    path("kalender/", views.event_calendar, name="calendar"),
    path("neu/", views_manage.event_create, name="create"),
    path("feed.ics", views_ical.feed_ics, name="feed"),
    path("<slug:slug>.ics", views_ical.event_ics, name="ics"),
    path("<slug:slug>/", views.event_detail, name="detail"),
    path("<slug:slug>/anmelden/", views.register, name="register"),
    path("<slug:slug>/abmelden/", views.cancel, name="cancel"),
    path("<slug:slug>/bearbeiten/", views_manage.event_edit, name="edit"),
    path("<slug:slug>/verwalten/", views_manage.event_manage, name="manage"),
    path("<slug:slug>/verwalten/anmeldung/<int:pk>/", views_manage.registration_decide, name="decide"),
    path("<slug:slug>/verwalten/teilnahme/", views_manage.attendance, name="attendance"),
    path("<slug:slug>/verwalten/nachricht/", views_manage.message, name="message"),
    path("<slug:slug>/verwalten/programm/", views_manage.session_add, name="session-add"),
    path(
        "<slug:slug>/verwalten/programm/<int:pk>/entfernen/",
        views_manage.session_delete,
        name="session-delete",
    ),
    path("<slug:slug>/teilnehmende.csv", views_manage.export_csv, name="export"),
]
