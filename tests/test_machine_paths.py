"""Nothing in the repository depends on where this machine keeps the clone."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def tracked_files() -> list[Path]:
    if not (ROOT / ".git").exists() or not shutil.which("git"):
        pytest.skip("not a git clone")
    listing = subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, check=True).stdout
    return [ROOT / name for name in listing.decode().split("\0") if name and (ROOT / name).is_file()]


def test_no_file_names_the_folder_the_clone_sits_in():
    """Where this machine keeps the clone, and ../shared beside it, is this machine's business.
    (The parent folder alone may be a common one such as /tmp, which documentation may name.)"""
    if ROOT.parent == ROOT.parent.parent:
        pytest.skip("the clone sits at the root of the file system")
    paths = (f"{ROOT}/", f"{ROOT.parent}/shared")
    naming = [str(path.relative_to(ROOT)) for path in tracked_files() if any(p.encode() in path.read_bytes() for p in paths)]
    assert not naming, f"these files name {' or '.join(paths)}: {naming}"


@pytest.mark.parametrize(
    ("env", "message"),
    [
        ({}, "error: no pinned CRDs in ../shared/crds: run `make crds DIR=/tmp/crds` and set ECOMMERCE_CRDS_DIR=/tmp/crds"),
        (
            {"ECOMMERCE_CRDS_DIR": "crds"},
            "error: no pinned add-ons in ../shared/addons: run `make addons DIR=/tmp/addons` and set "
            "ECOMMERCE_ADDONS_DIR=/tmp/addons",
        ),
    ],
    ids=["no-crds", "no-addons"],
)
def test_ci_entry_point_without_the_pinned_files_says_where_it_looked(tmp_path, env, message):
    """A clone with nothing beside it: .ci/run stops at once, in one line, before installing anything."""
    clone = tmp_path / "clone"
    (clone / ".ci").mkdir(parents=True)
    (clone / "crds").mkdir()
    shutil.copy2(ROOT / ".ci" / "run", clone / ".ci" / "run")
    environ = {k: v for k, v in os.environ.items() if not k.startswith("ECOMMERCE_")} | env
    result = subprocess.run(["bash", ".ci/run"], cwd=clone, env=environ, capture_output=True, text=True, timeout=60)
    assert result.returncode == 2
    assert result.stderr.splitlines() == [message]
