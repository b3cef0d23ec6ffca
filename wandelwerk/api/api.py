"""The public REST API, /api/v1/. Each app contributes a router built on its own selectors and services."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from ninja import NinjaAPI
from ninja.errors import ValidationError

from wandelwerk.actors import api_write  # noqa: F401  (registers the write routes on the actors router)
from wandelwerk.actors.api import router as actors_router
from wandelwerk.analysis.api import router as analysis_router
from wandelwerk.circular.api import router as circular_router
from wandelwerk.conferencemap.api import router as conferencemap_router
from wandelwerk.consulting.api import router as consulting_router
from wandelwerk.events.api import router as events_router
from wandelwerk.geo.api import router as geo_router
from wandelwerk.groups.api import router as groups_router
from wandelwerk.knowledge.api import router as knowledge_router
from wandelwerk.networks.api import router as networks_router
from wandelwerk.newsletters.api import router as newsletters_router
from wandelwerk.participation.api import router as participation_router
from wandelwerk.projects import api_write as projects_write  # noqa: F401  (registers write routes)
from wandelwerk.projects.api import router as projects_router

api = NinjaAPI(
    title="Wandelwerk API",
    version="1.0.0",
    description="Öffentliche Daten regionaler Nachhaltigkeitsnetzwerke. Listen liefern `count` und `items` "
    "und blättern mit `limit` und `offset`. Schreibzugriffe mit `Authorization: Bearer <token>`.",
    docs_url="/docs",
    openapi_url="/openapi.json",
)


@api.exception_handler(ValidationError)
def validation_error(request: HttpRequest, exc: ValidationError) -> HttpResponse:
    """422 with each problem named: where (parameter or field) and why."""
    problems = [
        {
            "loc": [str(part) for part in err.get("loc", [])],
            "msg": err.get("msg", ""),
            "type": err.get("type", ""),
        }
        for err in exc.errors
    ]
    return api.create_response(request, {"detail": problems}, status=422)


api.add_router("/", actors_router, tags=["actors"])
api.add_router("/areas", geo_router, tags=["areas"])
api.add_router("/networks", networks_router, tags=["networks"])
api.add_router("/", projects_router, tags=["projects"])
api.add_router("/", events_router, tags=["events"])
api.add_router("/", knowledge_router, tags=["knowledge"])
api.add_router("/", consulting_router, tags=["consulting"])
api.add_router("/", groups_router, tags=["groups"])
api.add_router("/", newsletters_router, tags=["newsletters"])
api.add_router("/", participation_router, tags=["participation"])
api.add_router("/", conferencemap_router, tags=["conference map"])
api.add_router("/analysis", analysis_router, tags=["analysis"])
api.add_router("/", circular_router, tags=["circular"])
