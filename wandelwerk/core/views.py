from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import get_language

from wandelwerk.core import selectors


def home(request: HttpRequest) -> HttpResponse:
    from wandelwerk.actors.selectors import home_summary

    return render(request, "core/home.html", home_summary(user=request.user))


def page(request: HttpRequest, slug: str) -> HttpResponse:
    obj = selectors.page_get(slug=slug)
    if obj is None:
        raise Http404
    english = get_language() == "en"
    return render(
        request,
        "core/page.html",
        {
            "page": obj,
            "title": obj.title_en if english and obj.title_en else obj.title,
            "body": obj.body_en if english and obj.body_en else obj.body,
        },
    )


def sources(request: HttpRequest) -> HttpResponse:
    return render(request, "core/sources.html")
