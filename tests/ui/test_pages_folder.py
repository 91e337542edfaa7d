"""The private Streamlit flag the pages-folder workaround relies on is still where it was."""

from __future__ import annotations

import inspect

import streamlit
from streamlit.commands import navigation
from streamlit.runtime.pages_manager import PagesManager


def test_streamlit_still_has_the_pages_directory_flag_the_workaround_flips():
    assert "uses_pages_directory" in vars(PagesManager), (
        f"Streamlit {streamlit.__version__} moved PagesManager.uses_pages_directory: "
        "reseau/ui/pages_folder.py must be rewritten before raising the version bound"
    )


def test_st_navigation_still_clears_that_flag_itself():
    source = inspect.getsource(navigation)
    assert "PagesManager.uses_pages_directory = False" in source, (
        f"Streamlit {streamlit.__version__} no longer clears the flag in st.navigation: "
        "check tests/e2e/test_deep_links.py and reseau/ui/pages_folder.py"
    )
