"""Container image references, parsed by the grammar of distribution/reference."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ecommerce.errors import ConfigError

_COMPONENT = r"[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*"
_DOMAIN = r"(?:localhost|[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)+)(?::[0-9]+)?"
_REFERENCE = re.compile(
    rf"^(?P<registry>{_DOMAIN})/(?P<repository>{_COMPONENT}(?:/{_COMPONENT})*)"
    r"(?::(?P<tag>[\w][\w.-]{0,127}))?"
    r"(?:@(?P<digest>sha256:[a-f0-9]{64}))?$"
)
EXAMPLE = "registry.example.com/team/app:1.2.3 or ...@sha256:<64 hex digits>"


@dataclass(frozen=True)
class ImageRef:
    registry: str
    repository: str
    tag: str | None
    digest: str | None

    @property
    def pinned(self) -> bool:
        return self.digest is not None

    def __str__(self) -> str:
        text = f"{self.registry}/{self.repository}"
        if self.tag:
            text += f":{self.tag}"
        if self.digest:
            text += f"@{self.digest}"
        return text


def parse_image(value: object, where: str) -> ImageRef:
    match = _REFERENCE.match(value) if isinstance(value, str) else None
    if match is None:
        raise ConfigError(where, f"malformed image reference {value!r} (expected {EXAMPLE})")
    if match["tag"] is None and match["digest"] is None:
        raise ConfigError(where, f"image {value!r} has neither a tag nor a digest (expected {EXAMPLE})")
    return ImageRef(match["registry"], match["repository"], match["tag"], match["digest"])
