"""The app's screens, in the method's order: one place names them, their files and titles."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

# The browser tab's icon, served by the app itself: a `:material/…:` page icon would make every
# page load fetch an SVG from fonts.gstatic.com (rooms are often offline, and it tells Google
# who uses the app). The sidebar's Material icons come from a font bundled with Streamlit.
APP_ICON = Path(__file__).parent / "assets" / "icon.png"


@dataclass(frozen=True)
class Screen:
    path: str
    title_key: str
    icon: str
    url_path: str


HOME = Screen("pages/accueil.py", "nav.home", ":material/home:", "accueil")
IMPORT = Screen("pages/importer.py", "nav.import", ":material/upload_file:", "importer")
QUALIFY = Screen("pages/qualifier.py", "nav.qualify", ":material/fact_check:", "qualifier")
MAP = Screen("pages/carte.py", "nav.map", ":material/hub:", "carte")
PLAN = Screen("pages/plan.py", "nav.plan", ":material/checklist:", "plan")
ASSESSMENTS = Screen("pages/bilans.py", "nav.assessments", ":material/timeline:", "bilans")
EXPORT = Screen("pages/exporter.py", "nav.export", ":material/download:", "exporter")

WORKBOOK_SCREENS: tuple[Screen, ...] = (HOME, IMPORT, QUALIFY, MAP, PLAN, ASSESSMENTS, EXPORT)

# The trainer's screen sits in its own section of the navigation, after the workbook's.
TRAINER = Screen("pages/formateur.py", "nav.trainer", ":material/co_present:", "formateur")

ALL_SCREENS: tuple[Screen, ...] = (*WORKBOOK_SCREENS, TRAINER)
