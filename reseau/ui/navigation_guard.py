"""A change to another screen waits until the last grid edit has reached the server.

Streamlit's grids send their edits 150 ms after the last one, and the run that saves an edit
must begin before the page changes: a click on another page within that moment dropped the edit
in the browser (a phone typed in the Accueil grid, Enter, then « Importer » at once). So a small
script holds a click on a page link made right after a grid edit, and clicks it again once the
edit's run is over (at most a few seconds later). While it holds one, the page's body carries
`data-reseau-holding`, which the browser tests wait on too.
"""

from __future__ import annotations

import streamlit as st

_SCRIPT = """
<script id="reseau-navigation-guard">
(() => {
  if (window.__reseauNavigationGuard) return;
  window.__reseauNavigationGuard = true;
  const GRID = '[data-testid="stDataFrame"], .gdg-overlay-editor, #portal';
  const LINKS = '[data-testid="stSidebarNav"] a, [data-testid="stPageLink"] a';
  const SEND_DELAY = 400;     // the grid's own 150 ms, with room to spare
  const RUN_WAIT = 4000;      // how long a run carrying the edit may take to start
  const MOST = 10000;          // never hold a page change longer than this
  let edited = 0, runSince = 0, held = null;
  const state = () => {
    const app = document.querySelector('[data-testid="stApp"]');
    return app ? app.getAttribute('data-test-script-state') : null;
  };
  const running = () => { const s = state(); return s !== null && s !== 'notRunning'; };
  const inGrid = (el) => !!(el && el.closest && el.closest(GRID));
  const editorOpen = () => !!document.querySelector('.gdg-overlay-editor, textarea.gdg-input');
  const touch = () => { edited = performance.now(); runSince = 0; };
  const app = document.querySelector('[data-testid="stApp"]');
  if (app) {
    new MutationObserver(() => {
      if (edited && running()) runSince = runSince || performance.now();
    }).observe(app, { attributes: true, attributeFilter: ['data-test-script-state'] });
  }
  // What commits an edit: Enter or Tab in a cell's editor, Delete in the grid, a paste.
  document.addEventListener('keydown', (e) => {
    if (!inGrid(e.target)) return;
    if (editorOpen() ? e.key === 'Enter' || e.key === 'Tab' : /^(Delete|Backspace)$/.test(e.key)) {
      touch();
    }
  }, true);
  for (const type of ['paste', 'cut']) {
    document.addEventListener(type, (e) => { if (inGrid(e.target)) touch(); }, true);
  }
  // A click anywhere while a cell's editor is open commits what it holds.
  document.addEventListener('pointerdown', (e) => {
    if (editorOpen() || (inGrid(e.target) && e.target.closest('.gdg-overlay-editor, #portal'))) {
      touch();
    }
  }, true);
  const settled = (now) => {
    if (!edited) return true;
    if (running()) { runSince = runSince || now; return false; }
    if (now - edited < SEND_DELAY) return false;
    // Over when the run that carries the edit has come and gone, or none came at all.
    return runSince > 0 || now - edited > RUN_WAIT;
  };
  const release = () => {
    const link = held;
    held = null;
    edited = 0;
    delete document.body.dataset.reseauHolding;
    if (link && link.isConnected) { link.dataset.reseauPass = '1'; link.click(); }
  };
  const wait = (since) => {
    const now = performance.now();
    if (!held) return;
    if (settled(now) || now - since > MOST) { release(); return; }
    setTimeout(() => wait(since), 50);
  };
  document.addEventListener('click', (e) => {
    const link = e.target && e.target.closest && e.target.closest(LINKS);
    if (!link) return;
    if (link.dataset.reseauPass) { delete link.dataset.reseauPass; return; }
    const now = performance.now();
    if (!edited || now - edited > MOST || settled(now)) { edited = 0; return; }
    e.preventDefault();
    e.stopImmediatePropagation();
    const first = !held;
    held = link;
    document.body.dataset.reseauHolding = '1';
    if (first) wait(now);
  }, true);
})();
</script>
"""


def wait_for_grid_edits_before_changing_page() -> None:
    """Sends, once per page run, the script that holds a page change until grid edits are sent."""
    # At the foot of the sidebar, with the other script, where it takes no room from the page.
    st.sidebar.html(_SCRIPT, unsafe_allow_javascript=True)
