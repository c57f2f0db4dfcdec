"""Shared fixtures: one in-process synth of every environment, and manifest loading."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
import yaml

os.environ.setdefault("JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION", "20")

from ecommerce.model.environments import ENVIRONMENTS
from ecommerce.pipeline.synth import synthesize

ROOT = Path(__file__).resolve().parent.parent
DIST = ROOT / "dist"


def load_documents(folder: Path) -> list[dict]:
    """Every object of the *.yaml files directly in `folder`, in `kubectl apply -f` order."""
    documents: list[dict] = []
    for path in sorted(folder.glob("*.yaml")):
        documents.extend(doc for doc in yaml.safe_load_all(path.read_text()) if doc)
    return documents


@pytest.fixture(scope="session")
def synthesized(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh synth of every environment, made once per test session."""
    outdir = tmp_path_factory.mktemp("synth") / "dist"
    synthesize([], outdir)
    return outdir


@pytest.fixture(scope="session")
def documents(synthesized: Path) -> dict[str, list[dict]]:
    return {name: load_documents(synthesized / name) for name in ENVIRONMENTS}


@pytest.fixture(scope="session")
def bootstrap(synthesized: Path) -> dict[str, list[dict]]:
    """The Argo CD bootstrap of each environment (dist/<env>/argocd)."""
    return {name: load_documents(synthesized / name / "argocd") for name in ENVIRONMENTS}


@pytest.fixture(scope="session")
def all_documents(documents: dict[str, list[dict]]) -> list[tuple[str, dict]]:
    return [(env, doc) for env, docs in documents.items() for doc in docs]


@pytest.fixture(scope="session")
def clusters(documents: dict[str, list[dict]]) -> dict:
    """Each environment assembled as a cluster would hold it (tests/platform/assembly.py)."""
    from tests.platform.assembly import assemble

    return {env: assemble(env, documents[env]) for env in ENVIRONMENTS}
