import re
from datetime import timedelta

from hypothesis import given
from hypothesis import strategies as st

from reseau.contact import Contact
from reseau.explain import (
    explain_potential,
    explain_quadrant,
    explain_rank,
    explain_strength,
    method_description,
    number,
    strength_terms,
)
from reseau.i18n import Lang
from reseau.network import Network
from reseau.scoring import (
    DEFAULT_SETTINGS,
    ScoringSettings,
    in_priority_order,
    score_network,
    strength,
)
from reseau.vocabulary import Circle, ContactResult, Reciprocity, Role
from tests.conftest import TODAY


def _sponsor(name: str = "Ana", **fields) -> Contact:
    values = dict(frequency=2, trust=2, added_value=5, interest=4, power=5)
    values.update(fields)
    return Contact(first_name=name, circle=Circle.SUPPORT, role=Role.SPONSOR, **values)


def test_the_strength_formula_shows_each_weight_and_level_and_its_result():
    contact = _sponsor(
        reciprocity=Reciprocity.NO_EXCHANGE,
        last_contact_result=ContactResult.NEUTRAL,
        last_contact_date=TODAY - timedelta(days=260),
    )

    lines = explain_strength(contact, DEFAULT_SETTINGS, TODAY, Lang.FR)

    assert lines[0] == "Fréquence : 2 sur 5 (Une ou deux fois par an) → niveau 25 %, poids 30."
    assert "il y a 260 jours" in lines[3]
    assert lines[-1] == (
        "Force de la relation = (30 × 0,25 + 35 × 0,25 + 15 × 0 + 10 × 0,25 + 10 × 0,50)"
        " ÷ (30 + 35 + 15 + 10 + 10) × 100 = 24 sur 100."
    )


def test_a_missing_criterion_is_said_to_be_left_out_not_counted_as_zero():
    lines = explain_strength(_sponsor(), DEFAULT_SETTINGS, TODAY, Lang.EN)

    assert lines[2] == (
        "Reciprocity: not filled in, left out (its weight does not count; it is not zero)."
    )
    assert lines[-1].endswith("÷ (30 + 35) × 100 = 25 out of 100.")


def test_a_score_that_cannot_be_computed_names_what_is_missing():
    contact = Contact(first_name="Ana", frequency=3)

    strength_lines = explain_strength(contact, DEFAULT_SETTINGS, TODAY, Lang.FR)
    potential_lines = explain_potential(contact, DEFAULT_SETTINGS, Lang.FR)

    assert strength_lines[-1] == (
        "Force de la relation : pas encore calculable, il manque Intensité / confiance."
    )
    assert potential_lines[-1] == (
        "Potentiel pour la mission : pas encore calculable, il manque "
        "Valeur ajoutée, Intérêt, Pouvoir d'agir."
    )


def test_the_explanation_uses_the_trainers_weights():
    settings = ScoringSettings(potential_weights={"added_value": 2, "interest": 1, "power": 1})

    lines = explain_potential(_sponsor(), settings, Lang.EN)

    assert lines[-1] == (
        "Mission potential = (2 × 1 + 1 × 0.75 + 1 × 1) ÷ (2 + 1 + 1) × 100 = 94 out of 100."
    )


def test_the_quadrant_is_explained_by_both_scores_against_their_thresholds():
    network = Network((_sponsor(),))
    score = score_network(network, DEFAULT_SETTINGS, TODAY)[network.ids[0]]

    text = explain_quadrant(score, DEFAULT_SETTINGS, Lang.FR)

    assert text.startswith(
        "Potentiel 92 ≥ seuil 50 : potentiel fort. Force 25 < seuil 50 : relation faible. "
        "D'où le quadrant « Développer »"
    )


def test_priority_one_is_explained_by_quadrant_order_and_its_neighbour(demo):
    scores = score_network(demo, DEFAULT_SETTINGS, TODAY)
    first, second = in_priority_order(demo, scores)[:2]

    lines = explain_rank(first, demo, scores, Lang.EN)

    assert lines[0] == "Priority 1 of 29 sorted and qualified contacts."
    assert "“Develop” comes in position 1 of 4." in lines[1]
    assert lines[-1].startswith(f"It comes just before {second.display_name} (")
    assert not any(line.startswith("It comes just after") for line in lines)


def test_an_unranked_contact_says_what_it_still_needs():
    half = Contact(first_name="Ana", circle=Circle.SUPPORT, role=Role.SPONSOR, frequency=2)
    loose = Contact(first_name="Ben")
    network = Network((half, loose))
    scores = score_network(network, DEFAULT_SETTINGS, TODAY)

    assert explain_rank(half, network, scores, Lang.FR) == [
        "Pas encore de priorité : il manque Intensité / confiance, Valeur ajoutée, Intérêt, "
        "Pouvoir d'agir."
    ]
    assert explain_rank(loose, network, scores, Lang.EN) == [
        "No priority yet: first place this contact in a circle and a role."
    ]


def test_the_method_description_states_the_current_weights_and_thresholds():
    settings = ScoringSettings(potential_threshold=60.0, cold_after_days=200)

    sections = method_description(settings, Lang.FR)
    text = "\n".join(line for section in sections for line in section.lines)

    assert [s.title for s in sections][:3] == [
        "Force de la relation",
        "Potentiel pour la mission",
        "Les quatre quadrants",
    ]
    assert (
        "Poids : Valeur ajoutée 40 (40 %) ; Intérêt 30 (30 %) ; Pouvoir d'agir 30 (30 %)." in text
    )
    assert "Le potentiel est fort à partir de 60 sur 100" in text
    assert "plus de 200 jours" in text


def test_the_method_description_is_complete_in_english():
    for section in method_description(DEFAULT_SETTINGS, Lang.EN):
        assert section.title and section.lines
        assert not any("{" in line for line in section.lines)


def test_numbers_are_written_the_participants_way():
    assert number(62.5, Lang.FR, 1) == "62,5"
    assert number(62.5, Lang.EN, 1) == "62.5"
    assert number(30.0, Lang.FR, 1) == "30"


_marks = st.integers(1, 5)


@given(_marks, _marks, _marks, _marks, _marks, st.sampled_from([None, *Reciprocity]))
def test_the_formula_shown_gives_the_score_scoring_computes(freq, trust, av, interest, power, rec):
    contact = _sponsor(
        frequency=freq, trust=trust, added_value=av, interest=interest, power=power, reciprocity=rec
    )

    shown = explain_strength(contact, DEFAULT_SETTINGS, TODAY, Lang.EN)[-1]
    products, weights = re.match(r".*= \((.*)\) ÷ \((.*)\) × 100", shown).groups()
    recomputed = (
        100
        * sum(float(a) * float(b) for a, b in (p.split(" × ") for p in products.split(" + ")))
        / sum(float(w) for w in weights.split(" + "))
    )

    assert round(recomputed) == round(strength(contact, DEFAULT_SETTINGS, TODAY))
    assert shown.endswith(
        f"= {number(strength(contact, DEFAULT_SETTINGS, TODAY), 'en')} out of 100."
    )


def test_terms_carry_the_weights_of_the_settings():
    terms = strength_terms(_sponsor(), DEFAULT_SETTINGS, TODAY)

    assert [(t.criterion, t.weight, t.counted) for t in terms] == [
        ("frequency", 30.0, True),
        ("trust", 35.0, True),
        ("reciprocity", 15.0, False),
        ("recency", 10.0, False),
        ("result", 10.0, False),
    ]
