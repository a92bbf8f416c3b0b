"""Timeline and map dashboard of attacks: data layer in `records`, Streamlit pages on top."""
