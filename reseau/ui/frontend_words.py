"""Streamlit's own words (file uploader, select placeholders, grid toolbar…) in French.

Streamlit writes these texts in English inside its frontend and offers no setting for them, so a
small script, sent once per page run, rewrites them in the browser as they appear. It touches
only Streamlit's widgets chrome (an allow-list of its containers), never a text a participant
typed, and only whole texts it knows, so a Streamlit release that rewords one simply leaves that
one in English (the browser test `tests/e2e/test_frontend_words.py` then fails).
"""

from __future__ import annotations

import json

import streamlit as st

from reseau.i18n import Lang

# English (Streamlit 1.67) → French, whole texts only.
FRENCH: dict[str, str] = {
    "Drag and drop a file here": "Glissez-déposez un fichier ici",
    "Drag and drop files here": "Glissez-déposez des fichiers ici",
    "Upload": "Choisir un fichier",
    "file upload": "choisir un fichier",
    "Choose an option": "Choisissez une option",
    "Choose options": "Choisissez des options",
    "No options to select": "Aucune option",
    "No results": "Aucun résultat",
    "Select all": "Tout sélectionner",
    "Clear all": "Tout effacer",
    "Add row": "Ajouter une ligne",
    "Delete row(s)": "Supprimer les lignes choisies",
    "Download as CSV": "Télécharger en CSV",
    "Search": "Rechercher",
    "Fullscreen": "Plein écran",
    "Close fullscreen": "Quitter le plein écran",
    "Exit fullscreen": "Quitter le plein écran",
    "Show/hide columns": "Afficher ou masquer des colonnes",
    "Choose date": "Choisir une date",
    # The empty segments of a date field.
    "dd": "jj",
    "yyyy": "aaaa",
    "Press Enter to apply": "Appuyez sur Entrée pour valider",
    "Press Enter to submit form": "Appuyez sur Entrée pour envoyer",
    "Page not found": "Page introuvable",
    # Under a message longer than three lines.
    "view more": "voir plus",
    "view less": "voir moins",
    "The page that you have requested does not seem to exist. Running the app's main page.": (
        "Cette page n'existe pas : voici la page d'accueil."
    ),
}

# Screen-reader labels Streamlit puts on its own controls: reworded wherever they stand, as an
# attribute only (a participant's text never becomes an aria-label in this app).
FRENCH_LABELS: dict[str, str] = {
    "Collapse sidebar": "Replier le panneau latéral",
    "Expand sidebar": "Déplier le panneau latéral",
    "Sidebar": "Panneau latéral",
    "Copy to clipboard": "Copier",
    "Link to heading": "Lien vers ce titre",
    "Open": "Ouvrir",
    "Close": "Fermer",
    "Clear all": "Tout effacer",
    "Skip to main content": "Aller au contenu principal",
    "Fullscreen": "Plein écran",
    "Close fullscreen": "Quitter le plein écran",
    "Exit fullscreen": "Quitter le plein écran",
}

# Sentences only Streamlit writes, reworded wherever they stand.
FRENCH_SENTENCES: dict[str, str] = {
    "Skip to main content": "Aller au contenu principal",
}

# Texts that carry a value: (English pattern, French replacement), JavaScript regular expressions.
FRENCH_PATTERNS: list[tuple[str, str]] = [
    (r"^(\d+(?:\.\d+)?)\s?MB per file", "$1 Mo par fichier"),
    (r"^(\d+(?:\.\d+)?)\s?KB per file", "$1 Ko par fichier"),
    (
        r"^You have requested page /(.*), but no corresponding file was found in the app's "
        r"pages/ directory\. Running the app's main page\.$",
        "La page /$1 n'existe pas : voici la page d'accueil.",
    ),
    (r"^[dD]{2}( ?)/( ?)[mM]{2}( ?)/( ?)[yY]{4}$", "jj$1/$2mm$3/$4aaaa"),
]

# Streamlit's containers whose texts are its own; everything else (markdown, tables, the lists of
# contacts to choose from, the participant's data) is never touched.
_CHROME = ", ".join(
    f'[data-testid="{testid}"]'
    for testid in (
        "stFileUploaderDropzone",
        "stElementToolbar",
        "stMultiSelect",
        "stSelectbox",
        "stDateInput",
        "stDataFrameColumnVisibilityMenu",
        "InputInstructions",
        "stDialog",
        # Only the button under a long message: the message itself is the app's own text.
        "stToastViewButton",
        # The multi-selects' lists hold the method's vocabulary (circles, roles, quadrants,
        # statuses), never a participant's text, plus Streamlit's « Select all ».
        "stMultiSelectDropdown",
    )
)

_SCRIPT = """
<script id="reseau-words">
(() => {
  const words = %(words)s;
  window.__reseauWords = words;
  if (window.__reseauWordsObserver) { window.__reseauWordsApply(document.body); return; }
  const chrome = %(chrome)s;
  const attributes = ["placeholder", "aria-label", "title"];
  const reword = (text) => {
    const w = window.__reseauWords;
    const trimmed = text.trim();
    if (!trimmed) return text;
    if (Object.prototype.hasOwnProperty.call(w.exact, trimmed)) {
      return text.replace(trimmed, w.exact[trimmed]);
    }
    for (const [pattern, replacement] of w.patterns) {
      const re = new RegExp(pattern);
      if (re.test(trimmed)) return text.replace(trimmed, trimmed.replace(re, replacement));
    }
    return text;
  };
  const ownText = (el) =>
    !el.closest('[role="option"]') || el.closest('[data-testid="stMultiSelectDropdown"]');
  const inChrome = (el) => el && el.closest && el.closest(chrome) && ownText(el);
  const fixElement = (el) => {
    const chromeEl = inChrome(el);
    for (const name of attributes) {
      const value = el.getAttribute && el.getAttribute(name);
      if (!value) continue;
      const labels = window.__reseauWords.labels;
      const next = Object.prototype.hasOwnProperty.call(labels, value) ? labels[value]
        : chromeEl ? reword(value) : value;
      if (next !== value) el.setAttribute(name, next);
    }
  };
  const fixSentence = (node) => {
    const sentences = window.__reseauWords.sentences;
    const value = node.nodeValue.trim();
    if (Object.prototype.hasOwnProperty.call(sentences, value)) {
      node.nodeValue = node.nodeValue.replace(value, sentences[value]);
    }
  };
  const apply = (root) => {
    if (!root) return;
    if (root.nodeType === Node.TEXT_NODE) {
      if (inChrome(root.parentElement)) {
        const next = reword(root.nodeValue); if (next !== root.nodeValue) root.nodeValue = next;
      } else fixSentence(root);
      return;
    }
    if (root.nodeType !== Node.ELEMENT_NODE) return;
    fixElement(root);
    root.querySelectorAll("[aria-label], [title], [placeholder]").forEach(fixElement);
    const texts = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = texts.nextNode(); node; node = texts.nextNode()) fixSentence(node);
    root.querySelectorAll(chrome).forEach((box) => {
      fixElement(box);
      box.querySelectorAll("*").forEach(fixElement);
      const walker = document.createTreeWalker(box, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        if (node.parentElement && !ownText(node.parentElement)) continue;
        const next = reword(node.nodeValue); if (next !== node.nodeValue) node.nodeValue = next;
      }
    });
    if (inChrome(root)) {
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const next = reword(node.nodeValue); if (next !== node.nodeValue) node.nodeValue = next;
      }
    }
  };
  window.__reseauWordsApply = apply;
  const observer = new MutationObserver((changes) => {
    for (const change of changes) {
      if (change.type === "childList") change.addedNodes.forEach(apply);
      else if (change.type === "characterData") apply(change.target);
      else if (change.type === "attributes") fixElement(change.target);
    }
  });
  observer.observe(document.body, {
    subtree: true, childList: true, characterData: true,
    attributes: true, attributeFilter: attributes,
  });
  window.__reseauWordsObserver = observer;
  apply(document.body);
})();
</script>
"""


def _words(lang: Lang) -> dict[str, object]:
    if lang is Lang.FR:
        return {
            "exact": FRENCH,
            "patterns": FRENCH_PATTERNS,
            "labels": FRENCH_LABELS,
            "sentences": FRENCH_SENTENCES,
        }
    # Back to Streamlit's English after a switch from French: the French texts already on screen.
    return {
        "exact": {fr: en for en, fr in FRENCH.items()},
        "patterns": [],
        "labels": {fr: en for en, fr in FRENCH_LABELS.items()},
        "sentences": {fr: en for en, fr in FRENCH_SENTENCES.items()},
    }


def speak_the_participants_language(lang: Lang) -> None:
    """Rewrites Streamlit's built-in texts in `lang` in the browser, from now on."""
    script = _SCRIPT % {"words": json.dumps(_words(lang)), "chrome": json.dumps(_CHROME)}
    # At the foot of the sidebar, where its empty element takes no room from the page. (Hiding
    # its container with CSS instead broke Streamlit's deferred downloads.)
    st.sidebar.html(script, unsafe_allow_javascript=True)
