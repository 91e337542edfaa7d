from datetime import date

import pytest

from reseau.contact import Contact
from reseau.errors import (
    ContactHasNoName,
    RoleNotInCircle,
    RoleWithoutCircle,
    ScoreOutOfScale,
    TextTooLong,
)
from reseau.vocabulary import Circle, Role


def test_a_contact_keeps_its_identity_trimmed():
    contact = Contact(first_name="  José-María ", last_name="O'Connor-Dubois ")
    assert contact.display_name == "José-María O'Connor-Dubois"


def test_a_contact_without_any_name_is_refused():
    with pytest.raises(ContactHasNoName):
        Contact(company="Fromagerie Bellevaux")


@pytest.mark.parametrize("value", [0, 6, -1, True])
def test_a_score_outside_one_to_five_is_refused_not_clamped(value):
    with pytest.raises(ScoreOutOfScale) as problem:
        Contact(first_name="Ana", trust=value)
    assert problem.value.params["field"] == "trust"


def test_a_role_must_belong_to_the_contacts_circle():
    with pytest.raises(RoleNotInCircle):
        Contact(first_name="Ana", circle=Circle.INFORMATION, role=Role.SPONSOR)


def test_other_is_a_role_in_every_circle():
    for circle in Circle:
        assert Contact(first_name="Ana", circle=circle, role=Role.OTHER).is_sorted


def test_a_role_needs_a_circle():
    with pytest.raises(RoleWithoutCircle):
        Contact(first_name="Ana", role=Role.SPONSOR)


def test_an_enormous_note_is_refused_with_the_limit():
    with pytest.raises(TextTooLong) as problem:
        Contact(first_name="Ana", notes="x" * 10_000)
    assert problem.value.params == {"field": "notes", "limit": 5000}


def test_a_partly_qualified_contact_says_what_is_missing():
    contact = Contact(first_name="Ana", circle=Circle.SUPPORT, role=Role.SPONSOR, frequency=3)
    assert contact.missing_for_qualification == ("trust", "added_value", "interest", "power")
    assert not contact.is_qualified


def test_changing_a_contact_keeps_its_id_and_validates_again():
    contact = Contact(first_name="Ana", action_due=date(2026, 12, 1))
    changed = contact.with_changes(trust=4, id="other")
    assert changed.id == contact.id
    assert changed.trust == 4
    with pytest.raises(ScoreOutOfScale):
        contact.with_changes(trust=9)
