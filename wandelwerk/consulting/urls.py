from django.urls import path

from wandelwerk.consulting import views, views_case, views_centres

app_name = "consulting"
urlpatterns = [
    path("", views.index, name="index"),
    path("anfragen/", views.request_create, name="request-create"),
    path("meine-anfragen/", views.my_requests, name="mine"),
    path("koordination/", views.queue, name="queue"),
    path("meine-stellen/", views.my_centres, name="my-centres"),
    path("faelle/<int:pk>/", views_case.case_detail, name="case"),
    path("faelle/<int:pk>/notiz/", views_case.case_note, name="case-note"),
    path("faelle/<int:pk>/status/", views_case.case_status, name="case-status"),
    path("faelle/<int:pk>/weiterleiten/", views_case.case_reroute, name="case-reroute"),
    path("faelle/<int:pk>/rueckmeldung/", views_case.case_feedback, name="case-feedback"),
    path("stellen/neu/", views_centres.centre_create, name="centre-create"),
    path("stellen/<int:pk>/", views.centre_detail, name="centre"),
    path("stellen/<int:pk>/bearbeiten/", views_centres.centre_edit, name="centre-edit"),
    path("stellen/<int:pk>/eingang/", views.inbox, name="inbox"),
    path("kollegiale-beratung/", views_centres.coaching_page, name="coaching"),
    path("kollegiale-beratung/vorschlaege/", views_centres.coaching_proposals, name="coaching-proposals"),
    path("kollegiale-beratung/bestaetigen/", views_centres.coaching_confirm, name="coaching-confirm"),
]
