from reseau.scoring import ScoringSettings
from reseau.serialization import workbook_from_json, workbook_to_json
from reseau.vocabulary import Circle
from reseau.workbook import Workbook


def test_a_workbook_comes_back_from_json_exactly(demo):
    settings = ScoringSettings(strength_threshold=60)
    network = demo.with_marks(Circle.SUPPORT, {"trust": 4, "reach": 2})
    workbook = Workbook(network=network, settings=settings, cursor=demo.ids[3])

    restored = workbook_from_json(workbook_to_json(workbook))

    assert restored == workbook
    assert restored.network.get(demo.ids[0]) == demo.get(demo.ids[0])
