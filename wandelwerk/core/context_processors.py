from __future__ import annotations

from typing import Any

from django.conf import settings
from django.http import HttpRequest

from wandelwerk.core import selectors


def site(request: HttpRequest) -> dict[str, Any]:
    return {
        "footer_pages": selectors.footer_pages(),
        "map_tile_url": settings.MAP_TILE_URL,
        "map_tile_attribution": settings.MAP_TILE_ATTRIBUTION,
    }
