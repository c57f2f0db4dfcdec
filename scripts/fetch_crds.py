"""Download the CRDs pinned in cdk8s.yaml into a folder laid out like ../shared/crds.

    .venv/bin/python scripts/fetch_crds.py DIR && export ECOMMERCE_CRDS_DIR=DIR

For a clone without ../shared: the custom-resource schema tests and `make imports` then
work from DIR. Needs internet access (raw.githubusercontent.com).
"""

from __future__ import annotations

import sys
import urllib.request
from pathlib import Path
from urllib.parse import urlparse

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "constructs"))

from ecommerce.crd_sources import local_names  # noqa: E402

TIMEOUT_SECONDS = 60


def main() -> int:
    if len(sys.argv) != 2:
        print("usage: fetch_crds.py DIR", file=sys.stderr)
        return 2
    target = Path(sys.argv[1])
    target.mkdir(parents=True, exist_ok=True)
    for entry in yaml.safe_load((ROOT / "cdk8s.yaml").read_text())["imports"]:
        _, _, url = entry.partition(":=")
        with urllib.request.urlopen(url, timeout=TIMEOUT_SECONDS) as response:
            text = response.read().decode()
        names = local_names(urlparse(url).path)
        # A multi-document upstream file: its first documents are the local files, in order.
        documents = text.split("\n---\n") if len(names) > 1 else [text]
        for name, document in zip(names, documents, strict=False):
            (target / name).write_text(document if document.endswith("\n") else document + "\n")
            print(f"{target / name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
