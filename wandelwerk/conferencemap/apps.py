from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ConferencemapConfig(AppConfig):
    name = "wandelwerk.conferencemap"
    label = "conferencemap"
    verbose_name = _("Landkarte: was es gibt, was fehlt")
