import logging

from reseau.bug_log import log_bug


def test_a_bug_is_logged_with_its_type_and_place_but_not_the_data_in_its_message(caplog):
    logger = logging.getLogger("reseau.test")
    typed_by_a_participant = "Marie-Clémentine Dupont"

    try:
        {"known": 1}[typed_by_a_participant]
    except KeyError:
        log_bug(logger, "a page failed")

    logged = caplog.text
    assert "a page failed: KeyError" in logged
    assert "test_bug_log.py" in logged
    assert "Marie-Clémentine" not in logged
