import gc

from reseau import serialization
from reseau.contact import Contact
from reseau.network import Network
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


def test_a_version_1_document_is_upgraded_step_by_step_to_the_current_version():
    from reseau.serialization import FORMAT_NAME, FORMAT_VERSION, upgrade

    document = upgrade({"version": 1, "participant": "Alex"})

    assert (document["version"], document["format"]) == (FORMAT_VERSION, FORMAT_NAME)
    assert document["participant"] == "Alex"


def test_a_document_without_a_version_is_read_as_version_1():
    from reseau.serialization import FORMAT_VERSION, upgrade

    assert upgrade({"participant": "Alex"})["version"] == FORMAT_VERSION
    assert upgrade({"version": "abc"})["version"] == FORMAT_VERSION


def test_a_document_from_a_later_version_loads_what_it_knows_and_names_the_rest(demo):
    from reseau.serialization import read_workbook, workbook_to_dict

    document = {**workbook_to_dict(Workbook(network=demo)), "version": 99, "birthdays": {}}

    read = read_workbook(document)

    assert len(read.workbook.network) == len(demo)
    assert read.dropped == ("birthdays",)


def test_the_store_and_the_excel_save_file_carry_the_same_document(demo):
    from datetime import date

    from reseau.export.metadata import read_metadata
    from reseau.export.xlsx import build_xlsx
    from reseau.serialization import workbook_to_dict

    workbook = Workbook(network=demo.with_details(participant="Alex", mission="Déployer"))
    saved = read_metadata(build_xlsx(workbook, lang="fr", today=date(2026, 11, 27)))

    stored = workbook_to_dict(workbook, contacts=False)
    carried = workbook_to_dict(saved.details, contacts=False)
    assert {k: v for k, v in carried.items() if k != "cursor"} == {
        k: v for k, v in stored.items() if k != "cursor"
    }
    assert saved.dropped == ()


def test_the_stored_document_is_the_workbook_dict_in_compact_json_whatever_was_written_before():
    import json

    from reseau.demo import load_demo_network
    from reseau.serialization import workbook_to_dict, workbook_to_json

    workbook = Workbook(network=load_demo_network(), cursor="x")
    first = workbook.network.contacts[0]
    workbook_to_json(workbook)  # every contact's JSON is now kept
    changed = workbook.with_changes(
        network=workbook.network.update(first.id, notes="Rappeler « vite »")
    )

    written = workbook_to_json(changed)

    assert written == json.dumps(
        workbook_to_dict(changed), ensure_ascii=False, separators=(",", ":")
    )
    assert json.loads(written)["contacts"][0]["notes"] == "Rappeler « vite »"


def test_a_contact_s_kept_json_goes_with_the_contact_and_never_takes_a_newer_one_s():
    first = Contact(first_name="Ana", id="ana")
    workbook_to_json(Workbook(network=Network((first,))))
    key = id(first)
    assert key in serialization._WRITTEN

    del first
    gc.collect()

    assert key not in serialization._WRITTEN
    survivors = [Contact(first_name=f"N{n}", id=f"n{n}") for n in range(200)]
    document = workbook_to_json(Workbook(network=Network(tuple(survivors))))
    assert all(id(c) in serialization._WRITTEN for c in survivors)
    assert '"first_name":"N199"' in document
