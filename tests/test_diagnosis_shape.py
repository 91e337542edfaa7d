"""The diagnosis of the network's shape: sentences, formulas, silence until enough is answered."""

from __future__ import annotations

from itertools import combinations

from reseau.acquaintances import Acquaintance, IntroducedBy, Introduction, WhoKnowsWhom
from reseau.contact import Contact
from reseau.diagnosis import Finding, Severity, diagnose, shape_findings
from reseau.network import Network
from reseau.scoring import DEFAULT_SETTINGS, Score, score_network
from reseau.vocabulary import Circle, Quadrant, Role
from tests.conftest import TODAY

KNOW = Acquaintance.KNOW
STRANGERS = Acquaintance.STRANGERS


def _support(names: str) -> tuple[Contact, ...]:
    return tuple(
        Contact(first_name=name, circle=Circle.SUPPORT, role=Role.FORMER_COLLEAGUE, id=name)
        for name in names
    )


def _links(pairs) -> WhoKnowsWhom:
    links = WhoKnowsWhom()
    for (a, b), state in pairs.items():
        links = links.with_pair(a, b, state)
    return links


def _shape(network: Network, links: WhoKnowsWhom, scores=None) -> list[Finding]:
    return shape_findings(network, links, scores or {}, DEFAULT_SETTINGS)


def _one(findings: list[Finding], code: str) -> Finding:
    found = [f for f in findings if f.code == code]
    assert len(found) == 1, [f.code for f in findings]
    return found[0]


def test_a_participant_who_answered_nothing_sees_no_shape_finding():
    network = Network(_support("ABCDEF"))

    with_links = diagnose(network, score_network(network), DEFAULT_SETTINGS, TODAY, WhoKnowsWhom())

    assert with_links == diagnose(network, score_network(network), DEFAULT_SETTINGS, TODAY)
    assert not [f for f in with_links if f.code.startswith("shape.")]


def test_a_few_answered_pairs_only_say_how_many_more_are_needed():
    network = Network(_support("ABCD"))
    links = _links({("A", "B"): KNOW, ("A", "C"): KNOW, ("B", "C"): STRANGERS})

    findings = _shape(network, links)

    assert [f.code for f in findings] == ["shape.too_few"]
    assert findings[0].message("fr") == (
        "Vous avez dit pour 3 paires de contacts s'ils se connaissent : la forme de votre "
        "réseau se mesure à partir de 5 paires renseignées."
    )
    assert findings[0].severity is Severity.INFO


def test_four_of_six_support_contacts_who_all_know_each_other_bring_the_same_news():
    network = Network(_support("ABCDEF"))
    pairs = {pair: KNOW for pair in combinations("ABCD", 2)}
    pairs.update({("A", "E"): STRANGERS, ("E", "F"): STRANGERS})

    finding = _one(_shape(network, _links(pairs)), "shape.closed_group")

    assert finding.message("fr") == (
        "4 de vos 6 contacts du Réseau de soutien se connaissent tous : "
        "ils vous apportent les mêmes nouvelles (A, B, C, D)."
    )
    assert finding.formula("fr") == (
        "Densité du Réseau de soutien = paires qui se connaissent ÷ paires renseignées "
        "= 6 ÷ 8 = 75 % (les paires sans réponse ne comptent pas)."
    )
    assert finding.message("en").startswith("4 of your 6 contacts in the Support network")
    assert finding.contact_ids == ("A", "B", "C", "D")
    assert finding.advice("fr")


def test_a_small_closed_corner_of_a_big_circle_is_not_pointed_out():
    network = Network(_support("ABCDEFGH"))
    pairs = {pair: KNOW for pair in combinations("ABC", 2)}
    pairs.update({("D", "E"): STRANGERS, ("F", "G"): STRANGERS, ("G", "H"): STRANGERS})

    codes = [f.code for f in _shape(network, _links(pairs))]

    assert "shape.closed_group" not in codes
    assert "shape.effective_size" in codes


def test_the_effective_size_shows_borgattis_formula_with_the_numbers():
    network = Network(_support("ABCDEFG"))
    pairs = {pair: KNOW for pair in combinations("ABCG", 2)}
    pairs.update({pair: KNOW for pair in combinations("DEFG", 2)})

    finding = _one(_shape(network, _links(pairs)), "shape.effective_size")

    assert finding.message("fr") == (
        "Parmi les 7 contacts dont vous avez dit qui ils connaissent, votre réseau vaut 3,6 "
        "contacts qui ne se recoupent pas (taille effective), soit une efficacité de 51 %."
    )
    assert finding.formula("fr").startswith(
        "Taille effective (Burt, sous la forme de Borgatti) = n − 2 t ÷ n = 7 − 2 × 12 ÷ 7 "
        "= 3,57 ; efficacité = 3,57 ÷ 7 = 51 %"
    )
    assert "Calculé sur 12 des 21 paires possibles" in finding.formula("fr")


def test_the_one_person_joining_two_groups_is_named_as_the_bridge():
    network = Network(_support("ABCDEFG"))
    pairs = {pair: KNOW for pair in combinations("ABCG", 2)}
    pairs.update({pair: KNOW for pair in combinations("DEFG", 2)})

    finding = _one(_shape(network, _links(pairs)), "shape.bridge")

    assert finding.message("fr") == (
        "G est le seul lien connu entre (A, B, C) et (D, E, F) : sans cette personne, "
        "ces groupes ne se connaîtraient pas, d'après vos réponses."
    )
    assert finding.formula("fr") == (
        "Point d'articulation du graphe de vos contacts : sans G, les contacts liés à cette "
        "personne se séparent en 2 groupes."
    )
    assert finding.contact_ids == ("G",)


def test_high_potential_contacts_who_do_not_know_each_other_are_pairs_to_introduce():
    network = Network(_support("ABCDE"))
    pairs = {("A", "B"): STRANGERS, ("C", "D"): KNOW, ("D", "E"): KNOW, ("A", "E"): STRANGERS}
    pairs[("B", "C")] = STRANGERS
    scores = {
        cid: Score(cid, 20.0, p, Quadrant.DEVELOP if p >= 50 else Quadrant.WATCH, None)
        for cid, p in {"A": 90, "B": 80, "C": 10, "D": 10, "E": 10}.items()
    }

    finding = _one(_shape(network, _links(pairs), scores), "shape.introduce")

    assert finding.message("fr") == "Deux contacts à fort potentiel ne se connaissent pas : A et B."
    assert "potentiel d'au moins 50 sur 100" in finding.formula("fr")


def _introduced(network: Network, selves: int) -> WhoKnowsWhom:
    links = WhoKnowsWhom()
    for index, contact in enumerate(network):
        by = IntroducedBy.SELF if index < selves else IntroducedBy.EVENT
        links = links.with_introduction(contact.id, Introduction(by))
    return links


def test_a_network_met_mostly_without_introductions_gets_the_classic_warning():
    network = Network(_support("ABCDE"))

    finding = _one(_shape(network, _introduced(network, 4)), "shape.self_introduced_high")

    assert finding.severity is Severity.MEDIUM
    assert finding.message("fr").startswith(
        "80 % des contacts dont vous avez dit qui vous les a présentés (4 sur 5), vous les "
        "avez rencontrés sans l'aide de personne : au-delà de 65 %"
    )
    assert finding.formula("fr").startswith(
        "Part des contacts rencontrés par vous-même = 4 ÷ 5 = 80 %"
    )


def test_a_share_under_the_warning_is_only_information_and_too_few_answers_say_nothing():
    network = Network(_support("ABCDE"))

    low = _shape(network, _introduced(network, 3))
    few = _shape(Network(_support("ABCD")), _introduced(Network(_support("ABCD")), 4))

    assert [(f.code, f.severity) for f in low] == [("shape.self_introduced_low", Severity.INFO)]
    assert few == []


def test_contacts_mostly_from_one_organisation_are_pointed_out_with_the_index():
    contacts = tuple(
        Contact(first_name=name, company="Acme" if name in "ABCD" else "Globex", id=name)
        for name in "ABCDE"
    )
    pairs = {pair: STRANGERS for pair in combinations("ABCDE", 2)}

    finding = _one(_shape(Network(contacts), _links(pairs)), "shape.diversity")

    assert finding.message("fr") == (
        "80 % de vos contacts dont l'organisation est renseignée sont chez Acme (4 sur 5)."
    )
    # 1 − (0,8² + 0,2²) = 0,32, over 1 − 1/5 = 0,8.
    assert finding.formula("fr").startswith(
        "Indice de variation qualitative = (1 − Σ pᵢ²) ÷ (1 − 1 ÷ K) = 0,40"
    )


def test_names_in_shape_sentences_are_escaped_for_the_screen():
    network = Network(
        tuple(
            Contact(first_name=f"*{n}*", circle=Circle.SUPPORT, role=Role.FORMER_COLLEAGUE, id=n)
            for n in "ABCD"
        )
    )
    pairs = {pair: KNOW for pair in combinations("ABCD", 2)}

    finding = _one(_shape(network, _links(pairs)), "shape.closed_group")

    assert "(\\*A\\*" in finding.message("fr", lambda s: s.replace("*", "\\*"))


def test_the_method_in_plain_words_states_the_shape_formulas_and_thresholds():
    from reseau.explain import method_description

    section = method_description(DEFAULT_SETTINGS, "fr")[-1]

    assert section.title == "Forme du réseau : qui connaît qui"
    text = "\n".join(section.lines)
    assert "n − 2 t ÷ n" in text
    assert "à partir de 5 paires renseignées" in text
    assert "alerte au-delà de 65 %, à partir de 5 présentations renseignées" in text


def test_an_organisation_typed_like_markdown_is_escaped_in_the_diversity_sentence():
    contacts = tuple(
        Contact(first_name=name, company="**Acme**" if name in "ABCD" else "Globex", id=name)
        for name in "ABCDE"
    )
    pairs = {pair: STRANGERS for pair in combinations("ABCDE", 2)}

    finding = _one(_shape(Network(contacts), _links(pairs)), "shape.diversity")

    shown = finding.message("fr", lambda s: s.replace("*", "\\*"))
    assert "chez \\*\\*Acme\\*\\* (4 sur 5)" in shown
