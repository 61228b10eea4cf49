import os
from pathlib import Path

import pytest

from analysis.codebook import load_codebook

ROOT = Path(__file__).resolve().parent.parent
SEED_ID = "000_1e5727e7d0a2fbb7"
SEED_PATH = ROOT / "corpus" / f"{SEED_ID}.txt"


def shared_path() -> Path | None:
    value = os.environ.get("FRAMING_SHARED")
    return Path(value) if value else None


@pytest.fixture(scope="session")
def shared() -> Path:
    """The ../shared data folder; tests that need it skip when FRAMING_SHARED is unset."""
    path = shared_path()
    if path is None:
        pytest.skip("FRAMING_SHARED is not set: point it at the shared data folder to run this test")
    if not path.is_dir():
        pytest.fail(f"FRAMING_SHARED={path} is not a folder")
    return path


@pytest.fixture(scope="session")
def cb():
    return load_codebook()


@pytest.fixture(scope="session")
def seed_text() -> str:
    return SEED_PATH.read_text(encoding="utf-8")
