"""Suggested first actions come from an editable catalogue, by quadrant and role."""

from datetime import timedelta

import pytest

from reseau.contact import Contact
from reseau.i18n import Lang, catalogue, t
from reseau.suggestions import SUGGESTED_DELAY_DAYS, suggest, suggestion_key
from reseau.vocabulary import ActionStatus, Circle, Quadrant, Role
from tests.conftest import TODAY


def test_a_sponsor_to_develop_gets_the_30_minute_update():
    sponsor = Contact(first_name="Marc", circle=Circle.SUPPORT, role=Role.SPONSOR)

    suggestion = suggest(sponsor, Quadrant.DEVELOP, Lang.FR, TODAY)

    assert suggestion.text == "Proposer un point de 30 minutes sur l'avancement de la mission"
    assert suggestion.key == "suggestion.develop.sponsor"
    assert suggestion.due == TODAY + timedelta(days=SUGGESTED_DELAY_DAYS[Quadrant.DEVELOP])


def test_the_same_suggestion_reads_in_english():
    sponsor = Contact(first_name="Marc", circle=Circle.SUPPORT, role=Role.SPONSOR)

    assert suggest(sponsor, Quadrant.DEVELOP, Lang.EN, TODAY).text == (
        "Propose a 30-minute update on the mission's progress"
    )


def test_a_role_of_ones_own_falls_back_to_the_quadrants_default():
    other = Contact(first_name="Ana", circle=Circle.SUPPORT, role=Role.OTHER, role_other="Coach")

    assert suggestion_key(Quadrant.MOBILISE, other.role) == "suggestion.mobilise.default"


def test_a_contact_not_qualified_gets_the_unqualified_suggestion():
    unsorted = Contact(first_name="Amélie")

    suggestion = suggest(unsorted, None, Lang.FR, TODAY)

    assert suggestion.key == "suggestion.none.default"
    assert suggestion.text == t("suggestion.none.default", Lang.FR)


@pytest.mark.parametrize("quadrant", list(Quadrant))
@pytest.mark.parametrize("role", [r for r in Role if r is not Role.OTHER])
def test_every_quadrant_and_method_role_has_its_own_line_in_both_languages(quadrant, role):
    key = f"suggestion.{quadrant.value}.{role.value}"

    assert key in catalogue(Lang.FR) and key in catalogue(Lang.EN)


def test_accepting_a_suggestion_sets_text_due_date_and_status_to_do():
    contact = Contact(first_name="Jean", circle=Circle.OPERATIONAL, role=Role.BENEFICIARY)
    suggestion = suggest(contact, Quadrant.WATCH, Lang.FR, TODAY)

    changes = suggestion.changes()

    assert changes == {
        "action_text": suggestion.text,
        "action_due": TODAY + timedelta(days=60),
        "action_status": ActionStatus.TODO,
    }


def test_a_rewritten_suggestion_keeps_the_participants_words():
    contact = Contact(first_name="Jean", circle=Circle.OPERATIONAL, role=Role.BENEFICIARY)
    suggestion = suggest(contact, Quadrant.WATCH, Lang.FR, TODAY)

    changes = suggestion.changes("  L'appeler lundi  ")

    assert changes["action_text"] == "L'appeler lundi"


def test_a_blank_rewrite_keeps_the_suggestion():
    contact = Contact(first_name="Jean")
    suggestion = suggest(contact, None, Lang.FR, TODAY)

    assert suggestion.changes("   ")["action_text"] == suggestion.text
