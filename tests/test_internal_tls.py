"""The internal CA: cert-manager issuers and certificates, and what clients are told to trust."""

from __future__ import annotations

import socket
import ssl
import subprocess
import threading
from pathlib import Path

import pytest

from ecommerce.components.internal_tls import InternalCa, ca_issuer
from ecommerce.derived.add_on_releases import add_ons
from ecommerce.derived.endpoints import CA_FILE, CA_KEY, CA_SECRET
from ecommerce.derived.wiring import wire
from ecommerce.model.catalog import CATALOG
from ecommerce.model.environments import ENVIRONMENTS, PROD

from .helpers import of_kind, one, synth


def build(env):
    return synth(lambda scope: InternalCa(scope, "internal-ca", env, (env.namespace,)))


@pytest.mark.parametrize("env", list(ENVIRONMENTS.values()), ids=list(ENVIRONMENTS))
def test_a_self_signed_root_signs_the_ca_that_signs_everything_else(env):
    objects = build(env)
    issuers = {i["metadata"]["name"]: i["spec"] for i in of_kind(objects, "ClusterIssuer")}
    certificates = {(c["metadata"]["namespace"], c["metadata"]["name"]): c["spec"] for c in of_kind(objects, "Certificate")}
    (ca,) = [(ref, spec) for ref, spec in certificates.items() if spec.get("isCA")]
    (namespace, _), spec = ca
    assert issuers[spec["issuerRef"]["name"]] == {"selfSigned": {}}
    assert issuers[ca_issuer(env)] == {"ca": {"secretName": spec["secretName"]}}
    # A CA ClusterIssuer reads its key pair from cert-manager's cluster resource namespace.
    (cert_manager,) = [a for a in add_ons(env) if a.name == "cert-manager"]
    assert cert_manager.values is not None
    assert cert_manager.values(env)["clusterResourceNamespace"] == namespace
    assert namespace in env.owned_namespaces
    # Every other certificate comes from the CA issuer, never from the self-signed root.
    for ref, other in certificates.items():
        if not other.get("isCA"):
            assert other["issuerRef"] == {"name": ca_issuer(env), "kind": "ClusterIssuer", "group": "cert-manager.io"}, ref


def test_clients_namespace_holds_the_ca_certificate_where_the_wiring_points():
    trust = one(build(PROD), "Certificate", CA_SECRET)
    assert trust["metadata"]["namespace"] == PROD.namespace and trust["spec"]["secretName"] == CA_SECRET
    settings = wire(CATALOG.get("orders"), PROD, CATALOG).settings
    assert settings["RABBITMQ_CA_FILE"] == CA_FILE and CA_FILE.endswith("/" + CA_KEY)


def _openssl(*args: str, cwd: Path) -> None:
    subprocess.run(["openssl", *args], cwd=cwd, check=True, capture_output=True)


def issue(folder: Path, certificate: dict) -> tuple[Path, Path, Path]:
    """What cert-manager's CA issuer writes for `certificate` (its dnsNames and usages), made by openssl."""
    _openssl("ecparam", "-name", "prime256v1", "-genkey", "-noout", "-out", "ca.key", cwd=folder)
    _openssl("req", "-x509", "-new", "-key", "ca.key", "-subj", "/CN=internal CA", "-days", "1", "-out", "ca.crt", cwd=folder)
    _openssl("ecparam", "-name", "prime256v1", "-genkey", "-noout", "-out", "tls.key", cwd=folder)
    _openssl("req", "-new", "-key", "tls.key", "-subj", f"/CN={certificate['commonName']}", "-out", "tls.csr", cwd=folder)
    sans = ",".join(f"DNS:{name}" for name in certificate["dnsNames"])
    (folder / "ext.cnf").write_text(f"subjectAltName={sans}\nextendedKeyUsage=serverAuth,clientAuth\n")
    _openssl(
        "x509", "-req", "-in", "tls.csr", "-CA", "ca.crt", "-CAkey", "ca.key", "-CAcreateserial",
        "-days", "1", "-extfile", "ext.cnf", "-out", "tls.crt", cwd=folder,
    )  # fmt: skip
    return folder / "ca.crt", folder / "tls.crt", folder / "tls.key"


def handshake(tmp_path: Path, certificate: dict, host: str) -> str:
    """A TLS server with the certificate on loopback; a client that verifies it as `host`, with the CA only."""
    ca, crt, key = issue(tmp_path, certificate)
    server = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    server.load_cert_chain(crt, key)
    listener = socket.create_server(("127.0.0.1", 0))
    listener.settimeout(10)

    def serve() -> None:
        try:
            conn, _ = listener.accept()
            with server.wrap_socket(conn, server_side=True) as tls:
                tls.sendall(b"ok")
        except (ssl.SSLError, OSError):
            pass

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    client = ssl.create_default_context(cafile=str(ca))
    try:
        with (
            socket.create_connection(listener.getsockname(), timeout=10) as raw,
            client.wrap_socket(raw, server_hostname=host) as tls,
        ):
            return tls.recv(2).decode()
    finally:
        thread.join(10)
        listener.close()
