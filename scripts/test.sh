#!/usr/bin/env bash
# Set up and run the whole test suite: lint, format check, unit and app tests.
set -euo pipefail
source "$(dirname "$0")/setup-venv.sh" -r requirements.txt -r requirements-test.txt
.venv/bin/ruff check .
.venv/bin/ruff format --check .
.venv/bin/python -m dashboard validate
.venv/bin/python -m pytest "$@"
