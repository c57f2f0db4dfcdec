"""imports/ is exactly what `cdk8s import` makes of the CRDs pinned in cdk8s.yaml."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlparse

import pytest
import yaml

from ecommerce_ops.crd_sources import local_crd_files

from .schemas import CRDS, load_crd, needs_crds

ROOT = Path(__file__).resolve().parent.parent
GENERATED_CLASS = re.compile(r"^class (\w+)\(\s*_cdk8s_\w+\.ApiObject,.*?:schema: (\w+)", re.DOTALL | re.MULTILINE)


def import_specs() -> list[tuple[str, str]]:
    entries = yaml.safe_load((ROOT / "cdk8s.yaml").read_text())["imports"]
    return [tuple(entry.split(":=", 1)) for entry in entries]


def generated_kinds(module: str) -> set[str]:
    kinds: set[str] = set()
    for init in (ROOT / "imports" / module).rglob("__init__.py"):
        if "_jsii" not in init.parts:
            kinds.update(kind for _, kind in GENERATED_CLASS.findall(init.read_text()))
    return kinds


def test_every_pinned_url_is_versioned():
    for module, url in import_specs():
        assert url.startswith("https://raw.githubusercontent.com/"), module
        assert not re.search(r"/(main|master|HEAD)/", url), f"{module} follows a branch, not a tag: {url}"


def test_one_generated_module_per_import():
    modules = {module for module, _ in import_specs()}
    generated = {path.name for path in (ROOT / "imports").iterdir() if path.is_dir() and path.name != "__pycache__"}
    assert generated == modules


@needs_crds
@pytest.mark.parametrize(("module", "url"), import_specs(), ids=[m for m, _ in import_specs()])
def test_generated_classes_are_the_pinned_crds_kinds(module, url):
    assert CRDS is not None  # needs_crds
    kinds = {load_crd(path)["spec"]["names"]["kind"] for path in local_crd_files(urlparse(url).path, CRDS)}
    generated = generated_kinds(module)
    assert kinds <= generated
    # Other versions of a kind come out as e.g. ExternalSecretV1Beta1; nothing else may appear.
    assert all(any(name.startswith(kind) for kind in kinds) for name in generated), generated
