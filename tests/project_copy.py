"""A copy of what main.py and `cdk8s synth` read, for tests that run them end to end."""

from __future__ import annotations

import functools
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def copy_project(destination: Path) -> Path:
    """The sources main.py reads, copied; the large generated or installed folders, linked."""
    destination.mkdir()
    for name in ("main.py", "cdk8s.yaml", "package.json", ".npmrc", "addon-images.lock.json"):
        shutil.copy2(ROOT / name, destination / name)
    for name in ("constructs", "releases", "deploy"):
        shutil.copytree(ROOT / name, destination / name, ignore=shutil.ignore_patterns("__pycache__"))
    for name in ("imports", "node_modules", ".venv"):
        (destination / name).symlink_to(ROOT / name)
    return destination


def run_main(project: Path, *args: str, python: tuple[str, ...] = (), **env: str) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, *python, "main.py", *args]
    return subprocess.run(command, cwd=project, env=environment(**env), capture_output=True, text=True, timeout=300)


def environment(**env: str) -> dict[str, str]:
    return {k: v for k, v in os.environ.items() if k != "CDK8S_OUTDIR"} | env


def snapshot_tree(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def synth_output(folder: Path, files: dict[str, str]) -> None:
    """Writes `files` (relative path: text) as an earlier synth would have left them."""
    for name, text in files.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)


def leftovers(folder: Path) -> list[str]:
    """Staging folders and temporary files of a synth, beside its output folder."""
    return sorted(p.name for p in folder.iterdir() if ".new-" in p.name or ".old" in p.name or ".synth-" in p.name)


@functools.cache
def can_use_namespaces() -> bool:
    """Root, with unshare: a mount namespace (private mounts, gone with the process) and a
    network namespace (no network)."""
    if os.geteuid() != 0 or not shutil.which("unshare"):
        return False
    return subprocess.run(["unshare", "--mount", "--net", "true"], capture_output=True).returncode == 0


needs_namespaces = pytest.mark.skipif(
    not can_use_namespaces(), reason="needs root and unshare (a private mount or an unplugged network)"
)
