"""Every container image the platform runs, one per line: what the security workflow's Trivy scan reads.

.venv/bin/python scripts/pinned_images.py            the images of dist/<env>/ (releases/*.yaml and the platform's own)
.venv/bin/python scripts/pinned_images.py --addons   and those of the pinned add-ons, rendered with our values
                                                     (needs ../shared/addons or ECOMMERCE_ADDONS_DIR: `make addons`)
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
ENVIRONMENTS = ("dev", "staging", "prod")
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _pod_spec(obj: dict) -> dict | None:
    spec = obj.get("spec") or {}
    if obj.get("kind") == "Pod":
        return spec
    if obj.get("kind") == "CronJob":
        return (((spec.get("jobTemplate") or {}).get("spec") or {}).get("template") or {}).get("spec")
    return (spec.get("template") or {}).get("spec")


def images_of(objects: Iterable[dict]) -> Iterator[str]:
    for obj in objects:
        pod = _pod_spec(obj) if isinstance(obj, dict) else None
        for key in ("initContainers", "containers", "ephemeralContainers"):
            for container in (pod or {}).get(key) or []:
                if container.get("image"):
                    yield container["image"]
        # The custom resources whose operators start the pods: their image is ours too.
        spec = obj.get("spec") if isinstance(obj, dict) else None
        if isinstance(spec, dict) and isinstance(spec.get("image"), str) and "/" in spec["image"]:
            yield spec["image"]


def dist_images(dist: Path = ROOT / "dist") -> set[str]:
    found: set[str] = set()
    for path in sorted(dist.glob("*/*.yaml")):
        found.update(images_of(doc for doc in yaml.load_all(path.read_text(), Loader=_LOADER) if doc))
    return found


def addon_images() -> set[str]:
    sys.path.insert(0, str(ROOT / "constructs"))
    sys.path.insert(0, str(ROOT))
    from tests.platform.addons import rendered_addons

    found: set[str] = set()
    for env in ENVIRONMENTS:
        for objects in rendered_addons(env).values():
            found.update(images_of(objects))
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--addons", action="store_true", help="add the images of the rendered add-ons")
    args = parser.parse_args(argv)
    images = dist_images() | (addon_images() if args.addons else set())
    print("\n".join(sorted(images)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
