"""Deployment, tested where Docker cannot run: the image's own start and health-check commands, run here."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import tomllib
import urllib.request
from pathlib import Path

import pytest

from devtools.server import ROOT, free_port, stop_server, wait_healthy

DOCKERFILE = (ROOT / "Dockerfile").read_text(encoding="utf-8")


def instruction(name: str) -> str:
    (line,) = [line for line in DOCKERFILE.splitlines() if line.startswith(f"{name} ")]
    return line[len(name) + 1 :]


def exec_form(text: str) -> list[str]:
    return json.loads(text[text.index("[") :])


def test_image_is_slim_python_311_and_runs_as_a_user():
    assert instruction("FROM") == "python:3.11-slim"
    assert instruction("USER") not in ("root", "0")
    assert instruction("EXPOSE") == "8501"
    assert "PORT=8501" in DOCKERFILE


def test_production_settings():
    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    assert config["browser"]["gatherUsageStats"] is False
    assert config["server"]["maxUploadSize"] == 50
    assert config["server"]["enableXsrfProtection"] is True and config["server"]["enableCORS"] is True
    assert config["client"]["showErrorDetails"] == "none"
    # No message caching: a reader going Back could meet "Cached ForwardMsg MISS" (.streamlit/config.toml)
    assert config["global"]["minCachedMessageSize"] >= 1e12


@pytest.fixture
def image_env(tmp_path):
    """The environment the image gives its commands: `python` is the one with requirements.txt installed."""
    env = {**os.environ, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}", "PORT": str(free_port())}
    env.pop("DASHBOARD_DATA", None)
    env.pop("BASE_URL_PATH", None)
    return env


def healthcheck(env: dict[str, str]) -> int:
    return subprocess.run(exec_form(instruction("HEALTHCHECK")), cwd=ROOT, env=env, capture_output=True).returncode


@pytest.mark.parametrize("base_path", ["", "attacks"])
def test_start_command_serves_the_app_and_the_health_check_answers(image_env, base_path):
    image_env["BASE_URL_PATH"] = base_path
    image_env["DASHBOARD_DATA"] = str(ROOT / "data" / "incidents.yaml")
    assert healthcheck(image_env) == 1  # nothing listening yet: the check must fail
    process = subprocess.Popen(
        exec_form(instruction("CMD")), cwd=ROOT, env=image_env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    prefix = f"/{base_path}" if base_path else ""
    url = f"http://127.0.0.1:{image_env['PORT']}{prefix}"
    try:
        wait_healthy(url, process)
        assert healthcheck(image_env) == 0
        # The map's own Leaflet is served under the same path (behind a proxy the path is the app's).
        with urllib.request.urlopen(f"{url}/app/static/leaflet/leaflet.js", timeout=5) as response:
            assert response.status == 200 and re.search(rb"Leaflet", response.read(2000))
    finally:
        stop_server(process)
