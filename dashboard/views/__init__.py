"""Pure view logic (filters, figure and map builders). Never imports Streamlit."""
