import shutil
from pathlib import Path

import pytest

from bot.content import CONTENT_DIR, load_catalog
from bot.engine import build_engine

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def engine():
    return build_engine()


@pytest.fixture(scope="session")
def catalog():
    return load_catalog()


@pytest.fixture
def content_copy(tmp_path):
    """A private copy of content/ that a test may break."""
    target = tmp_path / "content"
    shutil.copytree(CONTENT_DIR, target)
    return target
