"""Shared pieces of the export tests: a workbook to export and the file it gives."""

from __future__ import annotations

import io

import openpyxl
import pytest

from reseau.export.xlsx import build_xlsx
from reseau.network import Network
from reseau.workbook import Workbook
from tests.conftest import TODAY


@pytest.fixture
def demo_workbook(demo: Network) -> Workbook:
    return Workbook(network=demo.with_details(participant="Marie Curie", mission="Déployer"))


@pytest.fixture
def demo_file(demo_workbook: Workbook) -> bytes:
    return build_xlsx(demo_workbook, lang="fr", today=TODAY)


@pytest.fixture
def demo_book(demo_file: bytes) -> openpyxl.Workbook:
    return openpyxl.load_workbook(io.BytesIO(demo_file))
