from datetime import timedelta

from hypothesis import given
from hypothesis import strategies as st

from reseau.contact import Contact
from reseau.diagnosis import CODES, Finding, Severity, diagnose
from reseau.i18n import Lang, has_text, t
from reseau.network import Network
from reseau.scoring import DEFAULT_SETTINGS, ScoringSettings, score_network
from reseau.vocabulary import Circle, Reciprocity, Role, roles_of
from tests.conftest import TODAY


def _diagnose(network: Network, settings: ScoringSettings = DEFAULT_SETTINGS) -> list[Finding]:
    return diagnose(network, score_network(network, settings, TODAY), settings, TODAY)


def _codes(findings: list[Finding]) -> list[str]:
    return [f.code for f in findings]


def _person(name: str, circle: Circle, role: Role, **fields) -> Contact:
    return Contact(first_name=name, circle=circle, role=role, **fields)


def _one_per_role() -> list[Contact]:
    return [
        _person(f"{role.value}", circle, role)
        for circle in Circle
        for role in roles_of(circle, with_other=False)
    ]


def test_a_network_without_a_sponsor_says_no_sponsor_is_identified_yet():
    network = Network((_person("Ana", Circle.SUPPORT, Role.FORMER_MANAGER),))

    findings = _diagnose(network)

    sponsor = [f for f in findings if f.code == "role_empty" and f.params["role"] is Role.SPONSOR]
    assert sponsor[0].severity is Severity.HIGH
    assert sponsor[0].message("fr") == "Aucun sponsor identifié pour l'instant."
    assert sponsor[0].message("en") == "No sponsor identified yet."


def test_an_ordinary_empty_role_is_named_with_its_circle():
    contacts = [c for c in _one_per_role() if c.role is not Role.PEER]

    findings = _diagnose(Network(tuple(contacts)))

    empty = [f for f in findings if f.code == "role_empty"]
    assert len(empty) == 1
    assert empty[0].message("fr") == "Personne dans le rôle « Pair » (Réseau d'information)."


def test_a_network_with_someone_in_every_role_has_no_role_gap():
    assert "role_empty" not in _codes(_diagnose(Network(tuple(_one_per_role()))))


def test_an_empty_circle_is_one_finding_not_one_per_role():
    network = Network((_person("Ana", Circle.SUPPORT, Role.SPONSOR),))

    findings = _diagnose(network)

    empty_circles = {f.params["circle"] for f in findings if f.code == "circle_empty"}
    assert empty_circles == {Circle.INFORMATION, Circle.OPERATIONAL}
    gaps = {f.params["role"] for f in findings if f.code == "role_empty"}
    # The empty operational circle repeats only its key role; the support circle names its gaps.
    assert gaps == {
        Role.LENDING_MANAGER,
        Role.FORMER_MANAGER,
        Role.FORMER_COLLEAGUE,
        Role.HELPED_TEAM_MEMBER,
    }


def test_a_circle_much_thinner_than_the_others_is_pointed_out():
    contacts = [_person(f"I{i}", Circle.INFORMATION, Role.PEER) for i in range(8)]
    contacts += [_person(f"S{i}", Circle.SUPPORT, Role.SPONSOR) for i in range(6)]
    contacts += [_person("O", Circle.OPERATIONAL, Role.BENEFICIARY)]

    findings = [f for f in _diagnose(Network(tuple(contacts))) if f.code == "circle_thin"]

    assert [f.params["circle"] for f in findings] == [Circle.OPERATIONAL]
    assert findings[0].message("fr") == (
        "Le Réseau opérationnel ne compte que 1 contact, "
        "contre 7,0 en moyenne dans les deux autres cercles."
    )


def test_balanced_circles_are_not_called_thin():
    contacts = [_person(f"I{i}", Circle.INFORMATION, Role.PEER) for i in range(5)]
    contacts += [_person(f"S{i}", Circle.SUPPORT, Role.SPONSOR) for i in range(5)]
    contacts += [_person(f"O{i}", Circle.OPERATIONAL, Role.BENEFICIARY) for i in range(4)]

    assert "circle_thin" not in _codes(_diagnose(Network(tuple(contacts))))


def test_unsorted_contacts_are_counted_and_named_without_role_noise():
    network = Network((Contact(first_name="Ana"), Contact(first_name="Ben")))

    findings = _diagnose(network)

    assert _codes(findings) == ["not_sorted"]
    assert findings[0].message("en") == (
        "2 contacts are not yet sorted into a circle and a role: Ana, Ben."
    )
    assert set(findings[0].contact_ids) == set(network.ids)


def test_a_single_unsorted_contact_is_told_in_the_singular():
    network = Network((Contact(first_name="Ana"), *_one_per_role()))

    finding = next(f for f in _diagnose(network) if f.code == "not_sorted")

    assert finding.message("fr").startswith("1 contact n'est pas encore classé")


def test_a_long_list_of_names_is_cut_with_a_count_of_the_others():
    network = Network(tuple(Contact(first_name=f"P{i}") for i in range(8)))

    message = _diagnose(network)[0].message("fr")

    assert message.endswith("P0, P1, P2, P3, P4 et 3 autres.")


def test_sorted_but_partly_qualified_contacts_are_listed_as_not_qualified():
    done = _person("Done", Circle.SUPPORT, Role.SPONSOR, frequency=3, trust=3)
    done = done.with_changes(added_value=3, interest=3, power=3)
    half = _person("Half", Circle.SUPPORT, Role.SPONSOR, frequency=3)

    finding = next(f for f in _diagnose(Network((done, half))) if f.code == "not_qualified")

    assert finding.contact_ids == (half.id,)


def test_a_relationship_is_cold_past_the_settings_number_of_days():
    old = _person("Old", Circle.SUPPORT, Role.SPONSOR, last_contact_date=TODAY - timedelta(400))
    recent = _person("New", Circle.SUPPORT, Role.SPONSOR, last_contact_date=TODAY - timedelta(30))
    network = Network((old, recent))

    by_default = next(f for f in _diagnose(network) if f.code == "cold")
    stricter = ScoringSettings(cold_after_days=20)
    strict = next(f for f in _diagnose(network, stricter) if f.code == "cold")

    assert by_default.contact_ids == (old.id,)
    assert by_default.message("fr") == (
        "1 relation s'est refroidie (dernier contact il y a plus de 365 jours) : Old."
    )
    assert set(strict.contact_ids) == {old.id, recent.id}


def test_a_cold_relationship_with_high_potential_is_important():
    cold_key_person = _person(
        "Key",
        Circle.SUPPORT,
        Role.SPONSOR,
        frequency=1,
        trust=2,
        added_value=5,
        interest=5,
        power=5,
        last_contact_date=TODAY - timedelta(days=500),
    )

    finding = next(f for f in _diagnose(Network((cold_key_person,))) if f.code == "cold")

    assert finding.severity is Severity.HIGH


def test_one_way_relationships_are_reported_by_pattern_with_their_share():
    people = [
        _person("A", Circle.SUPPORT, Role.SPONSOR, reciprocity=Reciprocity.I_GIVE),
        _person("B", Circle.SUPPORT, Role.SPONSOR, reciprocity=Reciprocity.I_GIVE),
        _person("C", Circle.SUPPORT, Role.SPONSOR, reciprocity=Reciprocity.I_RECEIVE),
        _person("D", Circle.SUPPORT, Role.SPONSOR, reciprocity=Reciprocity.BALANCED),
    ]

    findings = {f.code: f for f in _diagnose(Network(tuple(people)))}

    assert findings["one_way_give"].params["share"] == 50
    assert findings["one_way_give"].severity is Severity.MEDIUM
    assert findings["one_way_receive"].severity is Severity.INFO
    assert "no_exchange" not in findings
    assert findings["one_way_give"].message("en") == (
        "You mostly give in 2 relationships (50% of those whose reciprocity is known): A, B."
    )


def test_high_potential_contacts_without_a_first_action_are_listed_by_rank():
    strong = dict(frequency=1, trust=1, added_value=5, interest=5, power=5)
    first = _person("First", Circle.SUPPORT, Role.SPONSOR, **strong)
    second = _person("Second", Circle.SUPPORT, Role.SPONSOR, **{**strong, "power": 4})
    planned = _person("Planned", Circle.SUPPORT, Role.SPONSOR, **strong, action_text="Call")

    finding = next(f for f in _diagnose(Network((second, planned, first))) if f.code == "no_action")

    assert finding.contact_ids == (first.id, second.id)


def test_a_circle_with_weak_marks_names_the_weak_ones():
    weak = {"purpose": 2, "membership": 1, "trust": 3, "reach": 2, "occasions": 2}
    network = Network(tuple(_one_per_role())).with_marks(Circle.SUPPORT, weak)

    finding = next(f for f in _diagnose(network) if f.code == "weak_marks")

    assert finding.params["circle"] is Circle.SUPPORT
    assert finding.message("fr").endswith(
        "Points faibles : Intérêts et but partagés, Règles d'appartenance, "
        "Moyens de joindre les membres, Occasions régulières d'échanger."
    )


def test_good_marks_give_no_finding():
    good = {mark: 4 for mark in ("purpose", "membership", "trust", "reach", "occasions")}
    network = Network(tuple(_one_per_role())).with_marks(Circle.SUPPORT, good)

    assert "weak_marks" not in _codes(_diagnose(network))


def test_an_empty_network_gets_one_finding():
    assert _codes(_diagnose(Network())) == ["network_empty"]


def test_the_demo_network_diagnosis_reads_in_both_languages(demo):
    findings = _diagnose(demo)

    assert findings
    for finding in findings:
        for lang in Lang:
            assert finding.message(lang) and finding.advice(lang)
            assert "{" not in finding.message(lang)


def test_every_finding_code_has_a_sentence_and_advice_in_both_languages():
    for code in CODES:
        base = Finding(code, Severity.INFO).base_key
        # The diversity sentence exists per trait (organisation, function), not on its own.
        sentences = [f"{base}.{trait}" for trait in ("company", "function")]
        for lang in Lang:
            assert has_text(base, lang) or all(has_text(key, lang) for key in sentences)
            assert t(f"{base}.advice", lang)


_contacts = st.builds(
    Contact,
    first_name=st.sampled_from(["Ana", "Ben", "Chloé"]),
    circle=st.just(Circle.SUPPORT),
    role=st.sampled_from([None, Role.SPONSOR, Role.FORMER_MANAGER]),
    frequency=st.none() | st.integers(1, 5),
    trust=st.none() | st.integers(1, 5),
    reciprocity=st.none() | st.sampled_from(list(Reciprocity)),
    last_contact_date=st.none() | st.integers(0, 900).map(lambda d: TODAY - timedelta(days=d)),
)


@given(st.lists(_contacts, max_size=15))
def test_findings_come_most_important_first_and_name_only_contacts_of_the_network(contacts):
    network = Network(tuple(contacts))

    findings = _diagnose(network)

    orders = [(f.severity.order, CODES.index(f.code)) for f in findings]
    assert orders == sorted(orders)
    for finding in findings:
        assert set(finding.contact_ids) <= set(network.ids)
        assert finding.message(Lang.FR)
