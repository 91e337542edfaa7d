"""Sizes in import refusals are written the way each language writes numbers."""

from __future__ import annotations

import pytest

from reseau.i18n import Number, t
from reseau.importing import ImportRefused, limits
from reseau.importing.limits import check_file_size

MB = 1024 * 1024


def _refusal(data: bytes) -> ImportRefused:
    with pytest.raises(ImportRefused) as caught:
        check_file_size(data)
    return caught.value


def test_a_file_too_big_is_refused_with_sizes_in_french_and_english_numbers(monkeypatch):
    monkeypatch.setattr(limits, "MAX_FILE_BYTES", int(2.5 * MB))
    problem = _refusal(b"x" * int(3.3 * MB))

    assert "3,3 Mo, 2,5 Mo au plus" in t(problem.key, "fr", **problem.params)
    assert "3.3 MB, at most 2.5 MB" in t(problem.key, "en", **problem.params)


def test_a_whole_number_of_megabytes_shows_no_decimals(monkeypatch):
    monkeypatch.setattr(limits, "MAX_FILE_BYTES", 20 * MB)
    problem = _refusal(b"x" * (21 * MB))

    assert "(21 Mo, 20 Mo au plus)" in t(problem.key, "fr", **problem.params)


def test_a_number_param_is_worded_in_the_sentences_language():
    size = Number(1234.5, digits=1)

    assert t("import.error.too_big", "fr", size=size, limit=Number(20)).startswith(
        "Le fichier est trop volumineux (1\u202f234,5 Mo, 20 Mo"
    )
