import pytest

from wandelwerk.engines.stages import ALLOWED, Stage, check_transition


def test_the_happy_path_is_allowed_with_an_implementer():
    path = [Stage.IDEA, Stage.PLANNING, Stage.IMPLEMENTATION, Stage.COMPLETED]
    for current, target in zip(path, path[1:], strict=False):
        assert check_transition(current, target, reason="", has_implementer=True) is None


@pytest.mark.parametrize("current", [Stage.COMPLETED, Stage.DROPPED])
def test_final_stages_allow_nothing(current):
    for target in Stage:
        assert check_transition(current, target, reason="x", has_implementer=True) is not None


def test_skipping_planning_is_refused():
    refusal = check_transition(Stage.IDEA, Stage.IMPLEMENTATION, reason="", has_implementer=True)
    assert refusal is not None and refusal.code == "not_allowed"


def test_implementation_needs_an_implementing_partner():
    refusal = check_transition(Stage.PLANNING, Stage.IMPLEMENTATION, reason="", has_implementer=False)
    assert refusal is not None and refusal.code == "implementer_required"


@pytest.mark.parametrize("target", [Stage.PAUSED, Stage.DROPPED])
def test_pausing_and_dropping_need_a_reason(target):
    assert check_transition(Stage.IDEA, target, reason="  ", has_implementer=False).code == "reason_required"
    assert check_transition(Stage.IDEA, target, reason="Förderung fehlt", has_implementer=False) is None


def test_every_open_stage_can_be_dropped():
    assert all(Stage.DROPPED in ALLOWED[s] for s in Stage if s not in (Stage.COMPLETED, Stage.DROPPED))
