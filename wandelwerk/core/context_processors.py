from __future__ import annotations

from typing import Any

from django.conf import settings
from django.http import HttpRequest
from django.urls import translate_url

from wandelwerk.core import selectors


def site(request: HttpRequest) -> dict[str, Any]:
    return {
        "footer_pages": selectors.footer_pages(),
        # the same page in each language, for the language switch
        "language_urls": {
            code: translate_url(request.get_full_path(), code) for code, _ in settings.LANGUAGES
        },
        "map_tile_url": settings.MAP_TILE_URL,
        "map_tile_attribution": settings.MAP_TILE_ATTRIBUTION,
    }
