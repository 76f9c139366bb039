"""Shared fixtures. Tests that need ../shared skip cleanly when it is absent."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from sqlite_utils import Database

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
RAW_ARTICLES = ROOT / "raw_articles"
GOLDEN_GOLD = Path(__file__).parent / "golden" / "gold"

# How the tests start Debian's Chromium headless here: no sandbox as root, no GPU, and no background
# networking (the closed network refuses its connections).
CHROMIUM_FLAGS = (
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
)

needs_shared = pytest.mark.skipif(not (SHARED / "seeds").is_dir(), reason="../shared is not present")


@pytest.fixture(scope="session", autouse=True)
def dagster_home(tmp_path_factory) -> Path:
    """One Dagster instance folder for the session (subprocesses inherit it), never the project's own."""
    import os

    home = tmp_path_factory.mktemp("dagster_home")
    shutil.copy(ROOT / "pipelines" / "dagster.yaml", home / "dagster.yaml")
    previous = os.environ.get("DAGSTER_HOME")
    os.environ["DAGSTER_HOME"] = str(home)
    yield home
    if previous is None:
        os.environ.pop("DAGSTER_HOME", None)
    else:
        os.environ["DAGSTER_HOME"] = previous


@pytest.fixture
def fresh_db() -> Database:
    """An in-memory warehouse with the current schema."""
    from warehouse.schema import migrations

    db = Database(memory=True)
    migrations.apply(db)
    return db


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "warehouse" / "ilp.db"


@pytest.fixture
def articles_dir(tmp_path: Path) -> Path:
    """A private copy of the sample corpus, safe to change."""
    target = tmp_path / "articles"
    shutil.copytree(RAW_ARTICLES, target)
    return target
