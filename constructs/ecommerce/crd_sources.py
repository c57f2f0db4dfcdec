"""Where the pinned upstream CRDs live on this machine, and which local file stands for
which upstream URL (used by `make imports` and by the custom-resource schema tests)."""

from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

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
