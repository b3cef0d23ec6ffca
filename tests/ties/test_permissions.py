"""Who may record, change, delete and import ties, and who sees members-only actors on network pages."""

from __future__ import annotations

import pytest
from django.urls import reverse

from wandelwerk.ties.models import Tie, TieKind
from wandelwerk.ties.rules import may_record_tie
from wandelwerk.ties.services import tie_create

CREATE_EXPECTED = {
    "anonymous": 302,  # to the login
    "stranger": 403,
    "member_a": 403,
    "owner": 200,
    "coord_a": 200,
    "coord_b": 403,
    "staff": 200,
}


@pytest.mark.parametrize(("who", "status"), CREATE_EXPECTED.items())
def test_record_form_answers_per_role(world, client_for, who, status):
    url = reverse("ties:create") + "?from=umweltverein-zwickau"
    assert client_for(world["users"][who]).get(url).status_code == status


def test_owner_records_a_tie_from_their_actor_through_the_form(world, client_for):
    client = client_for(world["users"]["owner"])
    url = reverse("ties:create") + "?from=umweltverein-zwickau"
    response = client.post(
        url, {"target": "stadtverwaltung-zwickau", "kind": "funding", "direction": "in", "weight": "1"}
    )
    assert response.status_code == 302
    tie = Tie.objects.get()
    assert (tie.source.slug, tie.target.slug, tie.kind) == (
        "stadtverwaltung-zwickau",
        "umweltverein-zwickau",
        "funding",
    )


def test_form_names_an_unknown_other_actor_and_writes_nothing(world, client_for):
    client = client_for(world["users"]["owner"])
    url = reverse("ties:create") + "?from=umweltverein-zwickau"
    response = client.post(
        url, {"target": "gibt-es-nicht", "kind": "cooperation", "direction": "out", "weight": "1"}
    )
    assert response.status_code == 400
    assert "gibt-es-nicht" in response.content.decode()
    assert not Tie.objects.exists()


def test_owner_cannot_tie_to_an_actor_they_cannot_see(world):
    a, users = world["actors"], world["users"]
    assert may_record_tie(users["owner"], a["verein"], a["stadt"])
    assert not may_record_tie(users["owner"], a["verein"], a["intern"])  # members-only, not their network
    assert may_record_tie(users["coord_a"], a["stadt"], a["intern"])
    assert not may_record_tie(users["coord_b"], a["stadt"], a["hof"])
    assert may_record_tie(users["coord_b"], a["zittau"], a["stadt"])  # their end is in B's area


CHANGE_EXPECTED = {
    "stranger": False,
    "member_a": False,
    "owner": True,
    "coord_a": True,
    "coord_b": False,
    "staff": True,
}


@pytest.mark.parametrize(("who", "allowed"), CHANGE_EXPECTED.items())
def test_change_and_delete_per_role_and_b_never_changes_a(world, client_for, who, allowed):
    a = world["actors"]
    tie = tie_create(source=a["verein"], target=a["stadt"], kind=TieKind.COOPERATION)
    client = client_for(world["users"][who])
    response = client.post(reverse("ties:delete", args=[tie.pk]))
    assert Tie.objects.filter(pk=tie.pk).exists() is not allowed
    assert response.status_code == (302 if allowed else 403)


@pytest.mark.parametrize(
    ("who", "status"), [("anonymous", 302), ("owner", 403), ("coord_b", 200), ("staff", 200)]
)
def test_import_page_is_for_coordinators_and_staff(world, client_for, who, status):
    assert client_for(world["users"][who]).get(reverse("ties:import")).status_code == status


def test_members_only_actors_are_counted_for_the_coordinator_only(world, client_for):
    url = reverse("ties:network", args=["netz-a"])
    public = client_for(None).get(url)
    assert public.context["a"].actors == 4 and not public.context["members"]
    member = client_for(world["users"]["member_a"]).get(url)
    assert member.context["a"].actors == 4
    client_for(world["users"]["coord_a"])
    coordinator = client_for(world["users"]["coord_a"]).get(url)
    assert coordinator.context["a"].actors == 5 and coordinator.context["a"].members_only == 1
    assert "Interner Kreis" in coordinator.content.decode()
    assert "Interner Kreis" not in public.content.decode()
