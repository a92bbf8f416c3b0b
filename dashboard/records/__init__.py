"""Pure data layer: schema, gazetteer, loading, validation and export. Never imports Streamlit."""
