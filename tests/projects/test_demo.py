import pytest

from tests.factories import AreaFactory, UserFactory
from wandelwerk.projects.demo import demo_strategy
from wandelwerk.projects.models import Project, Stage, Strategy


@pytest.mark.django_db
def test_demo_strategy_has_projects_in_every_stage_and_is_made_once(geo):
    AreaFactory(ags="14522180", ars="145220180180", name="Freiberg, Stadt", parent=geo["zwickau_lk"])
    user = UserFactory()
    assert demo_strategy(user=user) is True
    assert demo_strategy(user=user) is False
    strategy = Strategy.objects.get()
    assert strategy.measures.count() == 12
    stages = set(Project.objects.values_list("stage", flat=True))
    assert stages == set(Stage.values)
    assert all(
        p.stage_changes.count()
        == {"idea": 0, "planning": 1, "implementation": 2, "completed": 3, "paused": 2, "dropped": 1}[p.stage]
        for p in Project.objects.all()
    )
    # every demo project has a budget and an open need; those under way have milestones and news
    for p in Project.objects.all():
        assert p.budget_eur and p.funding
        assert p.needs.filter(filled_at__isnull=True).exists()
        if p.stage in ("planning", "implementation", "completed"):
            assert p.milestones.count() == 2 and p.updates.exists()
