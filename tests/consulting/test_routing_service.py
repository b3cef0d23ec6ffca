"""Requests are routed to the fitting centre with fewest open cases; counters follow every move."""

import pytest

from tests.consulting.conftest import ask, make_centre
from tests.factories import UserFactory
from wandelwerk.consulting.models import CaseChange, CompetenceCentre, ConsultingRequest
from wandelwerk.consulting.services import ConsultingError, request_advance, request_create, request_reroute


def counter(centre):
    return CompetenceCentre.objects.get(pk=centre.pk).open_cases


@pytest.mark.django_db
def test_request_goes_to_the_centre_with_its_topic_covering_its_county(geo, topics):
    # given an energy centre and a mobility centre for Zwickau's county, and an energy centre for Görlitz
    energy, mobility = topics["energie-klimaschutz"], topics["mobilitaet"]
    right = make_centre(geo["zwickau_lk"], energy, name="Energie Zwickau")
    make_centre(geo["zwickau_lk"], mobility, name="Mobilität Zwickau")
    make_centre(geo["goerlitz_lk"], energy, name="Energie Görlitz")
    # when someone in Crimmitschau asks about energy
    case = ask(UserFactory(), energy, geo["crimmitschau"])
    # then the energy centre of Zwickau's county has it, assigned, with one open case and a recorded change
    assert (case.status, case.centre_id) == ("assigned", right.pk)
    assert counter(right) == 1
    change = CaseChange.objects.get(case=case)
    assert (change.from_status, change.to_status, change.to_centre_id, change.changed_by) == (
        "new",
        "assigned",
        right.pk,
        None,
    )


@pytest.mark.django_db
def test_a_state_level_centre_covers_the_municipalities_of_the_state(geo, topics):
    energy = topics["energie-klimaschutz"]
    state_centre = make_centre(geo["sn"], energy, name="Energie Sachsen")
    assert ask(UserFactory(), energy, geo["zittau"]).centre_id == state_centre.pk


@pytest.mark.django_db
def test_the_centre_with_fewest_open_cases_gets_the_next_request(geo, topics):
    # given a state centre with two open cases and a county centre with one
    energy = topics["energie-klimaschutz"]
    busy = make_centre(geo["sn"], energy, name="Sachsen", capacity=10)
    calm = make_centre(geo["zwickau_lk"], energy, name="Zwickau", capacity=10)
    CompetenceCentre.objects.filter(pk=busy.pk).update(open_cases=2)
    CompetenceCentre.objects.filter(pk=calm.pk).update(open_cases=1)
    # when two requests come in
    first = ask(UserFactory(), energy, geo["zwickau"])
    second = ask(UserFactory(), energy, geo["zwickau"])
    # then the calmer one gets the first; at 2 : 2 with equal room the lower id (busy) gets the second
    assert first.centre_id == calm.pk
    assert second.centre_id == busy.pk
    assert (counter(busy), counter(calm)) == (3, 2)


@pytest.mark.django_db
def test_ties_go_to_most_free_capacity_then_lowest_id(geo, topics):
    energy = topics["energie-klimaschutz"]
    small = make_centre(geo["zwickau_lk"], energy, name="Klein", capacity=3)
    big = make_centre(geo["zwickau_lk"], energy, name="Groß", capacity=8)
    twin = make_centre(geo["zwickau_lk"], energy, name="Zwilling", capacity=8)
    assert ask(UserFactory(), energy, geo["zwickau"]).centre_id == big.pk
    # now big has 1 open case: twin (0 open) wins; then small vs big vs twin all differ again
    assert ask(UserFactory(), energy, geo["zwickau"]).centre_id == twin.pk
    assert ask(UserFactory(), energy, geo["zwickau"]).centre_id == small.pk


@pytest.mark.django_db
def test_a_full_centre_is_skipped_and_without_any_fitting_centre_the_request_stays_new(geo, topics):
    energy, education = topics["energie-klimaschutz"], topics["bildung-kultur"]
    full = make_centre(geo["zwickau_lk"], energy, name="Voll", capacity=1)
    assert ask(UserFactory(), energy, geo["zwickau"]).centre_id == full.pk
    # when the only centre is full, or no centre advises on the topic
    overflow = ask(UserFactory(), energy, geo["zwickau"])
    other_topic = ask(UserFactory(), education, geo["zwickau"])
    # then both wait for the coordinators
    assert (overflow.status, overflow.centre_id) == ("new", None)
    assert (other_topic.status, other_topic.centre_id) == ("new", None)
    assert counter(full) == 1


@pytest.mark.django_db
def test_inactive_centres_get_no_requests(geo, topics):
    energy = topics["energie-klimaschutz"]
    centre = make_centre(geo["zwickau_lk"], energy)
    CompetenceCentre.objects.filter(pk=centre.pk).update(is_active=False)
    assert ask(UserFactory(), energy, geo["zwickau"]).status == "new"


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"title": "  "}, "title"),
        ({"description": ""}, "description"),
        ({"topic": None}, "topic"),
        ({"area": "county"}, "place"),
        ({"urgency": "sofort"}, "urgency"),
        ({"title": "x" * 201}, "title"),
        ({"on_behalf_of": "foreign"}, "on_behalf_of"),
    ],
)
def test_bad_input_names_the_field_and_writes_nothing(geo, topics, change, field):
    from tests.factories import make_actor

    user = UserFactory()
    make_centre(geo["zwickau_lk"], topics["energie-klimaschutz"])
    args = {
        "user": user,
        "topic": topics["energie-klimaschutz"],
        "area": geo["zwickau"],
        "title": "PV",
        "description": "Rat",
    }
    if change.get("area") == "county":
        change = {"area": geo["zwickau_lk"]}
    if change.get("on_behalf_of") == "foreign":
        change = {"on_behalf_of": make_actor(geo["zwickau"], name="Fremd", owner=UserFactory())}
    with pytest.raises(ConsultingError) as info:
        request_create(**{**args, **change})
    assert info.value.field == field
    assert not ConsultingRequest.objects.exists()
    assert not CaseChange.objects.exists()
    assert CompetenceCentre.objects.get().open_cases == 0


@pytest.mark.django_db
def test_statuses_move_only_forward_and_closing_needs_an_outcome(world):
    case, centre = world["case"], world["centre_a"]
    person = world["users"]["assigned_centre"]
    with pytest.raises(ConsultingError) as info:
        request_advance(case=case, user=person, to_status="closed", outcome="fertig")
    assert info.value.field == "to_status"
    request_advance(case=case, user=person, to_status="in_progress")
    with pytest.raises(ConsultingError) as info:
        request_advance(case=case, user=person, to_status="closed", outcome=" ")
    assert info.value.field == "outcome"
    assert counter(centre) == 1
    request_advance(case=case, user=person, to_status="closed", outcome="Förderantrag gestellt")
    with pytest.raises(ConsultingError):
        request_advance(case=case, user=person, to_status="in_progress")
    stored = ConsultingRequest.objects.get(pk=case.pk)
    assert (stored.status, stored.outcome) == ("closed", "Förderantrag gestellt")
    assert stored.closed_at is not None
    assert counter(centre) == 0
    history = list(CaseChange.objects.filter(case=case).values_list("from_status", "to_status", "changed_by"))
    assert history == [
        ("new", "assigned", None),
        ("assigned", "in_progress", person.pk),
        ("in_progress", "closed", person.pk),
    ]


@pytest.mark.django_db
def test_a_stale_status_change_is_refused(world):
    case = world["case"]
    stale = ConsultingRequest.objects.get(pk=case.pk)
    request_advance(case=case, user=world["users"]["adviser"], to_status="in_progress")
    with pytest.raises(ConsultingError, match="inzwischen"):
        request_advance(case=stale, user=world["users"]["adviser"], to_status="in_progress")
    assert CaseChange.objects.filter(case=case, to_status="in_progress").count() == 1


@pytest.mark.django_db
def test_rerouting_moves_the_case_and_both_counters_and_records_the_note(world, geo):
    case, a = world["case"], world["centre_a"]
    b = make_centre(geo["zwickau_lk"], world["energy"], name="Zweite Stelle Zwickau")
    coordinator = world["users"]["coordinator"]
    request_advance(case=case, user=world["users"]["adviser"], to_status="in_progress")
    request_reroute(case=case, user=coordinator, centre=b, note="Stelle A ist im Urlaub")
    stored = ConsultingRequest.objects.get(pk=case.pk)
    assert (stored.status, stored.centre_id) == ("assigned", b.pk)
    assert (counter(a), counter(b)) == (0, 1)
    change = CaseChange.objects.filter(case=case).last()
    assert (change.from_centre_id, change.to_centre_id, change.note, change.changed_by_id) == (
        a.pk,
        b.pk,
        "Stelle A ist im Urlaub",
        coordinator.pk,
    )


@pytest.mark.django_db
def test_rerouting_needs_a_note_a_different_centre_and_room(world, geo):
    case, a = world["case"], world["centre_a"]
    full = make_centre(geo["zwickau_lk"], world["energy"], name="Voll", capacity=1)
    CompetenceCentre.objects.filter(pk=full.pk).update(open_cases=1)
    coordinator = world["users"]["coordinator"]
    with pytest.raises(ConsultingError) as info:
        request_reroute(case=case, user=coordinator, centre=full, note="")
    assert info.value.field == "note"
    with pytest.raises(ConsultingError) as info:
        request_reroute(case=case, user=coordinator, centre=a, note="zurück")
    assert info.value.field == "centre"
    with pytest.raises(ConsultingError, match="ausgelastet"):
        request_reroute(case=case, user=coordinator, centre=full, note="bitte übernehmen")
    assert ConsultingRequest.objects.get(pk=case.pk).centre_id == a.pk
    assert (counter(a), counter(full)) == (1, 1)


@pytest.mark.django_db
def test_an_unassigned_request_is_assigned_by_rerouting(geo, topics):
    energy = topics["energie-klimaschutz"]
    case = ask(UserFactory(), energy, geo["zwickau"])
    assert case.status == "new"
    centre = make_centre(geo["zwickau_lk"], energy)
    request_reroute(case=case, user=UserFactory(is_staff=True), centre=centre, note="neu eingetragen")
    assert ConsultingRequest.objects.get(pk=case.pk).status == "assigned"
    assert counter(centre) == 1
