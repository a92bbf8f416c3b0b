"""The baseline page: one Plotly chart and one one-marker st_folium map, nothing else.

It uses the same offline Leaflet as the dashboard (a stock folium map loads Leaflet from a CDN and
never draws on a machine without internet), so the comparison is of the pages, not of the network.
Streamlit serves `static/` beside the script it runs: benchmarks/static links to dashboard/static.
"""

import sys
from pathlib import Path

import plotly.graph_objects as go
import streamlit as st
from streamlit_folium import st_folium

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import folium  # noqa: E402

from dashboard.views.incident_map import base_map  # noqa: E402

st.plotly_chart(go.Figure(go.Scatter(x=["2014-03-28"], y=[1], mode="markers")), key="chart")
marker = folium.FeatureGroup(name="one")
folium.CircleMarker(location=(34.5, 69.2), radius=8).add_to(marker)
st_folium(base_map(), feature_group_to_add=marker, returned_objects=[], height=400, key="map")
