"""The Streamlit side of Réseau: the session-state accessor and the widgets pages share."""
