"""releases/<env>.yaml: the image each service runs in an environment (data a release bot bumps)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType

import yaml

from ecommerce.errors import ConfigError
from ecommerce.model.catalog import Catalog
from ecommerce.model.environments import Environment
from ecommerce.model.images import ImageRef, parse_image
from ecommerce.model.project import PROJECT_ROOT

RELEASES_DIR = PROJECT_ROOT / "releases"
# Images of the platform's own workloads (data stores, exporters, jobs), promoted from
# environment to environment like the services' images.
PLATFORM_IMAGES = ("mysql", "mysqld-exporter", "redis", "redis-exporter", "rabbitmq")


@dataclass(frozen=True)
class Release:
    environment: str
    images: Mapping[str, ImageRef]
    platform: Mapping[str, ImageRef]

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
    sections = {"images": "service", "platform": "platform component"}
    if not isinstance(document, dict) or not all(isinstance(document.get(key), dict) for key in sections):
        raise ConfigError(
            display,
            "expected a mapping with 'images:' (service -> image) and 'platform:' (component -> image) mappings",
        )
    unexpected = sorted(set(document) - set(sections))
    if unexpected:
        raise ConfigError(display, f"unknown top-level key(s) {', '.join(map(repr, unexpected))} (allowed: 'images', 'platform')")
    images = _images(environment, display, "images", document["images"], catalog.names, "service")
    platform = _images(environment, display, "platform", document["platform"], PLATFORM_IMAGES, "platform component")
    return Release(environment.name, images, platform)


def _images(
    environment: Environment, display: str, section: str, entries: dict, expected: tuple[str, ...], what: str
) -> Mapping[str, ImageRef]:
    for name in entries:
        if name not in expected:
            raise ConfigError(f"{display}: {section}", f"unknown {what} {name!r} (known: {', '.join(expected)})")
    images = {}
    for name in expected:
        if name not in entries:
            raise ConfigError(f"{display}: {section}", f"missing {what} {name!r} (every {what} needs an image)")
        image = parse_image(entries[name], f"{display}: {name}")
        if environment.require_pinned_images and not image.pinned:
            raise ConfigError(
                f"{display}: {name}",
                f"{environment.name} images must be pinned by @sha256 digest (got {entries[name]!r})",
            )
        images[name] = image
    return MappingProxyType(images)
