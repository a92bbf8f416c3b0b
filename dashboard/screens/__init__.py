"""Thin Streamlit pages: each lays out components over the shared PageContext."""
