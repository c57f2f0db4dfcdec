"""Download the CRDs pinned in cdk8s.yaml into a folder laid out like ../shared/crds.

    .venv/bin/python scripts/fetch_crds.py DIR && export ECOMMERCE_CRDS_DIR=DIR
    .venv/bin/python scripts/fetch_crds.py --mirror URL DIR    (from a mirror of raw.githubusercontent.com)
    .venv/bin/python scripts/fetch_crds.py --update-lock DIR   (pin the files in DIR, after a bump)

For a clone without ../shared: the custom-resource schema tests and `make imports` then
work from DIR. Needs internet access (raw.githubusercontent.com) or a mirror of it. Every
file must have the sha256 pinned in crds.lock.json; nothing is written unless all do. One
line per file written; a failure is one line on stderr naming the file or URL.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import urlparse

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "constructs"))

from ecommerce_ops.crd_sources import LOCK_FILE, CrdChecksumError, check_sha256, local_names, pinned_sha256  # noqa: E402

TIMEOUT_SECONDS = 60
UPSTREAM = "https://raw.githubusercontent.com/"


def pinned_urls() -> list[str]:
    return [entry.partition(":=")[2] for entry in yaml.safe_load((ROOT / "cdk8s.yaml").read_text())["imports"]]


def split(url: str, data: bytes) -> dict[str, bytes]:
    """Local file name -> bytes, for the upstream file at `url`."""
    names = local_names(urlparse(url).path)
    if len(names) == 1:
        return {names[0]: data}
    # A multi-document upstream file: its first documents are the local files, in order,
    # each cut at its `---` line with its bytes unchanged; the documents after them are dropped.
    documents = data.split(b"\n---\n")
    return {name: document + b"\n" for name, document in zip(names, documents, strict=False)}


def download(url: str, mirror: str | None) -> bytes:
    if mirror is not None:
        url = mirror.rstrip("/") + "/" + url.removeprefix(UPSTREAM)
    with urllib.request.urlopen(url, timeout=TIMEOUT_SECONDS) as response:
        return response.read()


def fetch(target: Path, mirror: str | None) -> int:
    pins = pinned_sha256()
    files: dict[str, bytes] = {}
    for url in pinned_urls():
        try:
            data = download(url, mirror)
        except (urllib.error.URLError, OSError) as error:
            print(f"fetch_crds: {url}: {getattr(error, 'reason', error)}; nothing written", file=sys.stderr)
            return 1
        for name, content in split(url, data).items():
            try:
                check_sha256(name, content, pins)
            except CrdChecksumError as error:
                print(f"fetch_crds: {url}: {error}; nothing written", file=sys.stderr)
                return 1
            files[name] = content
    target.mkdir(parents=True, exist_ok=True)
    for name, content in files.items():
        (target / name).write_bytes(content)
        print(f"{target / name}  sha256 {pins[name][:16]}… as pinned")
    return 0


def update_lock(source: Path) -> int:
    """Pin the files in `source` (one per local name of every URL in cdk8s.yaml)."""
    names = [name for url in pinned_urls() for name in local_names(urlparse(url).path)]
    missing = [name for name in names if not (source / name).is_file()]
    if missing:
        print(f"fetch_crds: {source}: missing {', '.join(missing)}", file=sys.stderr)
        return 1
    lock = json.loads(LOCK_FILE.read_text())
    lock["files"] = {name: hashlib.sha256((source / name).read_bytes()).hexdigest() for name in sorted(names)}
    LOCK_FILE.write_text(json.dumps(lock, indent=2) + "\n")
    for name in sorted(names):
        print(f"{source / name}  sha256 {lock['files'][name][:16]}… pinned")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dir", type=Path)
    parser.add_argument("--mirror", help="base URL standing for https://raw.githubusercontent.com/")
    parser.add_argument("--update-lock", action="store_true", help=f"pin the files in DIR in {LOCK_FILE.name}")
    args = parser.parse_args(argv)
    return update_lock(args.dir) if args.update_lock else fetch(args.dir, args.mirror)


if __name__ == "__main__":
    sys.exit(main())
