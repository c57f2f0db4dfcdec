"""Redis and Sentinel over TLS with the internal CA, in every cache mode: what the construct renders
(TLS-only listeners, a Certificate naming everything clients dial, every client verifying the CA).
What a real redis-server does with it (plaintext refused, a verifying client served, replication
and Sentinel over TLS) is in test_redis.py, beside the servers it starts."""

from __future__ import annotations

import ssl

import pytest

from ecommerce.components.internal_tls import ca_issuer
from ecommerce.components.redis.server import TLS_CERTIFICATE, TLS_DIR
from ecommerce.derived.endpoints import CA_FILE, CA_KEY, CA_MOUNT, REDIS_PORT
from ecommerce.derived.wiring import wire
from ecommerce.model.catalog import CATALOG
from ecommerce.model.environments import ENVIRONMENTS, STAGING

from .helpers import one
from .test_internal_tls import handshake
from .test_redis import built, containers, redis_certificate

ENVS = list(ENVIRONMENTS.values())
IDS = list(ENVIRONMENTS)
REDIS_CLIENTS = CATALOG.redis_users


def conf_lines(text: str) -> list[str]:
    return [line for line in text.splitlines() if line and not line.startswith("#")]


def pod_spec(env) -> dict:
    return one(built(env), "StatefulSet", "redis")["spec"]["template"]["spec"]


def mounts(container: dict) -> dict[str, str]:
    """mount path -> volume name."""
    return {m["mountPath"]: m["name"] for m in container.get("volumeMounts", [])}


def volumes(env) -> dict[str, dict]:
    return {v["name"]: v for v in pod_spec(env)["volumes"]}


def dialled(env) -> set[str]:
    """Every host name a client, replica or Sentinel dials: the wiring's, and each pod's
    headless name (Sentinel hands those out; the pods announce them)."""
    settings = wire(REDIS_CLIENTS[0], env, CATALOG).settings
    hosts = {settings.get("REDIS_HOST") or settings["REDIS_SENTINEL_HOST"]}
    init = {e["name"]: e["value"] for e in pod_spec(env)["initContainers"][0]["env"]}
    hosts |= {f"{peer}.{init['HEADLESS_DOMAIN']}" for peer in init["PEERS"].split()}
    return hosts


@pytest.mark.parametrize("env", ENVS, ids=IDS)
def test_redis_listens_on_tls_only_with_the_mounted_certificate(env):
    lines = conf_lines(one(built(env), "ConfigMap", "redis-config")["data"]["redis.conf"])
    assert "port 0" in lines, "no plaintext listener"
    assert f"tls-port {REDIS_PORT}" in lines, "the port the Services and network policies name"
    assert "tls-auth-clients no" in lines and "tls-replication yes" in lines
    files = {line.split()[0]: line.split()[1] for line in lines if line.startswith(("tls-cert-file", "tls-key-file", "tls-ca"))}
    assert files == {
        "tls-cert-file": f"{TLS_DIR}/tls.crt",
        "tls-key-file": f"{TLS_DIR}/tls.key",
        "tls-ca-cert-file": f"{TLS_DIR}/{CA_KEY}",
    }
    # The files come from the Certificate's Secret, mounted where the configuration reads them.
    secret = redis_certificate(built(env))["secretName"]
    server = containers(one(built(env), "StatefulSet", "redis"))["redis"]
    assert volumes(env)[mounts(server)[TLS_DIR]]["secret"]["secretName"] == secret


@pytest.mark.parametrize("env", ENVS, ids=IDS)
def test_the_certificate_comes_from_the_internal_ca_and_names_everything_clients_dial(env, tmp_path):
    spec = redis_certificate(built(env))
    assert spec["issuerRef"]["name"] == ca_issuer(env)
    assert spec["secretName"] == TLS_CERTIFICATE
    # The exporter dials localhost and checks the name (Go's TLS client does).
    assert dialled(env) | {"localhost"} <= set(spec["dnsNames"])
    # A client that verifies the CA and the name accepts the certificate issued for these names.
    for host in sorted(dialled(env)):
        folder = tmp_path / host
        folder.mkdir()
        assert handshake(folder, spec, host) == "ok", host


def test_a_client_dialling_a_name_the_certificate_lacks_is_refused(tmp_path):
    """What makes the test above able to fail: the handshake checks the name."""
    with pytest.raises(ssl.SSLCertVerificationError):
        handshake(tmp_path, redis_certificate(built(STAGING)), "redis.e-commerce-prod.svc")


@pytest.mark.parametrize("env", ENVS, ids=IDS)
def test_services_are_told_to_use_tls_and_verify_the_internal_ca(env):
    for service in REDIS_CLIENTS:
        settings = wire(service, env, CATALOG).settings
        assert (settings["REDIS_TLS"], settings["REDIS_SCHEME"]) == ("true", "rediss"), service.name
        # The CA file the services' pods mount from the `internal-ca` Secret of their namespace.
        assert settings["REDIS_CA_FILE"] == CA_FILE and CA_FILE.startswith(CA_MOUNT + "/")


@pytest.mark.parametrize("env", ENVS, ids=IDS)
def test_every_container_that_dials_redis_verifies_the_ca(env):
    spec = pod_spec(env)
    ca_only = {
        name
        for name, volume in volumes(env).items()
        if volume.get("secret", {}).get("items") == [{"key": CA_KEY, "path": CA_KEY}]
    }
    dialling = [*spec["initContainers"], *spec["containers"]]
    for container in dialling:
        # configure.sh asks the Sentinels, reload.sh and the probes talk to Redis, the exporter scrapes it.
        assert mounts(container).get(CA_MOUNT) in ca_only, container["name"]
        assert volumes(env)[mounts(container)[CA_MOUNT]]["secret"]["secretName"] == TLS_CERTIFICATE
    # Only Redis, Sentinel and the reloader (which has Redis load a renewed one) mount the key pair.
    holders = {c["name"] for c in dialling if TLS_DIR in mounts(c)}
    assert holders == {"redis", "sentinel", "reload"} & {c["name"] for c in dialling}
    exporter = containers(one(built(env), "StatefulSet", "redis"))["exporter"]
    assert f"--redis.addr=rediss://localhost:{REDIS_PORT}" in exporter["args"]
    assert f"--tls-ca-cert-file={CA_FILE}" in exporter["args"]
