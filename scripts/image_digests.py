"""Asks each registry for the digest of every image the repository pins by digest, and says
where the registry disagrees.

    python scripts/image_digests.py verify              the add-ons' images (addon-images.lock.json)
    python scripts/image_digests.py verify --releases   and the images of releases/*.yaml pinned by digest

One line per image whose registry serves another digest for its tag (or could not be asked),
exit status 1 if there is any. The add-ons' digests were pinned without reaching any registry
(addon-images.lock.json says how): this is the check that the registries agree, run by the
security workflow and `make image-digests`. Standard library only (urllib), so that it runs
before any dependency is installed.

The registry's digest of a tag is that of the manifest it serves for it: asked first for a
multi-arch index (OCI image index, Docker manifest list), the digest a pull by tag resolves and
the one pinned. Anonymous pull tokens are fetched where a registry asks for one (Docker Hub,
ghcr.io, quay.io, registry.k8s.io, container-registry.oracle.com all answer the same Docker
Registry HTTP API v2 token flow). `--registry HOST=URL` sends a host's requests elsewhere (a
mirror; the tests' local fake registry).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LOCK = ROOT / "addon-images.lock.json"
RELEASES = ROOT / "releases"

# Index types first: a registry answers with the first it has, and a tag of a multi-arch image
# resolves to its index. The single-image types for images that have none.
ACCEPT = ", ".join(
    (
        "application/vnd.oci.image.index.v1+json",
        "application/vnd.docker.distribution.manifest.list.v2+json",
        "application/vnd.oci.image.manifest.v1+json",
        "application/vnd.docker.distribution.manifest.v2+json",
    )
)
# Docker Hub's registry is not at the name images use.
_REGISTRY_HOSTS = {"docker.io": "registry-1.docker.io"}
_DIGEST = re.compile(r"sha256:[0-9a-f]{64}")
_PINNED = re.compile(r"(?P<image>[a-z0-9][^\s@\"']*)@(?P<digest>sha256:[0-9a-f]{64})")
_CHALLENGE = re.compile(r'(\w+)="([^"]*)"')
TIMEOUT = 30


class RegistryError(Exception):
    pass


@dataclass(frozen=True)
class Reference:
    host: str
    repository: str
    tag: str

    @classmethod
    def parse(cls, image: str) -> Reference:
        """`host/repository:tag` as Docker reads it (no host: docker.io; one path segment on Docker Hub: library/)."""
        name, colon, tag = image.rpartition(":")
        if not colon or "/" in tag or not tag:
            raise RegistryError(f"{image}: no tag")
        first, slash, rest = name.partition("/")
        if slash and ("." in first or ":" in first or first == "localhost"):
            host, repository = first, rest
        else:
            host, repository = "docker.io", name
        if host == "docker.io" and "/" not in repository:
            repository = f"library/{repository}"
        return cls(host, repository, tag)


def pinned_add_on_images(lock: Path = LOCK) -> dict[str, str]:
    """Image reference with tag -> recorded digest, from the add-ons' lock."""
    return {image: entry["digest"] for image, entry in json.loads(lock.read_text())["images"].items()}


def pinned_release_images(folder: Path = RELEASES) -> dict[str, str]:
    """Image reference with tag -> digest, for every `<image>:<tag>@sha256:` of releases/*.yaml."""
    found: dict[str, str] = {}
    for path in sorted(folder.glob("*.yaml")):
        for line in path.read_text().splitlines():
            if line.lstrip().startswith("#"):
                continue
            for match in _PINNED.finditer(line):
                found[match["image"]] = match["digest"]
    return found


def _request(url: str, method: str, headers: Mapping[str, str]) -> urllib.request.Request:
    return urllib.request.Request(url, method=method, headers=dict(headers))


def _token(challenge: str, base: str, repository: str) -> str:
    """An anonymous pull token, by the registry's `WWW-Authenticate: Bearer realm=...` challenge."""
    scheme, _, params = challenge.partition(" ")
    if scheme.lower() != "bearer":
        raise RegistryError(f"asks for {scheme} authentication, not an anonymous token")
    fields = dict(_CHALLENGE.findall(params))
    realm = fields.get("realm", "")
    # The token comes over TLS, except from a registry that is itself plain HTTP (a local one).
    if urllib.parse.urlparse(realm).scheme != "https" and urllib.parse.urlparse(base).scheme != "http":
        raise RegistryError(f"token realm {realm!r} is not HTTPS")
    query = {"scope": fields.get("scope") or f"repository:{repository}:pull"}
    if "service" in fields:
        query["service"] = fields["service"]
    with urllib.request.urlopen(f"{realm}?{urllib.parse.urlencode(query)}", timeout=TIMEOUT) as response:
        body = json.load(response)
    token = body.get("token") or body.get("access_token")
    if not token:
        raise RegistryError("its token endpoint returned no token")
    return token


def _fetch(url: str, method: str, base: str, repository: str) -> tuple[dict[str, str], bytes]:
    headers = {"Accept": ACCEPT, "User-Agent": "e-commerce-image-digests"}
    try:
        with urllib.request.urlopen(_request(url, method, headers), timeout=TIMEOUT) as response:
            return dict(response.headers.items()), response.read()
    except urllib.error.HTTPError as error:
        if error.code != 401 or "WWW-Authenticate" not in error.headers:
            raise
        challenge = error.headers["WWW-Authenticate"]
    headers["Authorization"] = f"Bearer {_token(challenge, base, repository)}"
    with urllib.request.urlopen(_request(url, method, headers), timeout=TIMEOUT) as response:
        return dict(response.headers.items()), response.read()


def registry_digest(image: str, registries: Mapping[str, str] | None = None) -> str:
    """The digest the image's registry serves for its tag (the index, where there is one)."""
    reference = Reference.parse(image)
    base = (registries or {}).get(reference.host) or f"https://{_REGISTRY_HOSTS.get(reference.host, reference.host)}"
    url = f"{base.rstrip('/')}/v2/{reference.repository}/manifests/{urllib.parse.quote(reference.tag)}"
    headers, _ = _fetch(url, "HEAD", base, reference.repository)
    digest = {key.lower(): value for key, value in headers.items()}.get("docker-content-digest", "").strip()
    if not digest:
        # Not every registry states it on HEAD: the digest is the sha256 of the manifest's bytes.
        _, body = _fetch(url, "GET", base, reference.repository)
        digest = "sha256:" + hashlib.sha256(body).hexdigest()
    if not _DIGEST.fullmatch(digest):
        raise RegistryError(f"answered digest {digest!r}")
    return digest


def mismatches(pinned: Mapping[str, str], registries: Mapping[str, str] | None = None) -> Iterable[str]:
    """One line per image whose registry disagrees with the recorded digest or could not be asked."""
    for image, recorded in sorted(pinned.items()):
        try:
            served = registry_digest(image, registries)
        except (RegistryError, urllib.error.URLError, OSError, ValueError) as error:
            yield f"{image}: not checked ({error})"
            continue
        if served != recorded:
            yield f"{image}: pinned {recorded}, its registry serves {served}"


def _registry_override(text: str) -> tuple[str, str]:
    host, equals, url = text.partition("=")
    if not equals or not url.startswith(("http://", "https://")):
        raise argparse.ArgumentTypeError(f"{text!r}: expected HOST=URL")
    return host, url


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = parser.add_subparsers(dest="command", required=True)
    verify = commands.add_parser("verify", help="compare the pinned digests with their registries'")
    verify.add_argument("--releases", action="store_true", help="also the images of releases/*.yaml pinned by digest")
    verify.add_argument("--lock", type=Path, default=LOCK, help="the add-ons' image lock (default: %(default)s)")
    verify.add_argument("--releases-dir", type=Path, default=RELEASES, help=argparse.SUPPRESS)
    verify.add_argument(
        "--registry", type=_registry_override, action="append", default=[], metavar="HOST=URL", help="ask URL for HOST's images"
    )
    args = parser.parse_args(argv)
    pinned = pinned_add_on_images(args.lock)
    if args.releases:
        pinned |= pinned_release_images(args.releases_dir)
    problems = list(mismatches(pinned, dict(args.registry)))
    for line in problems:
        print(line)
    print(f"{len(pinned)} pinned images, {len(problems)} differing from their registries or not checked", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
