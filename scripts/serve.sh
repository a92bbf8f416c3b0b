#!/usr/bin/env sh
# Start the dashboard for others to reach: what the Docker image runs. No setup (the image or the
# caller has installed requirements.txt). Port: $PORT (default 8501); data: $DASHBOARD_DATA (default
# the curated file); under a path: $BASE_URL_PATH (e.g. "attacks" to serve at https://host/attacks/).
set -eu
cd "$(dirname "$0")/.."
# The image has `python`; a bare server may have only `python3`.
PYTHON="${PYTHON:-$(command -v python || command -v python3)}"
exec "$PYTHON" -m streamlit run dashboard/serve.py \
  --server.port "${PORT:-8501}" \
  --server.address "${ADDRESS:-0.0.0.0}" \
  --server.baseUrlPath "${BASE_URL_PATH:-}" \
  "$@"
