"""The network structure of an area (state, county, municipality), not only of a network."""

from __future__ import annotations

import pytest

from wandelwerk.ties.models import Tie, TieKind

pytestmark = pytest.mark.django_db


def _tie(a, b, kind=TieKind.COOPERATION):
    return Tie.objects.create(source=a, target=b, kind=kind)


def test_county_structure_counts_its_public_actors_and_names_the_unconnected(client_for, world):
    # given a tie between two actors in Zwickau county and one across to Görlitz county
    actors = world["actors"]
    _tie(actors["stadt"], actors["verein"])
    _tie(actors["hof"], actors["zittau"])
    # when anyone opens the county's structure page
    response = client_for(None).get("/analyse/beziehungen/gebiet/14524/")
    # then it counts the 4 public actors of the county and the 1 tie inside it
    assert response.status_code == 200
    html = response.content.decode()
    assert "Netzwerkstruktur: Zwickau" in html
    assert '<dd id="fig-actors">4</dd>' in html and '<dd id="fig-ties">1</dd>' in html
    assert '<dd id="fig-isolated">2</dd>' in html
    assert "Interner Kreis" not in html
    assert "in diesem Gebiet" in html and 'href="/regionen/14524/"' in html
    # and the graph of the area has the same nodes
    graph = client_for(None).get("/analyse/beziehungen/gebiet/14524/graph.json").json()
    assert sorted(n["name"] for n in graph["nodes"]) == sorted(
        ["Stadtverwaltung Zwickau", "Umweltverein Zwickau", "Biohof Crimmitschau", "Dorfladen Crimmitschau"]
    )


def test_coordinator_of_a_network_over_the_county_also_counts_members_only_actors(client_for, world):
    html = client_for(world["users"]["coord_a"]).get("/analyse/beziehungen/gebiet/14524/").content.decode()
    assert '<dd id="fig-actors">5</dd>' in html and "Interner Kreis" in html
    other = client_for(world["users"]["coord_b"])
    other.logout()
    other.force_login(world["users"]["coord_b"])
    html = other.get("/analyse/beziehungen/gebiet/14524/").content.decode()
    assert '<dd id="fig-actors">4</dd>' in html and "Interner Kreis" not in html


def test_municipality_csv_and_unknown_area(client_for, world):
    response = client_for(None).get("/analyse/beziehungen/gebiet/14524060/?format=csv&table=isolierte")
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith('attachment; filename="gebiet-14524060-isolierte-')
    assert "Dorfladen Crimmitschau" in response.content.decode("utf-8-sig")
    assert client_for(None).get("/analyse/beziehungen/gebiet/99999/").status_code == 404
