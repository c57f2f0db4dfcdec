"""scripts/image_digests.py verify, against a registry served on localhost (the Docker Registry
HTTP API v2 as registries answer it: an anonymous token flow, manifests by tag, the digest in
Docker-Content-Digest), since no real registry is reachable from the tests."""

from __future__ import annotations

import contextlib
import hashlib
import http.server
import json
import threading
from collections.abc import Iterator
from urllib.parse import parse_qs, urlparse

import pytest

from scripts import image_digests
from scripts.image_digests import Reference, main, pinned_add_on_images, pinned_release_images

INDEX_TYPES = ("application/vnd.oci.image.index.v1+json", "application/vnd.docker.distribution.manifest.list.v2+json")
TOKEN = "anonymous-pull-token"


def _digest(seed: str) -> str:
    return "sha256:" + hashlib.sha256(seed.encode()).hexdigest()


class FakeRegistry(http.server.ThreadingHTTPServer):
    """Repository -> tag -> manifest bytes. Like the public registries: a manifest needs a bearer
    token from /token; a client that does not accept an index type is served the linux/amd64
    image's manifest (another digest); `state_digest` False leaves Docker-Content-Digest out."""

    def __init__(self, manifests: dict[str, dict[str, bytes]], state_digest: bool = True) -> None:
        self.manifests = manifests
        self.state_digest = state_digest
        self.requests: list[tuple[str, str]] = []
        super().__init__(("127.0.0.1", 0), _Handler)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}"


class _Handler(http.server.BaseHTTPRequestHandler):
    server: FakeRegistry

    def log_message(self, format: str, *args: object) -> None:
        pass

    def do_GET(self) -> None:
        self._answer(send_body=True)

    def do_HEAD(self) -> None:
        self._answer(send_body=False)

    def _send(self, code: int, body: bytes, headers: dict[str, str], send_body: bool) -> None:
        self.send_response(code)
        for key, value in headers.items():
            self.send_header(key, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if send_body:
            self.wfile.write(body)

    def _answer(self, send_body: bool) -> None:
        url = urlparse(self.path)
        self.server.requests.append((self.command, url.path))
        if url.path == "/token":
            scope = parse_qs(url.query).get("scope", [""])[0]
            body = json.dumps({"token": TOKEN, "scope": scope}).encode()
            return self._send(200, body, {"Content-Type": "application/json"}, send_body)
        if self.headers.get("Authorization") != f"Bearer {TOKEN}":
            challenge = f'Bearer realm="{self.server.url}/token",service="fake-registry"'
            return self._send(401, b"{}", {"WWW-Authenticate": challenge}, send_body)
        repository, _, tag = url.path.removeprefix("/v2/").partition("/manifests/")
        manifest = self.server.manifests.get(repository, {}).get(tag)
        if manifest is None:
            return self._send(404, b'{"errors":[{"code":"MANIFEST_UNKNOWN"}]}', {}, send_body)
        accepted = self.headers.get("Accept", "")
        if not any(media_type in accepted for media_type in INDEX_TYPES):
            manifest = b"linux/amd64 image of " + manifest
        headers = {"Content-Type": INDEX_TYPES[0]}
        if self.server.state_digest:
            headers["Docker-Content-Digest"] = "sha256:" + hashlib.sha256(manifest).hexdigest()
        self._send(200, manifest, headers, send_body)


@contextlib.contextmanager
def serving(manifests: dict[str, dict[str, bytes]], state_digest: bool = True) -> Iterator[FakeRegistry]:
    registry = FakeRegistry(manifests, state_digest)
    thread = threading.Thread(target=registry.serve_forever, daemon=True)
    thread.start()
    try:
        yield registry
    finally:
        registry.shutdown()
        registry.server_close()


def _lock(tmp_path, images: dict[str, str]):
    path = tmp_path / "lock.json"
    path.write_text(json.dumps({"images": {image: {"digest": digest, "sources": []} for image, digest in images.items()}}))
    return path


def _index(text: str) -> tuple[bytes, str]:
    body = text.encode()
    return body, "sha256:" + hashlib.sha256(body).hexdigest()


def test_references_are_read_as_docker_reads_them():
    assert Reference.parse("docker.io/traefik:v3.7.9") == Reference("docker.io", "library/traefik", "v3.7.9")
    assert Reference.parse("grafana/grafana:13.1.3") == Reference("docker.io", "grafana/grafana", "13.1.3")
    assert Reference.parse("localhost:5000/a/b:1") == Reference("localhost:5000", "a/b", "1")
    assert Reference.parse("registry.k8s.io/kube-state-metrics/kube-state-metrics:v2.19.1") == Reference(
        "registry.k8s.io", "kube-state-metrics/kube-state-metrics", "v2.19.1"
    )
    with pytest.raises(image_digests.RegistryError):
        Reference.parse("quay.io/x/y")


def test_digests_the_registries_agree_with_pass(tmp_path, capsys):
    controller, controller_digest = _index("cert-manager controller index")
    traefik, traefik_digest = _index("traefik index")
    lock = _lock(
        tmp_path,
        {"quay.io/jetstack/cert-manager-controller:v1.21.1": controller_digest, "docker.io/traefik:v3.7.9": traefik_digest},
    )
    manifests = {"jetstack/cert-manager-controller": {"v1.21.1": controller}, "library/traefik": {"v3.7.9": traefik}}
    with serving(manifests) as registry:
        code = main(
            ["verify", "--lock", str(lock), "--registry", f"quay.io={registry.url}", "--registry", f"docker.io={registry.url}"]
        )
    assert code == 0
    assert capsys.readouterr().out == ""
    # Docker Hub's one-segment names are library/ ones; each tag asked by HEAD after a token.
    assert ("HEAD", "/v2/library/traefik/manifests/v3.7.9") in registry.requests
    assert ("GET", "/token") in registry.requests


def test_each_disagreement_is_one_line_and_the_exit_status_is_1(tmp_path, capsys):
    served, served_digest = _index("alertmanager index")
    lock = _lock(
        tmp_path,
        {
            "quay.io/prometheus/alertmanager:v0.33.1": _digest("what a third party pinned"),
            "quay.io/prometheus/prometheus:v3.13.2-distroless": _digest("a tag the registry has not"),
        },
    )
    with serving({"prometheus/alertmanager": {"v0.33.1": served}}) as registry:
        code = main(["verify", "--lock", str(lock), "--registry", f"quay.io={registry.url}"])
    lines = capsys.readouterr().out.splitlines()
    assert code == 1
    assert len(lines) == 2
    pinned = _digest("what a third party pinned")
    assert lines[0] == f"quay.io/prometheus/alertmanager:v0.33.1: pinned {pinned}, its registry serves {served_digest}"
    assert lines[1].startswith("quay.io/prometheus/prometheus:v3.13.2-distroless: not checked (HTTP Error 404")


def test_the_digest_is_the_index_s_not_a_platform_image_s(tmp_path, capsys):
    """The fake registry serves the amd64 image's manifest to a client that accepts no index type:
    the verify must ask for the index, whose digest a pull by tag resolves to."""
    index, index_digest = _index("grafana index")
    lock = _lock(tmp_path, {"docker.io/grafana/grafana:13.1.3": index_digest})
    with serving({"grafana/grafana": {"13.1.3": index}}) as registry:
        assert main(["verify", "--lock", str(lock), "--registry", f"docker.io={registry.url}"]) == 0
    assert "application/vnd.oci.image.index.v1+json" in image_digests.ACCEPT


def test_a_registry_that_states_no_digest_is_read_by_the_manifest_s_hash(tmp_path):
    index, index_digest = _index("thanos index")
    lock = _lock(tmp_path, {"quay.io/thanos/thanos:v0.42.4": index_digest})
    with serving({"thanos/thanos": {"v0.42.4": index}}, state_digest=False) as registry:
        assert main(["verify", "--lock", str(lock), "--registry", f"quay.io={registry.url}"]) == 0
    assert ("GET", "/v2/thanos/thanos/manifests/v0.42.4") in registry.requests


def test_a_token_realm_without_tls_is_refused_from_a_tls_registry():
    with pytest.raises(image_digests.RegistryError, match="not HTTPS"):
        image_digests._token('Bearer realm="http://auth.example/token"', "https://quay.io", "a/b")


def test_every_image_of_the_repository_s_locks_is_asked_for(tmp_path, capsys):
    """The real lock and releases parse, and each image is asked of its own registry by its own path."""
    pinned = pinned_add_on_images() | pinned_release_images()
    assert pinned, "nothing pinned"
    manifests: dict[str, dict[str, bytes]] = {}
    hosts = set()
    for image in pinned:
        reference = Reference.parse(image)
        hosts.add(reference.host)
        manifests.setdefault(reference.repository, {})[reference.tag] = f"index of {image}".encode()
    with serving(manifests) as registry:
        overrides = [argument for host in sorted(hosts) for argument in ("--registry", f"{host}={registry.url}")]
        code = main(["verify", "--releases", *overrides])
    lines = capsys.readouterr().out.splitlines()
    # The fake registry's manifests are not the real ones: every image differs, each once.
    assert code == 1
    assert sorted(line.partition(": ")[0] for line in lines) == sorted(pinned)
    assert all("its registry serves" in line for line in lines)
    asked = {path for method, path in registry.requests if method == "HEAD"}
    assert asked == {f"/v2/{Reference.parse(image).repository}/manifests/{Reference.parse(image).tag}" for image in pinned}
