"""`python -m reseau export INPUT OUTPUT.xlsx`: the workbook written, or a clear refusal."""

from __future__ import annotations

import subprocess
import sys

import openpyxl

from reseau.__main__ import main
from reseau.i18n import t
from tests.conftest import ROOT


def test_a_contact_file_becomes_a_workbook(corpus, tmp_path, capsys):
    output = tmp_path / "reseau.xlsx"

    code = main(["export", str(corpus / "good" / "linkedin_connections.csv"), str(output)])

    assert code == 0
    book = openpyxl.load_workbook(output)
    assert book.sheetnames[:4] == ["Synthèse", "Plan d'action", "Contacts", "Méthode"]
    assert book["Contacts"].max_row == 31  # 30 contacts under the header
    assert "30 contacts" in capsys.readouterr().out


def test_the_language_can_be_chosen(corpus, tmp_path):
    output = tmp_path / "network.xlsx"

    assert (
        main(["export", str(corpus / "good" / "outlook_en.csv"), str(output), "--lang", "en"]) == 0
    )

    assert openpyxl.load_workbook(output).sheetnames[0] == "Summary"


def test_an_empty_file_is_refused_with_exit_2_and_the_reason_on_stderr(corpus, tmp_path, capsys):
    output = tmp_path / "out.xlsx"

    code = main(["export", str(corpus / "bad" / "empty.csv"), str(output), "--lang", "en"])

    assert code == 2
    captured = capsys.readouterr()
    assert t("import.error.empty", "en") in captured.err
    assert captured.out == ""
    assert not output.exists()


def test_a_picture_named_xlsx_is_refused(corpus, tmp_path, capsys):
    code = main(
        ["export", str(corpus / "bad" / "not_a_spreadsheet.xlsx"), str(tmp_path / "o.xlsx")]
    )

    assert code == 2
    assert t("import.error.not_a_spreadsheet", "fr") in capsys.readouterr().err


def test_a_missing_input_and_a_wrong_output_name_are_explained(tmp_path, capsys):
    assert main(["export", str(tmp_path / "absent.csv"), str(tmp_path / "o.xlsx")]) == 2
    assert t("export.cli.not_found", "fr", path=tmp_path / "absent.csv") in capsys.readouterr().err

    assert main(["export", str(tmp_path / "absent.csv"), str(tmp_path / "o.csv")]) == 2
    assert ".xlsx" in capsys.readouterr().err


def test_an_exported_workbook_exported_again_keeps_the_participant(demo, tmp_path):
    from reseau.export.xlsx import write_xlsx
    from reseau.workbook import Workbook

    first = tmp_path / "first.xlsx"
    write_xlsx(Workbook(network=demo.with_details(participant="Marie Curie")), first, lang="en")

    assert main(["export", str(first), str(tmp_path / "second.xlsx")]) == 0

    book = openpyxl.load_workbook(tmp_path / "second.xlsx")
    assert book.sheetnames[0] == "Summary"  # the language saved in the file
    assert book["Action plan"]["A1"].value == "Marie Curie's action plan"


def test_the_module_runs_as_a_program_and_exits_2_on_refusal(corpus, tmp_path):
    completed = subprocess.run(
        [
            sys.executable,
            "-m",
            "reseau",
            "export",
            str(corpus / "bad" / "empty.csv"),
            str(tmp_path / "o.xlsx"),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )

    assert completed.returncode == 2
    assert "Traceback" not in completed.stderr
    assert t("import.error.empty", "fr") in completed.stderr


def test_participant_and_mission_are_written_when_given(corpus, tmp_path):
    output = tmp_path / "reseau.xlsx"
    source = str(corpus / "good" / "linkedin_connections.csv")

    code = main(["export", source, str(output), "--participant", "Alex", "--mission", "Lancer"])

    assert code == 0
    book = openpyxl.load_workbook(output)
    assert book["Synthèse"]["B2"].value == "Alex"
    assert book["Synthèse"]["B3"].value == "Lancer"
    assert book["Plan d'action"]["A1"].value == "Plan d'action d'Alex"


def test_an_unqualified_import_says_no_contact_is_qualified_yet(corpus, tmp_path):
    output = tmp_path / "reseau.xlsx"

    main(["export", str(corpus / "good" / "linkedin_connections.csv"), str(output)])

    headline = openpyxl.load_workbook(output)["Synthèse"]["A6"].value
    assert headline.startswith("0 contact qualifié sur 30 ;")
