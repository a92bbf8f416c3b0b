#!/usr/bin/env bash
# Set up and start the dashboard on the curated data (or on $DASHBOARD_DATA). Port: $PORT, default 8501.
set -euo pipefail
source "$(dirname "$0")/setup-venv.sh" -r requirements.txt
exec .venv/bin/streamlit run dashboard/serve.py --server.port "${PORT:-8501}" "$@"
