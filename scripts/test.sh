#!/usr/bin/env bash
# Set up and run the whole test suite: lint, format check, data validation, unit, app and browser tests.
set -euo pipefail
source "$(dirname "$0")/setup-venv.sh" -r requirements.txt -r requirements-test.txt
# Browser tests drive Debian's Chromium (Playwright cannot download browsers offline).
if [ ! -x "${CHROMIUM:-/usr/bin/chromium}" ]; then
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq && $SUDO apt-get install -y -qq chromium
fi
.venv/bin/ruff check .
.venv/bin/ruff format --check .
.venv/bin/python -m dashboard validate
.venv/bin/python -m pytest "$@"
