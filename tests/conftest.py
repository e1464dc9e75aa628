"""Shared fixtures: one pipeline and one seed build per test session (spaCy loads once)."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session")
def nlp():
    from kg.nlp import build_nlp

    return build_nlp()


@pytest.fixture(scope="session")
def seed_build(nlp):
    from kg.pipeline import build

    return build([ROOT / "seeds"], nlp=nlp)


@pytest.fixture(scope="session")
def build_text(nlp, tmp_path_factory):
    """Build a graph from article texts given as {file name: text}."""
    from kg.pipeline import build

    def run(files: dict[str, str]):
        folder = tmp_path_factory.mktemp("articles")
        for name, text in files.items():
            (folder / name).write_text(text, encoding="utf-8")
        return build([folder], nlp=nlp)

    return run
