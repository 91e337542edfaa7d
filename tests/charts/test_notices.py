from reseau.charts import DETAIL_LIMIT, NO_FILTER, ChartData, ChartFilter, notices
from reseau.i18n import Lang
from reseau.vocabulary import Circle
from tests.charts.helpers import many_contacts, scores, without


def texts(network, chosen=NO_FILTER, lang=Lang.FR):
    return [n.text(lang) for n in notices(ChartData.of(network, scores(network), lang, chosen))]


def test_the_demo_notes_the_contact_without_a_circle_and_those_to_qualify(demo):
    assert texts(demo) == [
        "1 contact sans cercle ne figure pas sur les cartes : placez-le dans « Qualifier ».",
        "2 contacts pas encore qualifiés : en gris sur les cartes, absents de la matrice.",
    ]


def test_an_empty_circle_is_pointed_out_as_a_lead(demo):
    network = without(demo, circle=Circle.OPERATIONAL)

    assert texts(network, lang=Lang.EN)[0] == (
        'The circle "Operational network" is empty for now: a lead for growing your network.'
    )


def test_an_empty_circle_the_filter_hides_is_not_mentioned(demo):
    network = without(demo, circle=Circle.OPERATIONAL)
    chosen = ChartFilter.of(circles=[Circle.SUPPORT])

    assert not any("opérationnel" in text for text in texts(network, chosen))


def test_a_large_network_is_told_that_people_are_grouped(demo):
    network = many_contacts(demo, DETAIL_LIMIT + 1)

    assert texts(network)[-1].startswith(f"Plus de {DETAIL_LIMIT} contacts")
