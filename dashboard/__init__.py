"""Timeline and map dashboard of attacks: data layer in `records`, Streamlit pages on top."""

__version__ = "0.3.0"
