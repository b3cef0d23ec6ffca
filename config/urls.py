from allauth.account.decorators import secure_admin_login
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path

from wandelwerk.api.api import api

# staff log in through allauth, so rate limits and two-factor authentication apply to the admin too
admin.site.login = secure_admin_login(admin.site.login)  # type: ignore[method-assign]

urlpatterns = [
    path("api/v1/", api.urls),
    path("admin/", admin.site.urls),
]
urlpatterns += i18n_patterns(
    path("konto/", include("allauth.urls")),
    path("konto/", include("wandelwerk.accounts.urls")),
    path("akteure/", include("wandelwerk.actors.urls")),
    path("netzwerke/", include("wandelwerk.networks.urls")),
    path("regionen/", include("wandelwerk.geo.urls")),
    path("", include("wandelwerk.projects.urls")),
    path("veranstaltungen/", include("wandelwerk.events.urls")),
    path("wissen/", include("wandelwerk.knowledge.urls")),
    path("beratung/", include("wandelwerk.consulting.urls")),
    path("arbeitsgruppen/", include("wandelwerk.groups.urls")),
    path("newsletter/", include("wandelwerk.newsletters.urls")),
    path("wettbewerbe/", include("wandelwerk.participation.urls")),
    path("landkarte/", include("wandelwerk.conferencemap.urls")),
    path("moderation/", include("wandelwerk.moderation.urls")),
    path("analyse/bericht/", include("wandelwerk.reports.urls")),
    path("analyse/beziehungen/", include("wandelwerk.ties.urls")),
    path("analyse/", include("wandelwerk.analysis.urls")),
    path("kreislauf/", include("wandelwerk.circular.urls")),
    path("empfehlungen/", include("wandelwerk.recommendations.urls")),
    path("", include("wandelwerk.core.urls")),
    prefix_default_language=False,
)
