"""Shared test set-up. Nothing here may reach a model hub."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ["HF_HUB_OFFLINE"] = "1"
os.environ["TRANSFORMERS_OFFLINE"] = "1"

ROOT = Path(__file__).resolve().parent.parent

# Session fixtures shared by several modules live here so that each is built once per session.
from tests.rio_runs import rio_models, rio_runs  # noqa: E402,F401


@pytest.fixture(scope="session")
def clf():  # type: ignore[no-untyped-def]
    """The classifier with the default lexicon and language files, built once: the class-case and
    gate modules only read it."""
    from harness.classify import load_classifier

    return load_classifier()


@pytest.fixture
def write(tmp_path: Path):  # type: ignore[no-untyped-def]
    """Write a text file under tmp_path and return its path."""

    def _write(name: str, text: str) -> Path:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        return path

    return _write
