"""main.py end to end, in a copy of the project: bad input gives one line, exit 2, dist/ untouched."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A copy of what main.py reads, with a dist/ holding a sentinel to prove it is untouched."""
    copy = tmp_path / "project"
    copy.mkdir()
    shutil.copy2(ROOT / "main.py", copy / "main.py")
    shutil.copytree(ROOT / "constructs", copy / "constructs", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(ROOT / "releases", copy / "releases")
    shutil.copytree(ROOT / "deploy", copy / "deploy")
    (copy / "imports").symlink_to(ROOT / "imports")
    (copy / "dist" / "prod").mkdir(parents=True)
    (copy / "dist" / "prod" / "sentinel.yaml").write_text("previous output\n")
    return copy


def run(project: Path, *args: str, python: tuple[str, ...] = (), **env: str) -> subprocess.CompletedProcess[str]:
    environ = {k: v for k, v in os.environ.items() if k != "CDK8S_OUTDIR"} | env
    command = [sys.executable, *python, "main.py", *args]
    return subprocess.run(command, cwd=project, env=environ, capture_output=True, text=True, timeout=120)


def snapshot_tree(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def assert_rejected(project: Path, result: subprocess.CompletedProcess[str], before: dict[str, bytes], message: str) -> None:
    assert result.returncode == 2, result.stderr
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert "Traceback" not in result.stderr
    assert lines[0].startswith("error: ") and message in lines[0], lines[0]
    assert snapshot_tree(project / "dist") == before
    assert not [p for p in project.iterdir() if p.name.startswith(".dist")], "staging folder left behind"


def test_unknown_environment(project):
    before = snapshot_tree(project / "dist")
    result = run(project, "--env", "qa")
    assert_rejected(project, result, before, "--env: unknown environment 'qa' (allowed: dev, staging, prod)")


def test_unknown_option(project):
    before = snapshot_tree(project / "dist")
    assert_rejected(project, run(project, "--environment", "prod"), before, "unrecognized arguments: --environment")


def test_unpinned_production_image(project):
    release = project / "releases" / "prod.yaml"
    lines = release.read_text().splitlines()
    release.write_text(
        "\n".join("  orders: ghcr.io/e-commerce-back/orders:latest" if line.startswith("  orders:") else line for line in lines)
    )
    before = snapshot_tree(project / "dist")
    assert_rejected(
        project,
        run(project),
        before,
        "prod: releases/prod.yaml: orders: prod images must be pinned by @sha256 digest "
        "(got 'ghcr.io/e-commerce-back/orders:latest')",
    )


def test_release_file_that_is_not_yaml(project):
    (project / "releases" / "staging.yaml").write_text("images:\n  auth: [unclosed\n")
    before = snapshot_tree(project / "dist")
    assert_rejected(project, run(project, "--env", "staging"), before, "staging: releases/staging.yaml: line 3: not valid YAML")


def test_missing_service_in_release(project):
    release = project / "releases" / "dev.yaml"
    release.write_text("".join(line + "\n" for line in release.read_text().splitlines() if not line.startswith("  sav:")))
    before = snapshot_tree(project / "dist")
    assert_rejected(project, run(project, "--env", "dev"), before, "dev: releases/dev.yaml: images: missing service 'sav'")


def test_invalid_environment_model_value(project):
    source = project / "constructs" / "ecommerce" / "environments.py"
    text = source.read_text()
    assert 'cpu_request="500m", cpu_limit="1000m"' in text
    source.write_text(text.replace('cpu_request="500m", cpu_limit="1000m"', 'cpu_request="1500m", cpu_limit="1000m"'))
    before = snapshot_tree(project / "dist")
    assert_rejected(
        project,
        run(project, "--env", "dev"),
        before,
        "constructs/ecommerce/environments.py: prod: resources.cpu_request: request 1500m is above the limit cpu_limit=1000m",
    )


def test_one_environment_replaces_only_its_folder(project):
    (project / "dist" / "dev").mkdir()
    (project / "dist" / "dev" / "kept.yaml").write_text("dev stays\n")
    result = run(project, "--env", "prod")
    assert result.returncode == 0, result.stderr
    assert (project / "dist" / "dev" / "kept.yaml").read_text() == "dev stays\n"
    assert not (project / "dist" / "prod" / "sentinel.yaml").exists()
    # Built in halves by two workers, it is still the whole environment.
    assert snapshot_tree(project / "dist" / "prod") == snapshot_tree(ROOT / "dist" / "prod")


def test_all_environments_replace_dist_and_drop_stale_files(project, tmp_path):
    scratch = tmp_path / "tmp"
    scratch.mkdir()
    # As `make synth` runs it: optimised, environments built in forked workers.
    result = run(project, python=("-O",), TMPDIR=str(scratch))
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in (project / "dist").iterdir()) == ["dev", "prod", "staging"]
    assert not (project / "dist" / "prod" / "sentinel.yaml").exists()
    assert result.stdout.splitlines()[0].startswith("dist/dev: ")
    assert snapshot_tree(project / "dist") == snapshot_tree(ROOT / "dist"), "optimised synth differs from the checked one"
    # The jsii runtimes of the parent and of every worker were stopped and cleaned up.
    assert not list(scratch.iterdir())


def test_catalog_mistake(project):
    source = project / "constructs" / "ecommerce" / "catalog.py"
    text = source.read_text()
    assert text.count('route_prefix="/api/sav"') == 1
    source.write_text(text.replace('route_prefix="/api/sav"', 'route_prefix="/api/orders"'))
    before = snapshot_tree(project / "dist")
    assert_rejected(
        project,
        run(project),
        before,
        "constructs/ecommerce/catalog.py: sav: route_prefix: '/api/orders' is already the route of orders",
    )


def test_bad_value_found_while_building_in_a_worker(project):
    release = project / "releases" / "dev.yaml"
    text = release.read_text()
    pinned = next(line for line in text.splitlines() if line.startswith("  mysql: "))
    release.write_text(text.replace(pinned, "  mysql: docker.io/library/mysql:lts"))
    before = snapshot_tree(project / "dist")
    # All environments: the build runs in worker processes, which must report it the same way.
    assert_rejected(
        project, run(project), before, "error: dev: mysql: image: the tag must be the MySQL version, e.g. 8.4.11 (got 'lts';"
    )
