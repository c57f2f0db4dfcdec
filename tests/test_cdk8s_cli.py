"""`cdk8s synth` (the pinned cdk8s-cli, as cdk8s.yaml configures it) end to end, on a copy of the
project and without a network: dist/ is written as `make synth` writes it, or left alone
(`--stdout`, a failing app, `--format helm`); the upgrade check prints no stack trace."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

from ecommerce.model.environments import ENVIRONMENTS
from tests.project_copy import ROOT, can_use_namespaces, copy_project, environment, leftovers, needs_namespaces, snapshot_tree

pytestmark = pytest.mark.skipif(
    not shutil.which("npx") or not (ROOT / "node_modules" / ".bin" / "cdk8s").exists(),
    reason="needs npx and node_modules (make setup)",
)

# A line of a JavaScript stack trace, as Node prints an uncaught error.
STACK_FRAME = re.compile(r"^\s+at .+\(.*:\d+:\d+\)$|^\s+at .+:\d+:\d+$", re.MULTILINE)


@pytest.fixture
def project(tmp_path: Path) -> Path:
    copy = copy_project(tmp_path / "project")
    shutil.copytree(ROOT / "dist", copy / "dist")
    return copy


def cdk8s(project: Path, *args: str, command: tuple[str, ...] = ("npx", "cdk8s")) -> subprocess.CompletedProcess[str]:
    """The CLI as the project calls it: the upgrade check off, and (where possible) no network at all."""
    offline = ("unshare", "--net") if can_use_namespaces() else ()
    return subprocess.run(
        [*offline, *command, *args],
        cwd=project,
        env=environment(CDK8S_CHECK_UPGRADE="false"),
        capture_output=True,
        text=True,
        timeout=600,
    )


def untouched(folder: Path) -> dict[str, tuple[bytes, int, int]]:
    """Each file's bytes, inode and time: the same only if nothing rewrote it."""
    return {
        str(p.relative_to(folder)): (p.read_bytes(), p.stat().st_ino, p.stat().st_mtime_ns)
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def break_the_catalog(project: Path) -> None:
    source = project / "constructs" / "ecommerce" / "model" / "catalog.py"
    text = source.read_text()
    assert text.count('route_prefix="/api/sav"') == 1
    source.write_text(text.replace('route_prefix="/api/sav"', 'route_prefix="/api/orders"'))


CATALOG_MISTAKE = "error: constructs/ecommerce/model/catalog.py: sav: route_prefix: '/api/orders' is already the route of orders"


def test_synth_writes_dist_as_make_synth_does(project):
    (project / "dist" / "prod" / "00-foundation.k8s.yaml").write_text("an older synth's output\n")
    result = cdk8s(project, "synth")
    assert result.returncode == 0, result.stderr
    assert not STACK_FRAME.search(result.stderr), result.stderr
    assert snapshot_tree(project / "dist") == snapshot_tree(ROOT / "dist")
    assert not leftovers(project)
    # The CLI's own output folder shows dist/: what it lists is what was written.
    listed = re.findall(r"^  - (.+)$", result.stdout, re.MULTILINE)
    assert listed and all((project / path).resolve().is_relative_to(project / "dist") for path in listed)
    assert len(listed) == len(snapshot_tree(ROOT / "dist"))


def test_stdout_prints_every_manifest_and_leaves_dist_alone(project):
    before = untouched(project / "dist")
    result = cdk8s(project, "synth", "--stdout")
    assert result.returncode == 0, result.stderr
    assert not STACK_FRAME.search(result.stderr), result.stderr
    assert untouched(project / "dist") == before
    # One YAML stream: each file of each environment, whole, under a comment naming it.
    parts = re.split(r"^(?:---\n)?# Source: (.+)\n", result.stdout, flags=re.MULTILINE)
    assert parts[0] == ""
    streamed = dict(zip(parts[1::2], parts[2::2], strict=True))
    committed = {name: data.decode() for name, data in snapshot_tree(ROOT / "dist").items()}
    assert streamed == committed
    assert [name.split("/")[0] for name in streamed] == sorted(
        (name.split("/")[0] for name in streamed), key=list(ENVIRONMENTS).index
    )
    documents = [doc for doc in yaml.safe_load_all(result.stdout) if doc]
    assert len(documents) == sum(len([d for d in yaml.safe_load_all(text) if d]) for text in committed.values())


@pytest.mark.parametrize("args", [("synth",), ("synth", "--stdout")], ids=["synth", "stdout"])
def test_a_failing_app_leaves_dist_alone(project, args):
    break_the_catalog(project)
    before = untouched(project / "dist")
    result = cdk8s(project, *args)
    assert result.returncode != 0
    # Our one line; the CLI then reports the app's exit status its own way (see README).
    assert result.stderr.splitlines().count(CATALOG_MISTAKE) == 1, result.stderr
    assert "Traceback" not in result.stderr
    assert result.stdout.strip() in ("", "Synthesizing application")
    assert untouched(project / "dist") == before
    assert not leftovers(project)


def test_helm_format_is_refused_and_leaves_dist_alone(project):
    # Without `imports:` the CLI does not download the CRDs into the chart first (no network
    # here): it goes straight to the app, which is what is tested.
    config = project / "cdk8s.yaml"
    config.write_text(config.read_text().split("\nimports:", 1)[0] + "\n")
    before = untouched(project / "dist")
    result = cdk8s(project, "synth", "--format", "helm", "--chart-version", "1.0.0")
    assert result.returncode != 0
    refusal = [line for line in result.stderr.splitlines() if line.startswith("error: ")]
    assert refusal == [
        "error: .cache/cdk8s-output: cdk8s synth --format helm is not supported: the platform is plain manifests, "
        "one folder per environment in dist/, and the chart would also carry the operators' CRDs, which their "
        "add-ons install"
    ], result.stderr
    assert "Traceback" not in result.stderr
    assert untouched(project / "dist") == before


def offline_without_upgrade_setting(project: Path, command: list[str], **env: str) -> subprocess.CompletedProcess[str]:
    """`command` run as a user would, with no network and CDK8S_CHECK_UPGRADE unset."""
    unset = {k: v for k, v in environment(**env).items() if k != "CDK8S_CHECK_UPGRADE"}
    return subprocess.run(["unshare", "--net", *command], cwd=project, env=unset, capture_output=True, text=True, timeout=600)


@needs_namespaces
def test_npm_run_synth_offline_prints_no_stack_trace(project):
    """package.json's script, the upgrade check switched off by its flag, not by the environment."""
    result = offline_without_upgrade_setting(project, ["npm", "run", "--silent", "synth"])
    assert result.returncode == 0, result.stderr
    assert not STACK_FRAME.search(result.stderr), result.stderr
    assert snapshot_tree(project / "dist") == snapshot_tree(ROOT / "dist")
    assert os.path.realpath(project / ".cache" / "cdk8s-output") == str(project / "dist")


@needs_namespaces
def test_bare_npx_cdk8s_synth_offline_checks_no_upgrade(project, tmp_path):
    """What a cdk8s user types, with nothing set: .npmrc keeps the CLI from asking npm for a newer
    version, which offline ends in a stack trace (and online leaves its cache in the home folder)."""
    home = tmp_path / "home"
    home.mkdir()
    result = offline_without_upgrade_setting(project, ["npx", "cdk8s", "synth", "--stdout"], HOME=str(home))
    assert result.returncode == 0, result.stderr
    assert not STACK_FRAME.search(result.stderr), result.stderr
    assert "of cdk8s-cli is available" not in result.stderr
    assert not (home / ".cdk8s-cli.version").exists()
    assert "kind: Namespace" in result.stdout
