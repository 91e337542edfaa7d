"""The configuration every chart is drawn with: plotly's own words in the participant's language.

Plotly writes its mode bar, its notices and its dates in English unless a locale is given; the
French one is passed with each chart (plotly's `config.locales`), so nothing needs loading from
outside the server.
"""

from __future__ import annotations

from typing import Any

from reseau.i18n import Lang

# Plotly's own texts (its `locale-fr` dictionary, the parts a participant can meet).
_FRENCH_DICTIONARY = {
    "Autoscale": "Échelle automatique",
    "Box Select": "Sélection rectangulaire",
    "Compare data on hover": "Comparer les données au survol",
    "Double-click to zoom back out": "Double-cliquez pour dézoomer",
    "Download plot": "Télécharger le graphique",
    "Download plot as a PNG": "Télécharger le graphique en PNG",
    "Download plot as a png": "Télécharger le graphique en PNG",
    "Image download succeeded": "Image téléchargée",
    "Lasso Select": "Sélection lasso",
    "Pan": "Déplacer",
    "Preparing image - this may take a few seconds": (
        "Préparation de l'image : cela peut prendre quelques secondes"
    ),
    "Produced with Plotly.js": "Réalisé avec Plotly.js",
    "Reset": "Réinitialiser",
    "Reset axes": "Réinitialiser les axes",
    "Reset view": "Réinitialiser la vue",
    "Show closest data on hover": "Afficher la donnée la plus proche au survol",
    "Snapshot succeeded": "Capture réussie",
    "Sorry, there was a problem downloading your image!": (
        "Désolé, le téléchargement de l'image a échoué."
    ),
    "Taking snapshot - this may take a few seconds": (
        "Capture en cours : cela peut prendre quelques secondes"
    ),
    "Toggle Spike Lines": "Afficher ou masquer les lignes de repère",
    "Toggle show closest data on hover": "Afficher ou masquer la donnée la plus proche au survol",
    "Zoom": "Zoom",
    "Zoom in": "Zoom avant",
    "Zoom out": "Zoom arrière",
}

_FRENCH_FORMAT = {
    "days": ["dimanche", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi"],
    "shortDays": ["dim.", "lun.", "mar.", "mer.", "jeu.", "ven.", "sam."],
    "months": [
        "janvier",
        "février",
        "mars",
        "avril",
        "mai",
        "juin",
        "juillet",
        "août",
        "septembre",
        "octobre",
        "novembre",
        "décembre",
    ],
    "shortMonths": [
        "janv.",
        "févr.",
        "mars",
        "avr.",
        "mai",
        "juin",
        "juil.",
        "août",
        "sept.",
        "oct.",
        "nov.",
        "déc.",
    ],
    "date": "%d/%m/%Y",
    "decimal": ",",
    "thousands": "\u202f",
}


def chart_config(lang: Lang | str, *, file_name: str = "reseau", **extra: Any) -> dict[str, Any]:
    """Plotly's `config` for a chart shown in `lang`: its mode bar and formats in that language."""
    config: dict[str, Any] = {
        "displaylogo": False,
        "modeBarButtonsToRemove": ["select2d", "lasso2d", "autoScale2d"],
        "toImageButtonOptions": {"format": "png", "scale": 2, "filename": file_name},
        **extra,
    }
    if Lang.parse(lang) is Lang.FR:
        config["locale"] = "fr"
        config["locales"] = {"fr": {"dictionary": _FRENCH_DICTIONARY, "format": _FRENCH_FORMAT}}
    return config
