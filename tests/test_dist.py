"""The committed dist/ is what the code produces, byte for byte, and follows the output conventions."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from ecommerce.model.environments import ENVIRONMENTS
from ecommerce.pipeline.synth import synthesize

from .conftest import DIST

ROOT = DIST.parent

RECOMMENDED = (
    "app.kubernetes.io/name",
    "app.kubernetes.io/instance",
    "app.kubernetes.io/component",
    "app.kubernetes.io/part-of",
    "app.kubernetes.io/managed-by",
    "environment",
)
CDK8S_HASH = re.compile(r"-c8[0-9a-f]{6}$")


def tree(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_committed_dist_is_fresh(synthesized):
    fresh, committed = tree(synthesized), tree(DIST)
    stale = sorted(name for name in fresh.keys() | committed.keys() if fresh.get(name) != committed.get(name))
    assert not stale, f"dist/ is stale, run `make synth` and commit: {stale}"


def test_synth_is_deterministic(synthesized, tmp_path):
    again = tmp_path / "dist"
    synthesize([], again)
    assert tree(again) == tree(synthesized)


def jsii_started_by_importing(modules: list[str]) -> bool:
    """Whether importing `modules` in a fresh interpreter loads cdk8s or jsii."""
    probe = (
        f"import importlib, sys; [importlib.import_module(m) for m in {modules!r}]; "
        "print(bool({'cdk8s', 'jsii'} & set(sys.modules)))"
    )
    loaded = subprocess.run(
        [sys.executable, "-c", probe],
        cwd=ROOT,
        env=os.environ | {"PYTHONPATH": f"{ROOT / 'constructs'}:{ROOT}"},
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    return loaded == "True"


def test_the_synth_entry_point_starts_no_jsii_runtime_before_its_staging_folder_exists():
    """The jsii runtime starts with the build, so that its temporary files go in the staging folder
    and leave with it after a Ctrl-C or a kill: a model module importing a construct module would
    start it earlier, where they stay behind."""
    assert not jsii_started_by_importing(["ecommerce.pipeline.synth"])


@pytest.mark.parametrize("env", list(ENVIRONMENTS))
def test_each_object_is_written_once_per_environment(synthesized, env):
    """Two objects of one kind, namespace and name in an environment's files would be one object
    in the cluster, each apply overwriting the other."""
    seen: dict[tuple[str, str, str, str], str] = {}
    for path in sorted((synthesized / env).rglob("*.yaml")):
        for doc in yaml.safe_load_all(path.read_text()):
            if not doc:
                continue
            meta = doc["metadata"]
            key = (doc["apiVersion"].split("/")[0], doc["kind"], meta.get("namespace", ""), meta["name"])
            where = str(path.relative_to(synthesized / env))
            assert key not in seen, f"{key} in {seen.get(key)} and {where}"
            seen[key] = where


def test_plain_data_starts_no_jsii_runtime():
    """The model and what is derived from it are plain data: the synth's parent process and the
    tooling (ecommerce_ops) read them without starting jsii. A construct module imported from
    one of them would break that."""
    modules = sorted(
        ".".join(path.relative_to(ROOT / "constructs").with_suffix("").parts).removesuffix(".__init__")
        for package in ("ecommerce/model", "ecommerce/derived", "ecommerce_ops")
        for path in (ROOT / "constructs" / package).rglob("*.py")
    )
    assert len(modules) > 10
    assert not jsii_started_by_importing(modules)


def test_one_folder_per_environment(synthesized):
    assert sorted(p.name for p in synthesized.iterdir()) == sorted(ENVIRONMENTS)


def test_no_hash_suffixes_nor_construct_address_labels(synthesized):
    for path in synthesized.rglob("*.yaml"):
        assert "cdk8s.io/metadata.addr" not in path.read_text(), path


def test_names_are_stable_human_names(all_documents):
    for env, doc in all_documents:
        name = doc["metadata"]["name"]
        assert not CDK8S_HASH.search(name), f"{env}: {doc['kind']} {name} carries a cdk8s hash"


def test_every_object_carries_the_recommended_labels(all_documents):
    for env, doc in all_documents:
        labels = doc["metadata"].get("labels", {})
        missing = [key for key in RECOMMENDED if key not in labels]
        assert not missing, f"{env}: {doc['kind']}/{doc['metadata']['name']} lacks {missing}"
        assert labels["app.kubernetes.io/part-of"] == "e-commerce"
        assert labels["app.kubernetes.io/managed-by"] == "cdk8s"
        assert labels["environment"] == env


def test_volume_claim_templates_carry_no_label_that_changes_with_a_release(all_documents):
    """A StatefulSet's volumeClaimTemplates are immutable: a version label there makes the first
    image bump a rejected update."""
    claims = 0
    for env, doc in all_documents:
        if doc["kind"] == "StatefulSet":
            for claim in doc["spec"].get("volumeClaimTemplates", []):
                labels = claim["metadata"].get("labels", {})
                assert "app.kubernetes.io/version" not in labels, f"{env}: {doc['metadata']['name']}"
                assert labels.get("app.kubernetes.io/name") == doc["metadata"]["labels"]["app.kubernetes.io/name"]
                claims += 1
    assert claims, "the environments have persistent StatefulSets"


@pytest.mark.parametrize("env", list(ENVIRONMENTS))
def test_namespaces_are_applied_before_what_lives_in_them(documents, env):
    created: set[str] = set()
    for doc in documents[env]:
        if doc["kind"] == "Namespace":
            created.add(doc["metadata"]["name"])
        namespace = doc["metadata"].get("namespace")
        if namespace is not None:
            assert namespace in created, f"{doc['kind']}/{doc['metadata']['name']} comes before namespace {namespace}"


@pytest.mark.parametrize("env", list(ENVIRONMENTS))
def test_sync_waves_follow_apply_order(documents, env):
    waves = [int(doc["metadata"]["annotations"]["argocd.argoproj.io/sync-wave"]) for doc in documents[env]]
    assert waves == sorted(waves)


def test_generated_documents_are_fresh():
    from ecommerce.pipeline.synth import generated_documents

    docs = DIST.parent / "docs"
    stale = [
        name
        for name, content in generated_documents().items()
        if not (docs / name).is_file() or (docs / name).read_text() != content
    ]
    assert not stale, f"docs/ is stale, run `make synth` and commit: {stale}"
