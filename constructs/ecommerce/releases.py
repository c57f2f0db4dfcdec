"""releases/<env>.yaml: the image each service runs in an environment (data a release bot bumps)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType

import yaml

from .catalog import Catalog
from .environments import Environment
from .errors import ConfigError
from .images import ImageRef, parse_image

RELEASES_DIR = Path(__file__).resolve().parents[2] / "releases"


@dataclass(frozen=True)
class Release:
    environment: str
    images: Mapping[str, ImageRef]

    def image(self, service: str) -> ImageRef:
        return self.images[service]


class _UniqueKeyLoader(yaml.SafeLoader):
    """SafeLoader that refuses a key given twice, which plain YAML loading silently keeps the last of."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict:
        seen = set()
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=deep)
            if key in seen:
                raise ConfigError(f"line {key_node.start_mark.line + 1}", f"duplicate key {key!r}")
            seen.add(key)
        return super().construct_mapping(node, deep=deep)


def load_yaml(path: Path, display: str) -> object:
    if not path.is_file():
        raise ConfigError(display, "file not found")
    try:
        return yaml.load(path.read_text(encoding="utf-8"), Loader=_UniqueKeyLoader)
    except ConfigError as error:
        raise error.within(display) from None
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = f"line {mark.line + 1}: " if mark is not None else ""
        problem = getattr(error, "problem", None) or str(error).splitlines()[0]
        raise ConfigError(display, f"{line}not valid YAML ({problem})") from None
    except UnicodeDecodeError:
        raise ConfigError(display, "not UTF-8 text") from None


def load_release(environment: Environment, catalog: Catalog, directory: Path = RELEASES_DIR) -> Release:
    display = f"{environment.name}: releases/{environment.name}.yaml"
    document = load_yaml(directory / f"{environment.name}.yaml", display)
    if not isinstance(document, dict) or not isinstance(document.get("images"), dict):
        raise ConfigError(display, "expected a mapping with an 'images:' mapping of service name to image reference")
    unexpected = sorted(set(document) - {"images"})
    if unexpected:
        raise ConfigError(display, f"unknown top-level key(s) {', '.join(map(repr, unexpected))} (allowed: 'images')")
    entries = document["images"]
    known = set(catalog.names)
    for name in entries:
        if name not in known:
            raise ConfigError(f"{display}: images", f"unknown service {name!r} (known: {', '.join(catalog.names)})")
    images = {}
    for name in catalog.names:
        if name not in entries:
            raise ConfigError(f"{display}: images", f"missing service {name!r} (every catalog service needs an image)")
        image = parse_image(entries[name], f"{display}: {name}")
        if environment.require_pinned_images and not image.pinned:
            raise ConfigError(
                f"{display}: {name}",
                f"{environment.name} images must be pinned by @sha256 digest (got {entries[name]!r})",
            )
        images[name] = image
    return Release(environment.name, MappingProxyType(images))
