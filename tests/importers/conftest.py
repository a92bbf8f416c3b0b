"""Where the real exports live (never committed), and a helper to write small hand-made exports."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CANDIDATES = [Path(os.environ["REALDATA"])] if os.environ.get("REALDATA") else []
CANDIDATES += [ROOT.parent / "shared" / "realdata"]  # ../shared beside the repository, as CI lays it out


def realdata(name: str) -> Path:
    """A real export from ../shared/realdata (or $REALDATA); the test is skipped where they are not provided."""
    for folder in CANDIDATES:
        if (folder / name).exists():
            return folder / name
    pytest.skip(f"real export {name} not found (set REALDATA to the folder holding it)")


@pytest.fixture
def export(tmp_path):
    def write(name: str, text: str | bytes, encoding: str = "utf-8") -> Path:
        path = tmp_path / name
        path.write_bytes(text if isinstance(text, bytes) else text.encode(encoding))
        return path

    return write
