"""Streamlit components that join the pure layers to the pages."""
