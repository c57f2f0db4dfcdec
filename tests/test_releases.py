"""releases/<env>.yaml: every service has a well-formed image; pinned where required."""

from __future__ import annotations

from pathlib import Path

import pytest

from ecommerce.errors import ConfigError
from ecommerce.model.catalog import CATALOG
from ecommerce.model.environments import DEV, ENVIRONMENTS, PROD
from ecommerce.model.images import parse_image
from ecommerce.model.releases import PLATFORM_IMAGES, RELEASES_DIR, load_release

DIGEST = "sha256:" + "ab" * 32


def write_release(directory: Path, env: str, body: str) -> Path:
    directory.mkdir(parents=True, exist_ok=True)
    (directory / f"{env}.yaml").write_text(body)
    return directory


def complete_images(overrides: dict[str, str] | None = None, pinned: bool = True, platform: dict[str, str] | None = None) -> str:
    suffix = f"@{DIGEST}" if pinned else ""
    images = {name: f"ghcr.io/e-commerce-back/{name}:1.0.0{suffix}" for name in CATALOG.names}
    images.update(overrides or {})
    components = {name: f"docker.io/library/{name}:1.0.0{suffix}" for name in PLATFORM_IMAGES}
    components.update(platform or {})
    return (
        "images:\n"
        + "".join(f"  {name}: {image}\n" for name, image in images.items())
        + "platform:\n"
        + "".join(f"  {name}: {image}\n" for name, image in components.items())
    )


@pytest.mark.parametrize("env", list(ENVIRONMENTS.values()), ids=list(ENVIRONMENTS))
def test_committed_releases_are_valid(env):
    release = load_release(env, CATALOG)
    assert set(release.images) == set(CATALOG.names)
    if env.require_pinned_images:
        assert all(image.pinned for image in release.images.values())


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ghcr.io/shop/orders:1.2.3", ("ghcr.io", "shop/orders", "1.2.3", None)),
        (f"registry.example.com:5000/a/b/c@{DIGEST}", ("registry.example.com:5000", "a/b/c", None, DIGEST)),
        (f"localhost/orders:v1@{DIGEST}", ("localhost", "orders", "v1", DIGEST)),
    ],
)
def test_image_references_parse(text, expected):
    image = parse_image(text, "here")
    assert (image.registry, image.repository, image.tag, image.digest) == expected
    assert str(image) == text


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("orders:latest", "malformed image reference 'orders:latest'"),
        ("ghcr.io/Shop/orders:1", "malformed image reference"),
        ("ghcr.io/shop/orders@sha256:abc", "malformed image reference"),
        ("ghcr.io/shop/orders", "has neither a tag nor a digest"),
        (42, "malformed image reference 42"),
    ],
)
def test_bad_image_references(text, message):
    with pytest.raises(ConfigError, match=message):
        parse_image(text, "here")


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("images:\n  auth: [\n", r"^dev: releases/dev.yaml: line 3: not valid YAML \(expected the node content"),
        ("- a\n- b\n", r"^dev: releases/dev.yaml: expected a mapping with 'images:' \(service -> image\) and 'platform:'"),
        ("images:\n  auth: ghcr.io/a/auth:1\n", r"^dev: releases/dev.yaml: expected a mapping with 'images:'"),
        (
            "images:\n  auth: ghcr.io/a/auth:1\n  auth: ghcr.io/a/auth:2\n",
            r"^dev: releases/dev.yaml: line 3: duplicate key 'auth'",
        ),
        (complete_images() + "version: 2\n", r"^dev: releases/dev.yaml: unknown top-level key\(s\) 'version'"),
        (
            complete_images({"payments": "ghcr.io/a/payments:1"}),
            r"^dev: releases/dev.yaml: images: unknown service 'payments' \(known: api-gateway, auth,",
        ),
        (
            complete_images().replace("  orders:", "  # orders:"),
            r"^dev: releases/dev.yaml: images: missing service 'orders' \(every service needs an image\)",
        ),
        (
            complete_images({"orders": "orders latest"}),
            r"^dev: releases/dev.yaml: orders: malformed image reference 'orders latest'",
        ),
    ],
)
def test_broken_release_files(tmp_path, body, message):
    directory = write_release(tmp_path, "dev", body)
    with pytest.raises(ConfigError, match=message):
        load_release(DEV, CATALOG, directory)


def test_missing_release_file(tmp_path):
    with pytest.raises(ConfigError, match=r"^prod: releases/prod.yaml: file not found$"):
        load_release(PROD, CATALOG, tmp_path)


def test_production_refuses_unpinned_images(tmp_path):
    body = complete_images({"orders": "ghcr.io/e-commerce-back/orders:latest"})
    directory = write_release(tmp_path, "prod", body)
    with pytest.raises(
        ConfigError,
        match=r"^prod: releases/prod.yaml: orders: prod images must be pinned by @sha256 digest "
        r"\(got 'ghcr.io/e-commerce-back/orders:latest'\)$",
    ):
        load_release(PROD, CATALOG, directory)


def test_production_refuses_unpinned_platform_images(tmp_path):
    directory = write_release(tmp_path, "prod", complete_images(platform={"redis": "docker.io/library/redis:7.4"}))
    with pytest.raises(ConfigError, match=r"^prod: releases/prod.yaml: redis: prod images must be pinned by @sha256 digest"):
        load_release(PROD, CATALOG, directory)


def test_dev_accepts_tags(tmp_path):
    directory = write_release(tmp_path, "dev", complete_images(pinned=False))
    release = load_release(DEV, CATALOG, directory)
    assert release.image("orders").tag == "1.0.0"


def test_releases_dir_is_the_repository_folder():
    assert Path(__file__).resolve().parent.parent / "releases" == RELEASES_DIR
