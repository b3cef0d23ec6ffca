"""Who may declare and change an actor's flows: owner, coordinators of a covering network, staff."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from tests.circular.factories import make_flow
from wandelwerk.circular.models import FlowStatus
from wandelwerk.circular.services import FlowData, flow_close, flow_create

pytestmark = pytest.mark.django_db


def _data():
    return FlowData(direction="output", material="wood", title="Restholz", quantity=3, unit="t")


@pytest.mark.parametrize(
    ("who", "allowed"),
    [
        ("owner", True),
        ("coordinator", True),
        ("staff", True),
        ("other_coordinator", False),
        ("stranger", False),
    ],
)
def test_who_may_create_a_flow_for_an_actor(world, who, allowed):
    user = world[who]
    if allowed:
        assert flow_create(actor=world["carpenter"], data=_data(), user=user).pk
    else:
        with pytest.raises(PermissionDenied):
            flow_create(actor=world["carpenter"], data=_data(), user=user)


def test_anonymous_cannot_create_through_the_service(world):
    with pytest.raises(PermissionDenied):
        flow_create(actor=world["carpenter"], data=_data(), user=AnonymousUser())


def test_coordinator_of_another_network_cannot_close_a_flow(world):
    flow = make_flow(world["carpenter"])
    with pytest.raises(PermissionDenied):
        flow_close(flow=flow, user=world["other_coordinator"])
    flow.refresh_from_db()
    assert flow.status == FlowStatus.ACTIVE


@pytest.mark.parametrize(("who", "status"), [("owner", 200), ("coordinator", 200), ("stranger", 403)])
def test_edit_page_answers_by_role(world, login, who, status):
    flow = make_flow(world["carpenter"])
    response = login(world[who]).get(reverse("circular:edit", kwargs={"pk": flow.pk}))
    assert response.status_code == status


def test_anonymous_is_sent_to_login_for_forms(client, world):
    flow = make_flow(world["carpenter"])
    for url in (reverse("circular:create"), reverse("circular:edit", kwargs={"pk": flow.pk})):
        response = client.get(url)
        assert response.status_code == 302
        assert "/konto/" in response["Location"]


def test_close_by_post_only_for_managers(world, login):
    flow = make_flow(world["carpenter"])
    url = reverse("circular:close", kwargs={"pk": flow.pk})
    assert login(world["stranger"]).post(url).status_code == 403
    assert login(world["owner"]).get(url).status_code == 405
    assert login(world["owner"]).post(url).status_code == 302
    flow.refresh_from_db()
    assert flow.status == FlowStatus.CLOSED


@pytest.mark.parametrize(("who", "status"), [("coordinator", 302), ("staff", 302), ("owner", 403)])
def test_matching_run_can_be_started_by_coordinators_and_staff(world, login, who, status):
    response = login(world[who]).post(reverse("circular:run"), {"next": "https://evil.example/"})
    assert response.status_code == status
    if status == 302:
        assert response["Location"] == reverse("circular:board")
