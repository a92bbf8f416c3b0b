"""Start the dashboard (or any Streamlit script) on a free loopback port and wait until it is healthy."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
APP = ROOT / "dashboard" / "app.py"
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_healthy(url: str, process: subprocess.Popen, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"streamlit exited with {process.returncode}")
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            pass
        time.sleep(0.2)  # polling readiness, not waiting for a result
    raise TimeoutError(f"{url} not healthy after {timeout}s")


def start_server(
    data: Path | None = None, script: Path = APP, base_path: str = "", timeout: float = 60, log: Path | None = None
) -> tuple[str, subprocess.Popen]:
    """A Streamlit server for `script` (the dashboard by default) on 127.0.0.1; returns its URL and process.

    `base_path` serves it under a path, as behind a reverse proxy (`server.baseUrlPath`); `timeout`
    bounds the wait for health (dashboard/serve.py is healthy only once its data is loaded); `log`,
    a file that receives what the server prints.
    """
    port = free_port()
    env = {**os.environ}
    env.pop("DASHBOARD_DATA", None)
    if data is not None:
        env["DASHBOARD_DATA"] = str(data)
    sink = subprocess.DEVNULL if log is None else log.open("wb")  # the child keeps its own copy
    try:
        process = subprocess.Popen(
            [
                *(sys.executable, "-m", "streamlit", "run", str(script)),
                *("--server.port", str(port), "--server.address", "127.0.0.1", "--server.baseUrlPath", base_path),
            ],
            cwd=ROOT,
            env=env,
            stdout=sink,
            stderr=subprocess.DEVNULL if log is None else subprocess.STDOUT,
        )
    finally:
        if log is not None:
            sink.close()
    url = f"http://127.0.0.1:{port}" + (f"/{base_path.strip('/')}" if base_path.strip("/") else "")
    wait_healthy(url, process, timeout)
    return url, process


def stop_server(process: subprocess.Popen) -> None:
    process.terminate()
    process.wait(timeout=10)
