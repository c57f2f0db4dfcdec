"""Where the pinned upstream CRDs live on this machine, which local file stands for which
upstream URL, and the sha256 each local file must have (crds.lock.json); used by `make
imports`, `make crds` and the custom-resource schema tests."""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterable
from pathlib import Path

from ecommerce.model.project import PROJECT_ROOT

ROOT = PROJECT_ROOT
LOCK_FILE = ROOT / "crds.lock.json"

# Upstream file names that differ from the local copies in ../shared/crds. The MySQL
# Operator ships its CRDs in one multi-document file; the local copies are its first
# two documents (the other two are kopf peering CRDs the platform does not use).
_LOCAL_NAMES = {
    "application-crd.yaml": ("argoproj.io_applications.yaml",),
    "appproject-crd.yaml": ("argoproj.io_appprojects.yaml",),
    "deploy-crds.yaml": (
        "mysql.oracle.com_innodbclusters.yaml",
        "mysql.oracle.com_mysqlbackups.yaml",
    ),
}


def crds_dir() -> Path | None:
    """The folder of pinned CRDs: $ECOMMERCE_CRDS_DIR, else ../shared/crds beside the checkout."""
    configured = os.environ.get("ECOMMERCE_CRDS_DIR")
    candidate = Path(configured) if configured else ROOT.parent / "shared" / "crds"
    return candidate if candidate.is_dir() else None


def local_names(url_path: str) -> tuple[str, ...]:
    """The local file name(s), in document order, of the upstream file at `url_path`."""
    basename = url_path.rsplit("/", 1)[-1]
    return _LOCAL_NAMES.get(basename, (basename,))


def local_crd_files(url_path: str, directory: Path) -> list[Path]:
    """The local file(s) holding the same CRDs as the upstream file at `url_path`."""
    files = [directory / name for name in local_names(url_path)]
    missing = [str(f) for f in files if not f.is_file()]
    if missing:
        raise FileNotFoundError(f"no local copy of {url_path}: missing {', '.join(missing)}")
    return files


class CrdChecksumError(Exception):
    """A CRD file whose bytes are not the pinned ones (the message is one line)."""


def pinned_sha256(lock_file: Path = LOCK_FILE) -> dict[str, str]:
    """Local file name -> the sha256 its bytes must have."""
    return json.loads(lock_file.read_text())["files"]


def check_sha256(name: str, data: bytes, pins: dict[str, str] | None = None) -> None:
    """CrdChecksumError unless `data` is the pinned content of the local file `name`."""
    expected = (pins if pins is not None else pinned_sha256()).get(name)
    if expected is None:
        raise CrdChecksumError(f"{name}: not pinned in {LOCK_FILE.name}")
    actual = hashlib.sha256(data).hexdigest()
    if actual != expected:
        raise CrdChecksumError(f"{name}: sha256 {actual} is not the pinned {expected} ({LOCK_FILE.name})")


def check_files(files: Iterable[Path], pins: dict[str, str] | None = None) -> None:
    """CrdChecksumError naming the first of `files` whose bytes are not pinned ones."""
    pins = pins if pins is not None else pinned_sha256()
    for path in files:
        check_sha256(path.name, path.read_bytes(), pins)
