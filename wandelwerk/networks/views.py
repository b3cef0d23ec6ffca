from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from wandelwerk.actors.models import Kind, Sector
from wandelwerk.networks import selectors


def network_list(request: HttpRequest) -> HttpResponse:
    networks = list(selectors.network_list())
    roots = [n for n in networks if n.parent_id is None]
    children: dict[int, list] = {}
    for n in networks:
        if n.parent_id is not None:
            children.setdefault(n.parent_id, []).append(n)
    return render(request, "networks/list.html", {"tree": [(n, children.get(n.pk, [])) for n in roots]})


def network_detail(request: HttpRequest, slug: str) -> HttpResponse:
    network = selectors.network_get(slug=slug)
    if network is None:
        raise Http404
    stats = selectors.network_stats(network=network, user=request.user)
    kinds = dict(Kind.choices)
    sectors = dict(Sector.choices)
    children = [(c, selectors.network_stats(network=c, user=request.user)) for c in network.children.all()]
    from wandelwerk.projects.selectors import ProjectQuery, project_filter

    projects = project_filter(user=request.user, query=ProjectQuery(network=network.slug))
    return render(
        request,
        "networks/detail.html",
        {
            "network": network,
            "stats": stats,
            "by_kind": [(kinds.get(k, k), n) for k, n in stats["by_kind"].most_common()],
            "by_sector": [(sectors.get(k, k), n) for k, n in stats["by_sector"].most_common()],
            "children": children,
            "projects": projects.select_related("area")[:10],
            "project_count": projects.count(),
            "can_change": request.user.has_perm("networks.change_network", network),
            "can_see_introductions": request.user.has_perm("recommendations.see_introductions", network),
        },
    )
