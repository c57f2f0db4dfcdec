"""MySQL clients verify the server against the internal CA, in every database mode.

What the MySQL Operator does with the InnoDBCluster's TLS fields is read from its source at the
pinned release (mysql/mysql-operator 9.1.0-2.2.2):

- `cluster_api.py`, `InnoDBCluster.get_ca_and_tls`: `spec.tlsSecretName` gives `tls.crt` and
  `tls.key`; `spec.tlsCASecretName` gives the CA under `ca.pem` (or else `ca.crt`); both Secrets are
  projected together at /etc/mysql-ssl (`InnoDBClusterSpec.extra_volumes`).
- `sidecar_main.py`, `ensure_correct_tls_sysvars`: at every start and certificate change the
  sidecar persists `ssl_ca` and `group_replication_recovery_ssl_ca` = /etc/mysql-ssl/ca.pem, and
  `group_replication_ssl_mode` = VERIFY_IDENTITY; `on_ca_secret_create_or_change` reloads on the
  CA Secret's `ca.pem` only. So the CA Secret must hold `ca.pem`, whatever cert-manager writes.
- `router_objects.py`, `get_bootstrap_and_tls_options`: the Routers verify the members
  (`--server-ssl-verify=VERIFY_IDENTITY`, CA from the CA Secret) and present
  `spec.router.tlsSecretName`'s `tls.crt`/`tls.key` to clients when that Secret exists, else a
  certificate of their own that no client can verify.
- `fqdn.py`, `pod_fqdn` / `idc_service_fqdn`: members are `<pod>.<cluster>-instances.<namespace>.svc.<domain>`.
"""

from __future__ import annotations

import configparser
import os
import stat
import subprocess

import pytest

from ecommerce.components.internal_tls import ca_issuer
from ecommerce.components.mysql.server import TLS_RELOAD_SCRIPT
from ecommerce.derived.endpoints import CA_FILE, CA_KEY, CA_MOUNT, CA_SECRET, MYSQL_VERIFY_MODE, mysql_host
from ecommerce.derived.wiring import migration_wiring, wire
from ecommerce.errors import ConfigError
from ecommerce.model.catalog import CATALOG
from ecommerce.model.environments import DEV, PROD, STAGING

from .test_mysql import build

ENVS = (DEV, STAGING, PROD)
# What cert-manager writes into a Certificate's Secret (kubernetes.io/tls, with the CA issuer's `ca.crt`).
CERT_MANAGER_KEYS = {"tls.crt", "tls.key", "ca.crt"}
CLUSTER_DOMAIN = "cluster.local"


@pytest.fixture(scope="module", params=ENVS, ids=lambda env: env.name)
def built(request):
    return request.param, build(request.param)


def _named(objects, kind, name, namespace):
    found = [
        o for o in objects if o["kind"] == kind and o["metadata"]["name"] == name and o["metadata"].get("namespace") == namespace
    ]
    assert len(found) == 1, f"{kind} {namespace}/{name}: {len(found)} found"
    return found[0]


def _certificate_for(objects, secret, namespace):
    """The Certificate that writes `secret`, issued by the environment's internal CA."""
    found = [
        o
        for o in objects
        if o["kind"] == "Certificate" and o["metadata"]["namespace"] == namespace and o["spec"]["secretName"] == secret
    ]
    assert len(found) == 1, f"no Certificate writes {namespace}/{secret}"
    return found[0]


def _secret_keys(objects, secret, namespace) -> set[str]:
    """The keys the Secret `secret` will hold, from what writes it in the dist."""
    keys: set[str] = set()
    for o in objects:
        if o["metadata"].get("namespace") != namespace:
            continue
        if o["kind"] == "Certificate" and o["spec"]["secretName"] == secret:
            keys |= CERT_MANAGER_KEYS
        elif o["kind"] == "ExternalSecret" and (o["spec"]["target"].get("name") or o["metadata"]["name"]) == secret:
            template = o["spec"]["target"].get("template", {}).get("data")
            keys |= set(template) if template else {d["secretKey"] for d in o["spec"]["data"]}
    return keys


def _covers(certificate: dict, host: str) -> bool:
    """RFC 6125: a DNS name, or a wildcard standing for exactly one left-most label."""
    for name in certificate["spec"].get("dnsNames", []):
        if name.startswith("*."):
            label, _, rest = host.partition(".")
            if label and rest == name[2:]:
                return True
        elif name == host:
            return True
    return False


def _issued_by_the_internal_ca(env, certificate):
    assert certificate["spec"]["issuerRef"] == {"name": ca_issuer(env), "kind": "ClusterIssuer", "group": "cert-manager.io"}


def test_services_verify_the_server_and_its_name(built):
    env, _ = built
    for service in (s for s in CATALOG if s.database):
        for settings in (wire(service, env, CATALOG).settings, migration_wiring(service, env).settings):
            assert settings["DATABASE_SSL_MODE"] == MYSQL_VERIFY_MODE == "VERIFY_IDENTITY"
            assert settings["DATABASE_CA_FILE"] == CA_FILE
            assert settings["DATABASE_SSL_VERIFY_SERVER_CERT"] == "true"
            assert settings["DATABASE_HOST"] == mysql_host(env)


def test_what_clients_dial_presents_a_certificate_of_the_internal_ca_naming_it(built):
    """The Router's certificate on an InnoDB cluster, the server's own on the standalone one."""
    env, objects = built
    namespace = env.data_namespace
    host = mysql_host(env)
    clusters = [o for o in objects if o["kind"] == "InnoDBCluster"]
    if clusters:
        (cluster,) = clusters
        assert cluster["spec"]["tlsUseSelfSigned"] is False
        presented = cluster["spec"]["router"]["tlsSecretName"]
        # The Router reads tls.crt and tls.key from it (get_bootstrap_and_tls_options).
        assert {"tls.crt", "tls.key"} <= _secret_keys(objects, presented, namespace)
        # The Service clients dial is named after the cluster (router_objects.prepare_router_service).
        assert host.split(".")[0] == cluster["metadata"]["name"]
    else:
        server = _named(objects, "StatefulSet", "mysql", namespace)["spec"]["template"]["spec"]
        config = _named(objects, "ConfigMap", "mysql-config", namespace)["data"]
        parser = configparser.ConfigParser()
        for text in config.values():
            parser.read_string(text)
        mysqld = parser["mysqld"]
        assert mysqld["require_secure_transport"] == "ON"
        mysql = next(c for c in server["containers"] if c["name"] == "mysql")
        mounts = {m["mountPath"]: m["name"] for m in mysql["volumeMounts"]}
        directory = os.path.dirname(mysqld["ssl_cert"])
        assert {os.path.dirname(mysqld[key]) for key in ("ssl_ca", "ssl_cert", "ssl_key")} == {directory}
        volume = next(v for v in server["volumes"] if v["name"] == mounts[directory])
        presented = volume["secret"]["secretName"]
        files = {item["path"]: item["key"] for item in volume["secret"]["items"]}
        names = {os.path.basename(mysqld[key]) for key in ("ssl_ca", "ssl_cert", "ssl_key")}
        assert names <= set(files) and {files[n] for n in names} <= _secret_keys(objects, presented, namespace)
    certificate = _certificate_for(objects, presented, namespace)
    _issued_by_the_internal_ca(env, certificate)
    assert "server auth" in certificate["spec"]["usages"]
    assert _covers(certificate, host), f"{presented} does not name {host}"


def test_members_certificate_names_every_member_as_the_operator_names_them():
    for env in (STAGING, PROD):
        objects = build(env)
        cluster = next(o for o in objects if o["kind"] == "InnoDBCluster")
        name, namespace = cluster["metadata"]["name"], cluster["metadata"]["namespace"]
        certificate = _certificate_for(objects, cluster["spec"]["tlsSecretName"], namespace)
        _issued_by_the_internal_ca(env, certificate)
        # Members present it to each other too (group replication recovery, with VERIFY_IDENTITY).
        assert {"server auth", "client auth"} <= set(certificate["spec"]["usages"])
        instances = f"{name}-instances.{namespace}.svc.{CLUSTER_DOMAIN}"
        assert _covers(certificate, instances), "the Routers' bootstrap address"
        for index in range(cluster["spec"]["instances"]):
            assert _covers(certificate, f"{name}-{index}.{instances}"), f"member {index}"
        assert not _covers(certificate, f"x.y.{instances}")


def test_operator_secrets_hold_the_keys_the_operator_reads():
    for env in (STAGING, PROD):
        objects = build(env)
        spec = next(o for o in objects if o["kind"] == "InnoDBCluster")["spec"]
        namespace = env.data_namespace
        assert {"tls.crt", "tls.key"} <= _secret_keys(objects, spec["tlsSecretName"], namespace)
        # The sidecar points ssl_ca at /etc/mysql-ssl/ca.pem: a CA Secret without `ca.pem` leaves
        # the servers without TLS at their next restart.
        assert "ca.pem" in _secret_keys(objects, spec["tlsCASecretName"], namespace)
        # Both are projected into one folder: the CA Secret may not shadow the key pair.
        assert not {"tls.crt", "tls.key"} & _secret_keys(objects, spec["tlsCASecretName"], namespace)


def test_the_ca_is_copied_from_the_internal_ca_by_a_reader_of_that_one_secret():
    for env in (STAGING, PROD):
        objects = build(env)
        namespace = env.data_namespace
        spec = next(o for o in objects if o["kind"] == "InnoDBCluster")["spec"]
        external = _named(objects, "ExternalSecret", spec["tlsCASecretName"], namespace)
        (data,) = external["spec"]["data"]
        assert data == {"secretKey": "ca.pem", "remoteRef": {"key": CA_SECRET, "property": CA_KEY}}
        _issued_by_the_internal_ca(env, _certificate_for(objects, CA_SECRET, namespace))
        ref = external["spec"]["secretStoreRef"]
        assert ref["kind"] == "SecretStore"
        provider = _named(objects, "SecretStore", ref["name"], namespace)["spec"]["provider"]["kubernetes"]
        assert provider["remoteNamespace"] == namespace
        account = provider["auth"]["serviceAccount"]["name"]
        _named(objects, "ServiceAccount", account, namespace)
        bindings = [
            b
            for b in objects
            if b["kind"] in ("RoleBinding", "ClusterRoleBinding")
            and any(s["kind"] == "ServiceAccount" and s["name"] == account for s in b["subjects"])
        ]
        (binding,) = bindings
        assert binding["kind"] == "RoleBinding" and binding["roleRef"]["kind"] == "Role"
        role = _named(objects, "Role", binding["roleRef"]["name"], namespace)
        assert role["rules"] == [{"apiGroups": [""], "resources": ["secrets"], "resourceNames": [CA_SECRET], "verbs": ["get"]}]


def test_an_operator_cluster_needs_external_secrets_to_copy_the_ca():
    from dataclasses import replace

    from ecommerce.model.environments import Secrets, SecretsMode

    env = replace(STAGING, secrets=Secrets(mode=SecretsMode.DEV_INLINE))
    with pytest.raises(ConfigError, match=r"database\.mode"):
        build(env)


def test_the_accounts_job_verifies_the_server_too(built):
    env, objects = built
    pod = _named(objects, "Job", "mysql-accounts", env.data_namespace)["spec"]["template"]["spec"]
    (container,) = pod["containers"]
    variables = {e["name"]: e["value"] for e in container["env"]}
    assert variables["SSL_MODE"] == MYSQL_VERIFY_MODE
    assert variables["SSL_CA"] == CA_FILE
    assert variables["DATABASE_HOST"] == mysql_host(env)
    mount = next(m for m in container["volumeMounts"] if m["mountPath"] == CA_MOUNT)
    volume = next(v for v in pod["volumes"] if v["name"] == mount["name"])
    assert volume["secret"]["secretName"] == CA_SECRET
    assert volume["secret"]["items"] == [{"key": CA_KEY, "path": CA_KEY}]
    _certificate_for(objects, CA_SECRET, env.data_namespace)


def test_the_standalone_exporter_connects_over_the_socket():
    server = _named(build(DEV), "StatefulSet", "mysql", DEV.data_namespace)["spec"]["template"]["spec"]
    exporter = next(c for c in server["containers"] if c["name"] == "exporter")
    (address,) = [a.split("=", 1)[1] for a in exporter["args"] if a.startswith("--mysqld.address=")]
    assert address.startswith("unix://")
    socket_dir = os.path.dirname(address.removeprefix("unix://"))
    mysql = next(c for c in server["containers"] if c["name"] == "mysql")
    shared = {m["name"] for m in mysql["volumeMounts"] if m["mountPath"] == socket_dir}
    assert shared and shared == {m["name"] for m in exporter["volumeMounts"] if m["mountPath"] == socket_dir}


def test_the_standalone_server_loads_a_renewed_certificate(tmp_path):
    """The reload sidecar's script, under sh, with a fake `mysql` and a `sleep` that renews the
    certificate on its third call and ends the loop on its sixth."""
    tls = tmp_path / "tls"
    tls.mkdir()
    for name in ("tls.crt", "tls.key", "ca.crt"):
        (tls / name).write_text(f"{name} 1\n")
    (tmp_path / "root").write_text('pa"ss\n')
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    calls = tmp_path / "calls"
    tools = {
        "mysql": f'#!/bin/sh\n{{ printf "%s " "$@"; echo; cat "${{1#--defaults-extra-file=}}"; }} >> "{calls}"\n',
        "sleep": (
            f'#!/bin/sh\nn=$(($(cat "{tmp_path}/n" 2>/dev/null || echo 0) + 1)); echo $n > "{tmp_path}/n"\n'
            f'[ $n != 3 ] || echo renewed > "{tls}/tls.crt"\n[ $n -lt 6 ]\n'
        ),
    }
    for tool, body in tools.items():
        (bin_dir / tool).write_text(body)
        (bin_dir / tool).chmod(stat.S_IRWXU)
    environment = dict(
        os.environ,
        PATH=f"{bin_dir}:{os.environ['PATH']}",
        TLS_DIR=str(tls),
        MYSQL_SOCKET="/var/run/mysqld/mysqld.sock",
        ROOT_PASSWORD_FILE=str(tmp_path / "root"),
        INTERVAL="600",
        HEARTBEAT=str(tmp_path / "heartbeat"),
    )
    script = TLS_RELOAD_SCRIPT.replace("/tmp/", f"{tmp_path}/")
    result = subprocess.run(["sh", "-c", script], env=environment, capture_output=True, text=True, timeout=60)
    assert result.returncode in (0, 1), result.stderr
    log = calls.read_text()
    # Once when it starts (the server may hold older files), once after the renewal, never in between.
    assert log.count("ALTER INSTANCE RELOAD TLS") == 2, log
    assert "user=root\nprotocol=socket\nsocket=/var/run/mysqld/mysqld.sock\n" in log
    assert 'password="pa\\"ss"' in log
    assert result.stdout.count("certificate loaded") == 2
    # The probes' heartbeat: the time of the loop's last turn.
    assert abs(int((tmp_path / "heartbeat").read_text()) - int(subprocess.check_output(["date", "+%s"]))) < 60


def test_the_operator_model_runs_the_routers_and_servers_with_our_certificates():
    """What the operator makes of it (tests/platform/operators.py, modelled from its source): the
    Routers present the router certificate to clients and verify the members with `ca.pem`; the
    servers mount the key pair and the CA together."""
    from tests.platform.operators import operator_objects

    objects = build(PROD)
    spec = next(o for o in objects if o["kind"] == "InnoDBCluster")["spec"]
    made = operator_objects(objects)
    router = next(o for o in made if o["kind"] == "Deployment" and o["metadata"]["name"] == "mysql-router")
    pod = router["spec"]["template"]["spec"]
    (container,) = pod["containers"]
    options = next(e["value"] for e in container["env"] if e["name"] == "MYSQL_ROUTER_BOOTSTRAP_EXTRA_OPTIONS").split()
    assert {"--client-ssl-cert=/router-ssl/key/tls.crt", "--client-ssl-key=/router-ssl/key/tls.key"} <= set(options)
    assert {"--server-ssl-ca=/router-ssl/ca/ca.pem", "--server-ssl-verify=VERIFY_IDENTITY"} <= set(options)
    volumes = {v["name"]: v["projected"]["sources"][0]["secret"]["name"] for v in pod["volumes"] if "projected" in v}
    assert volumes == {"ssl-ca-data": spec["tlsCASecretName"], "ssl-key-data": spec["router"]["tlsSecretName"]}
    servers = next(o for o in made if o["kind"] == "StatefulSet" and o["metadata"]["name"] == "mysql")
    (ssl,) = [v for v in servers["spec"]["template"]["spec"]["volumes"] if v["name"] == "ssldata"]
    assert [s["secret"]["name"] for s in ssl["projected"]["sources"]] == [spec["tlsSecretName"], spec["tlsCASecretName"]]
