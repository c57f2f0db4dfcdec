"""Redis per cache mode, its ACL users, and the scripts that make a pod a primary or a
replica and apply rotated passwords. The scripts run under sh here; the ACL users, the
rotation, replication and Sentinel are also checked against a real Redis server, over TLS with
a throwaway CA and a certificate for the names the construct's Certificate asks for."""

from __future__ import annotations

import os
import shutil
import socket
import ssl
import stat
import subprocess
import time
from pathlib import Path

import pytest

from ecommerce.components.redis.server import RECORD_PRIMARY, TLS_CERTIFICATE, TLS_DIR, Redis, RedisProps
from ecommerce.derived.endpoints import REDIS_SENTINEL_PORT
from ecommerce.derived.secret_specs import redis_secret_users, secret_specs
from ecommerce.derived.wiring import wire
from ecommerce.errors import ConfigError
from ecommerce.model.catalog import CATALOG
from ecommerce.model.environments import DEV, PROD, STAGING

from .helpers import of_kind, one, release, synth
from .test_internal_tls import issue

CLIENTS = tuple(service.name for service in CATALOG.redis_users)


def build(env, clients=CLIENTS):
    platform = release(env).platform
    return synth(
        lambda scope: Redis(scope, "redis", env, RedisProps(platform["redis"], platform["redis-exporter"], (0, 1, 2, 3), clients))
    )


def containers(statefulset):
    return {c["name"]: c for c in statefulset["spec"]["template"]["spec"]["containers"]}


def config(objects):
    return one(objects, "ConfigMap", "redis-config")["data"]["redis.conf"]


def test_dev_is_one_pod_without_auth_or_persistence():
    objects = build(DEV)
    statefulset = one(objects, "StatefulSet", "redis")
    assert statefulset["spec"]["replicas"] == 1
    assert "volumeClaimTemplates" not in statefulset["spec"]
    assert set(containers(statefulset)) == {"redis", "exporter"}
    assert "appendonly no" in config(objects)
    assert "protected-mode no" in config(objects)
    volumes = statefulset["spec"]["template"]["spec"]["volumes"]
    # No credentials: the only Secret is the server's certificate.
    assert {v["secret"]["secretName"] for v in volumes if "secret" in v} == {TLS_CERTIFICATE}
    assert one(objects, "Service", "redis")["spec"]["type"] == "ClusterIP"
    assert not of_kind(objects, "PodDisruptionBudget")


def test_staging_has_auth_and_persistence():
    objects = build(STAGING)
    statefulset = one(objects, "StatefulSet", "redis")
    assert statefulset["spec"]["replicas"] == 1
    (claim,) = statefulset["spec"]["volumeClaimTemplates"]
    assert claim["spec"]["resources"]["requests"]["storage"] == STAGING.cache.storage
    volumes = {v["name"]: v for v in statefulset["spec"]["template"]["spec"]["volumes"]}
    assert volumes["credentials"]["secret"]["secretName"] == "redis-credentials"
    assert "appendonly yes" in config(objects)
    assert "protected-mode yes" in config(objects)
    exporter = containers(statefulset)["exporter"]
    assert "--redis.user=exporter" in exporter["args"]


def test_prod_replicates_with_sentinel_across_nodes():
    objects = build(PROD)
    statefulset = one(objects, "StatefulSet", "redis")
    assert statefulset["spec"]["replicas"] == 3
    assert set(containers(statefulset)) == {"redis", "sentinel", "reload", "exporter"}
    pod = statefulset["spec"]["template"]["spec"]
    required = pod["affinity"]["podAntiAffinity"]["requiredDuringSchedulingIgnoredDuringExecution"]
    assert required[0]["topologyKey"] == "kubernetes.io/hostname"
    assert one(objects, "PodDisruptionBudget", "redis")["spec"]["maxUnavailable"] == 1
    assert one(objects, "Service", "redis-sentinel")["spec"]["ports"][0]["port"] == 26379
    assert one(objects, "Service", "redis-headless")["spec"]["publishNotReadyAddresses"] is True
    assert not [s for s in of_kind(objects, "Service") if s["metadata"]["name"] == "redis"], "writes must go to the primary"
    env = {e["name"]: e["value"] for e in pod["initContainers"][0]["env"]}
    assert env["PEERS"] == "redis-0 redis-1 redis-2"
    assert env["QUORUM"] == "2"
    assert "maxmemory 805306368" in config(objects)
    assert "maxmemory-policy volatile-lru" in config(objects)


FAKE_REDIS_CLI = """#!/bin/sh
# Answers `sentinel get-master-addr-by-name` with $SENTINEL_ANSWER, or fails like an absent peer;
# like a Sentinel that serves TLS only, it answers nothing to a client without TLS and the CA.
[ "$1 $2" = "--tls --cacert" ] && [ -s "$3" ] || { echo "Error: Connection reset by peer" >&2; exit 1; }
[ -n "$SENTINEL_ANSWER" ] || exit 1
printf '%s\\n6379\\n' "$SENTINEL_ANSWER"
"""
DOMAIN = "redis-headless.e-commerce-prod.svc"
# The mounts of the pod, and where a test puts them.
MOUNTS = {
    "/run/secrets/redis": "secrets",
    "/run/redis": "run",
    "/run/exporter": "exporter",
    "/config": "config",
    "/data": "data",
    TLS_DIR: "tls",
    "/run/secrets/internal-ca": "ca",
}
_BUILT: dict[str, list[dict]] = {}


def built(env):
    if env.name not in _BUILT:
        _BUILT[env.name] = build(env)
    return _BUILT[env.name]


def secrets_for(env, version: int = 1) -> dict[str, str]:
    return {user: f"{user}-password-{version}" for user in redis_secret_users(env, CLIENTS)}


class Pod:
    """One Redis pod laid out in a folder: the ConfigMap's files, the mounted Secret, its volumes,
    and the environment its StatefulSet gives the scripts, with the mount paths moved there."""

    def __init__(self, root: Path, env=PROD, name: str = "redis-0", secrets: dict[str, str] | None = None) -> None:
        self.root = root
        objects = built(env)
        for folder in (*MOUNTS.values(), "bin"):
            (root / folder).mkdir(parents=True, exist_ok=True)
        # Every pod mounts the same certificate Secret: its key pair, and its ca.crt alone.
        for key, path in TLS_FILES.items():
            shutil.copy(path, root / "tls" / key)
        if TLS_FILES:
            shutil.copy(TLS_FILES["ca.crt"], root / "ca" / "ca.crt")
        for key, value in one(objects, "ConfigMap", "redis-config")["data"].items():
            (root / "config" / key).write_text(value)
            # The ConfigMap is mounted executable (Sentinel refuses a reconfig script that is not).
            (root / "config" / key).chmod(0o555)
        self.write_secrets(secrets_for(env) if secrets is None else secrets)
        (root / "bin" / "hostname").write_text(f"#!/bin/sh\necho {name}\n")
        (root / "bin" / "hostname").chmod(stat.S_IRWXU)
        init = one(objects, "StatefulSet", "redis")["spec"]["template"]["spec"]["initContainers"][0]
        self.env = {item["name"]: self.moved(item["value"]) for item in init["env"]}

    def moved(self, value: str) -> str:
        for mount, folder in MOUNTS.items():
            if value == mount or value.startswith(mount + "/"):
                return str(self.root / folder) + value[len(mount) :]
        return value

    def write_secrets(self, values: dict[str, str]) -> None:
        for key, value in values.items():
            (self.root / "secrets" / key).write_text(value)

    def fake_cli(self, body: str = FAKE_REDIS_CLI) -> None:
        (self.root / "bin" / "redis-cli").write_text(body)
        (self.root / "bin" / "redis-cli").chmod(stat.S_IRWXU)

    def run(self, script: str, *arguments: str, check: bool = True, **env: str) -> subprocess.CompletedProcess:
        environment = {**os.environ, **self.env, **env, "PATH": f"{self.root / 'bin'}:{os.environ['PATH']}"}
        return subprocess.run(
            ["sh", str(self.root / "config" / script), *arguments],
            env=environment,
            check=check,
            capture_output=True,
            text=True,
            timeout=60,
        )

    def configure(self, answer: str = "") -> tuple[str, str]:
        self.run("configure.sh", SENTINEL_ANSWER=answer)
        sentinel = self.root / "run" / "sentinel.conf"
        return (self.root / "run" / "redis.conf").read_text(), sentinel.read_text() if sentinel.exists() else ""

    def local_password(self, user: str) -> str:
        return (self.root / "run" / "local" / user).read_text()


def configure(tmp_path: Path, pod: str, answer: str = "", secrets: dict[str, str] | None = None) -> tuple[str, str]:
    configured = Pod(tmp_path, PROD, pod, secrets)
    configured.fake_cli()
    return configured.configure(answer)


def test_first_start_makes_the_first_pod_primary(tmp_path):
    redis_conf, sentinel_conf = configure(tmp_path, "redis-0")
    assert not [line for line in redis_conf.splitlines() if line.startswith("replicaof ")]
    assert f"replica-announce-ip redis-0.{DOMAIN}" in redis_conf
    assert f"sentinel monitor shop redis-0.{DOMAIN} 6379 2" in sentinel_conf


def test_first_start_makes_other_pods_replicas(tmp_path):
    redis_conf, _ = configure(tmp_path, "redis-2")
    assert f"replicaof redis-0.{DOMAIN} 6379" in redis_conf


@pytest.mark.parametrize("pod", ["redis-0", "redis-1"])
def test_restart_follows_the_primary_sentinel_knows(tmp_path, pod):
    redis_conf, sentinel_conf = configure(tmp_path, pod, answer=f"redis-2.{DOMAIN}")
    assert f"replicaof redis-2.{DOMAIN} 6379" in redis_conf
    assert f"sentinel monitor shop redis-2.{DOMAIN} 6379 2" in sentinel_conf


def test_passwords_are_quoted_for_redis_and_sentinel(tmp_path):
    secrets = secrets_for(PROD) | {"replication": 'pa"ss\\word', "sentinel": 'sen"ti\\nel'}
    redis_conf, sentinel_conf = configure(tmp_path, "redis-0", secrets=secrets)
    assert "masteruser replication" in redis_conf
    assert 'masterauth "pa\\"ss\\\\word"' in redis_conf
    assert "sentinel auth-user shop sentinel" in sentinel_conf
    assert 'sentinel auth-pass shop "sen\\"ti\\\\nel"' in sentinel_conf
    assert 'sentinel sentinel-pass "sen\\"ti\\\\nel"' in sentinel_conf


def test_first_start_records_the_primary_it_follows(tmp_path):
    configure(tmp_path, "redis-1")
    assert (tmp_path / "data" / "last-primary").read_text() == f"redis-0.{DOMAIN}\n"


@pytest.mark.parametrize("pod", ["redis-0", "redis-1"])
def test_full_restart_follows_the_last_primary_not_the_first_pod(tmp_path, pod):
    """After every pod restarted no Sentinel answers: redis-0 must not become primary by default,
    or its stale copy would replace the newer data of the last primary."""
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "last-primary").write_text(f"redis-2.{DOMAIN}\n")
    redis_conf, sentinel_conf = configure(tmp_path, pod)
    assert f"replicaof redis-2.{DOMAIN} 6379" in redis_conf
    assert f"sentinel monitor shop redis-2.{DOMAIN} 6379 2" in sentinel_conf
    assert f"sentinel client-reconfig-script shop {tmp_path}/config/record-primary.sh" in sentinel_conf


def test_sentinel_records_each_failover(tmp_path):
    last = tmp_path / "last-primary"
    arguments = ["shop", "leader", "start", f"redis-0.{DOMAIN}", "6379", f"redis-1.{DOMAIN}", "6379"]
    environment = dict(os.environ, LAST_PRIMARY_FILE=str(last))
    subprocess.run(["sh", "-c", RECORD_PRIMARY, "record-primary.sh", *arguments], env=environment, check=True, timeout=30)
    assert last.read_text() == f"redis-1.{DOMAIN}\n"


def test_a_replicated_primary_refuses_writes_when_cut_off_from_its_replicas():
    config = one(build(PROD), "ConfigMap", "redis-config")["data"]["redis.conf"]
    assert "min-replicas-to-write 1" in config.splitlines()
    assert "min-replicas-to-write" not in one(build(STAGING), "ConfigMap", "redis-config")["data"]["redis.conf"]


# --- ACL users -------------------------------------------------------------------------------


def users_file(env, name="redis-users") -> dict[str, tuple[str, list[str]]]:
    """name -> (password source, rules) of a users file of the ConfigMap."""
    text = one(built(env), "ConfigMap", "redis-config")["data"][name]
    return {line.split()[0]: (line.split()[1], line.split()[2:]) for line in text.splitlines()}


@pytest.mark.parametrize("env", [STAGING, PROD], ids=["staging", "prod"])
def test_each_service_has_a_user_of_its_own_on_its_own_keys_without_dangerous_commands(env):
    users = users_file(env)
    assert users["default"] == ("none", ["off", "resetpass", "resetkeys", "resetchannels", "-@all"])
    for client in CLIENTS:
        source, rules = users[client]
        assert source == "shared"
        assert [rule for rule in rules if rule.startswith(("~", "%", "allkeys"))] == [f"~{client}:*"]
        assert "resetchannels" in rules and "allchannels" not in rules
        granted = rules.index("+@all")
        assert {"-@dangerous", "-@admin"} <= set(rules[granted:])
        # Nothing dangerous is granted back, but ROLE for Sentinel-aware clients.
        assert [rule for rule in rules[granted + 1 :] if rule.startswith("+")] == (["+role"] if env is PROD else [])
    # Every user but the disabled default one has a password.
    assert {source for name, (source, _) in users.items() if name != "default"} <= {"shared", "local"}


def test_the_secret_holds_exactly_the_shared_users_and_services_read_their_own():
    users = users_file(PROD)
    shared = {name for name, (source, _) in (users | users_file(PROD, "sentinel-users")).items() if source == "shared"}
    specs = {spec.name: spec for spec in secret_specs(PROD, CATALOG)}
    assert set(specs["redis-credentials"].data) == shared == set(CLIENTS) | {"replication", "sentinel"}
    for client in CLIENTS:
        service = CATALOG.get(client)
        assert specs[service.secret_name].data["REDIS_PASSWORD"] == specs["redis-credentials"].data[client]
        settings = wire(service, PROD, CATALOG).settings
        assert settings["REDIS_USER"] == client
        assert f"~{settings['REDIS_KEY_PREFIX']}*" in users[client][1]
    # The exporter and the pod's own admin have passwords made in the pod, in no Secret.
    assert users["exporter"][0] == users["local-admin"][0] == "local"


def test_sentinel_users_only_look_up_the_primary():
    users = users_file(PROD, "sentinel-users")
    assert users["default"][1][0] == "off"
    for client in CLIENTS:
        rules = users[client][1]
        assert rules[:2] == ["resetchannels", "-@all"]
        assert "+sentinel|get-master-addr-by-name" in rules
        assert not [rule for rule in rules if rule in ("+@all", "+sentinel", "+sentinel|set", "+sentinel|failover", "+acl")]


def test_a_service_named_like_one_of_redis_own_users_is_refused():
    platform = release(PROD).platform
    with pytest.raises(ConfigError, match="redis: clients: sentinel"):
        RedisProps(platform["redis"], platform["redis-exporter"], (0,), ("orders", "sentinel"))


@pytest.mark.parametrize("env", [STAGING, PROD], ids=["staging", "prod"])
def test_a_replaced_password_outlives_two_refreshes_of_the_secret_store(env):
    statefulset = one(built(env), "StatefulSet", "redis")
    reload = containers(statefulset)["reload"]
    settings = {item["name"]: item["value"] for item in reload["env"]}
    refresh = {"1h": 3600, "5m": 300}[env.secrets.refresh_interval]
    assert int(settings["GRACE_SECONDS"]) > 2 * refresh
    # The reloader reads the Secret as mounted files, which the kubelet updates in place.
    mounts = {mount["mountPath"]: mount for mount in reload["volumeMounts"]}
    assert "subPath" not in mounts["/run/secrets/redis"]
    # Redis and Sentinel themselves never see the Secret, only hashes and what they use.
    for name, container in containers(statefulset).items():
        if name != "reload":
            assert "/run/secrets/redis" not in {m["mountPath"] for m in container.get("volumeMounts", [])}


def test_dev_redis_has_no_users_and_no_reloader():
    statefulset = one(built(DEV), "StatefulSet", "redis")
    assert "reload" not in containers(statefulset)
    assert "redis-users" not in one(built(DEV), "ConfigMap", "redis-config")["data"]


# --- the reloader under sh, with a stand-in redis-cli ------------------------------------------

GATED_REDIS_CLI = """#!/bin/sh
# Logs every call; the pod's own Redis and Sentinel answer OK, a peer in $DOWN does not answer,
# other peers answer PONG to a password in $ACCEPTED and refuse any other. Like servers that
# serve TLS only, none answers a client without TLS and a CA to verify them with.
host=""; tls=""; ca=""
while [ $# -gt 0 ]; do
  case "$1" in
    -h) host="$2"; shift 2 ;;
    -p | --user) shift 2 ;;
    --tls) tls=yes; shift ;;
    --cacert) ca="$2"; shift 2 ;;
    *) break ;;
  esac
done
if [ -z "$tls" ] || [ ! -s "$ca" ]; then echo "Error: Connection reset by peer" >&2; exit 1; fi
printf '%s %s\\n' "$host" "$*" >> "$CLI_LOG"
if [ "$host" = 127.0.0.1 ]; then echo OK; exit 0; fi
case " $DOWN " in *" ${host%%.*} "*) exit 1 ;; esac
case " $ACCEPTED " in *" $REDISCLI_AUTH "*) echo PONG ;; *) echo "WRONGPASS invalid username-password pair" ;; esac
"""


def test_a_replica_switches_to_a_new_replication_password_only_once_its_peers_accept_it(tmp_path):
    pod = Pod(tmp_path, PROD, "redis-1")
    pod.fake_cli()
    pod.configure()
    pod.fake_cli(GATED_REDIS_CLI)
    log = tmp_path / "cli.log"
    pod.write_secrets({"replication": "replication-password-2"})

    pod.run("reload.sh", "once", CLI_LOG=str(log), ACCEPTED="replication-password-1 sentinel-password-1", DOWN="")
    calls = log.read_text()
    assert "CONFIG SET masterauth" not in calls, "the primary does not know the new password yet"
    # The pod's own Redis and Sentinel learn the new password at once (clients may hold it).
    assert "127.0.0.1 ACL SETUSER replication reset on #" in calls
    assert "127.0.0.1 ACL SETUSER baskets reset on #" in calls

    log.unlink()
    pod.run("reload.sh", "once", CLI_LOG=str(log), ACCEPTED="replication-password-2 sentinel-password-1", DOWN="redis-2")
    calls = log.read_text()
    assert "127.0.0.1 CONFIG SET masterauth replication-password-2" in calls
    assert "SENTINEL SET shop auth-pass" not in calls, "the Sentinel password did not change"

    log.unlink()
    pod.run("reload.sh", "once", CLI_LOG=str(log), ACCEPTED="replication-password-2 sentinel-password-1", DOWN="")
    assert "masterauth" not in log.read_text(), "switched once, not at every round"


def test_sentinel_switches_its_own_password_once_every_server_and_sentinel_accepts_it(tmp_path):
    pod = Pod(tmp_path, PROD, "redis-0")
    pod.fake_cli()
    pod.configure()
    pod.fake_cli(GATED_REDIS_CLI)
    log = tmp_path / "cli.log"
    pod.write_secrets({"sentinel": "sentinel-password-2"})
    pod.run("reload.sh", "once", CLI_LOG=str(log), ACCEPTED="replication-password-1 sentinel-password-2", DOWN="")
    calls = log.read_text()
    assert "127.0.0.1 SENTINEL SET shop auth-pass sentinel-password-2" in calls
    assert "127.0.0.1 SENTINEL CONFIG SET sentinel-pass sentinel-password-2" in calls
    # Asked every server and every Sentinel first.
    for index in range(3):
        assert f"redis-{index}.{DOMAIN} ping" in calls
    assert calls.count(" ping\n") == 6


# --- against a real Redis ---------------------------------------------------------------------

REDIS_SERVER = shutil.which("redis-server")
REDIS_CLI = shutil.which("redis-cli")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


# The files cert-manager writes into the certificate's Secret (tls.crt, tls.key, ca.crt), made by
# openssl from a throwaway CA for every name the construct's Certificates ask for in any mode;
# the real servers and the Pods of these tests use them.
TLS_FILES: dict[str, Path] = {}


def redis_certificate(objects) -> dict:
    return one(objects, "Certificate", TLS_CERTIFICATE)["spec"]


@pytest.fixture(scope="session")
def tls_files(tmp_path_factory):
    names = sorted({name for env in (DEV, STAGING, PROD) for name in redis_certificate(built(env))["dnsNames"]})
    ca, crt, key = issue(tmp_path_factory.mktemp("redis-tls"), {"commonName": names[0], "dnsNames": names})
    TLS_FILES.update({"ca.crt": ca, "tls.crt": crt, "tls.key": key})
    yield TLS_FILES
    TLS_FILES.clear()


@pytest.fixture(autouse=True)
def _certificate_files(tls_files):
    """Every Pod here mounts the certificate's files (the scripts' redis-cli needs the CA)."""


@pytest.fixture
def redis_servers(tls_files):
    """Starts real redis-server processes (Debian's redis-server package; `make tools` installs it),
    TLS only, as the construct configures them."""
    if not (REDIS_SERVER and REDIS_CLI):
        pytest.fail("redis-server and redis-cli are needed: install Debian's redis-server package (make tools does)")
    processes: list[subprocess.Popen] = []

    def start(conf: Path, *options: str) -> int:
        # The pod's data volume and certificate Secret are folders beside the configuration here.
        root = conf.parent.parent
        text = conf.read_text().replace("\ndir /data\n", f"\ndir {root / 'data'}\n").replace(f"{TLS_DIR}/", f"{root / 'tls'}/")
        conf.write_text(text)
        port = free_port()
        process = subprocess.Popen(
            [REDIS_SERVER, str(conf), "--tls-port", str(port), *options], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        processes.append(process)
        deadline = time.monotonic() + 10
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                return port
            except OSError:
                assert process.poll() is None and time.monotonic() < deadline, f"redis-server {conf} did not start"
                time.sleep(0.05)

    yield start
    for process in processes:
        process.terminate()
    for process in processes:
        process.wait(timeout=10)


def cli(port: int, *command: str, user: str | None = None, password: str = "") -> str:
    """redis-cli's answer, over TLS, verifying the server against the test CA."""
    assert REDIS_CLI is not None  # the redis_servers fixture fails without it
    arguments = [REDIS_CLI, "-h", "127.0.0.1", "-p", str(port)]
    arguments += ["--tls", "--cacert", str(TLS_FILES["ca.crt"])]
    environment = dict(os.environ)
    if user is not None:
        arguments += ["--user", user]
        environment["REDISCLI_AUTH"] = password
    result = subprocess.run([*arguments, *command], env=environment, capture_output=True, text=True, timeout=10)
    return result.stdout.strip()


def refused(reply: str) -> bool:
    """redis-cli's reply when its AUTH failed: the command then runs unauthenticated."""
    return reply.startswith(("WRONGPASS", "NOAUTH"))


def eventually(check, what: str, seconds: float = 15) -> None:
    deadline = time.monotonic() + seconds
    while not check():
        assert time.monotonic() < deadline, what
        time.sleep(0.1)


DANGEROUS = (
    ("FLUSHALL",),
    ("FLUSHDB",),
    ("KEYS", "*"),
    ("CONFIG", "GET", "*"),
    ("CONFIG", "SET", "maxmemory", "0"),
    ("SHUTDOWN", "NOSAVE"),
    ("MONITOR",),
    ("ACL", "LIST"),
    ("REPLICAOF", "NO", "ONE"),
    ("SORT", "baskets:list", "BY", "auth:*"),
    ("SWAPDB", "0", "1"),
    ("CLIENT", "KILL", "TYPE", "normal"),
    ("FUNCTION", "FLUSH"),
    ("SCRIPT", "FLUSH"),
    ("INFO",),
)


def test_real_redis_gives_each_service_its_own_keys_and_no_dangerous_command(tmp_path, redis_servers):
    pod = Pod(tmp_path, STAGING)
    pod.run("configure.sh")
    port = redis_servers(tmp_path / "run" / "redis.conf")
    secrets = secrets_for(STAGING)

    assert cli(port, "PING").startswith("NOAUTH"), "the default user is off"
    assert cli(port, "AUTH", "default", "").startswith("WRONGPASS")
    baskets = {"user": "baskets", "password": secrets["baskets"]}
    assert cli(port, "SET", "baskets:cart:1", "x", **baskets) == "OK"
    assert cli(port, "-n", "1", "SET", "baskets:cart:2", "x", "EX", "60", **baskets) == "OK"
    assert cli(port, "SET", "auth:session:1", "x", user="auth", password=secrets["auth"]) == "OK"
    assert cli(port, "GET", "auth:session:1", **baskets).startswith("NOPERM"), "another service's keys"
    assert cli(port, "SET", "cart:1", "x", **baskets).startswith("NOPERM"), "a key outside its prefix"
    for command in DANGEROUS:
        assert cli(port, *command, **baskets).startswith("NOPERM"), command
    # DEBUG is refused before the ACL is even checked (enable-debug-command is off).
    assert cli(port, "DEBUG", "SLEEP", "0", **baskets).startswith(("NOPERM", "ERR DEBUG command not allowed"))
    assert cli(port, "EVAL", "return redis.call('GET', KEYS[1])", "1", "auth:session:1", **baskets).startswith(
        ("NOPERM", "ERR")
    ), "scripts run with the caller's rights"
    assert cli(port, "GET", "baskets:cart:1", user="products", password=secrets["products"]).startswith("NOPERM")
    assert refused(cli(port, "GET", "baskets:cart:1", user="baskets", password=secrets["baskets"] + "-guessed"))

    exporter = {"user": "exporter", "password": pod.local_password("exporter")}
    assert "used_memory:" in cli(port, "INFO", "memory", **exporter)
    assert cli(port, "GET", "baskets:cart:1", **exporter).startswith("NOPERM")
    assert cli(port, "CONFIG", "GET", "masterauth", **exporter).startswith("NOPERM")
    assert (tmp_path / "exporter" / "passwords.json").read_text().strip() == (
        '{"rediss://localhost:6379": "' + exporter["password"] + '"}'
    )
    admin = {"user": "local-admin", "password": pod.local_password("local-admin")}
    assert cli(port, "GET", "baskets:cart:1", **admin).startswith("NOPERM")
    assert cli(port, "PING", **admin) == "PONG"
    pod.run("ping.sh", str(port))  # the readiness probe
    # Redis holds hashes only: no password of the Secret is in its configuration.
    written = (tmp_path / "run" / "redis.conf").read_text()
    assert not [value for value in secrets.values() if value in written]


def test_real_redis_takes_a_rotated_password_without_a_restart_and_drops_the_old_one_later(tmp_path, redis_servers):
    pod = Pod(tmp_path, STAGING)
    pod.run("configure.sh")
    port = redis_servers(tmp_path / "run" / "redis.conf")
    old, new = secrets_for(STAGING, 1)["baskets"], secrets_for(STAGING, 2)["baskets"]
    environment = {**os.environ, **pod.env, "REDIS_PORT": str(port), "RELOAD_SECONDS": "0.1"}
    ready = ("reload-probe.sh", "reload.synced", "10")
    assert pod.run(*ready, check=False).returncode != 0, "not ready before it applied the Secret"
    loop = subprocess.Popen(
        ["sh", str(tmp_path / "config" / "reload.sh")], env=environment, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    try:
        assert refused(cli(port, "PING", user="baskets", password=new))
        # The kubelet rewrites the mounted Secret in place; the reloader notices by itself.
        pod.write_secrets({"baskets": new})
        eventually(lambda: cli(port, "PING", user="baskets", password=new) == "PONG", "the new password is never accepted")
        assert cli(port, "PING", user="baskets", password=old) == "PONG", "clients still holding the old one keep working"
        assert cli(port, "GET", "auth:x", user="baskets", password=new).startswith("NOPERM"), "same rights as before"
        # Ready once the round that applied it has finished (later users take a moment over TLS).
        eventually(lambda: pod.run(*ready, check=False).returncode == 0, "never ready after applying the Secret")
        pod.run("reload-probe.sh", "reload.alive", "2")
    finally:
        loop.terminate()
        loop.wait(timeout=10)
    # Once the grace period is over, the old password is refused.
    pod.run("reload.sh", "once", REDIS_PORT=str(port), GRACE_SECONDS="0")
    assert refused(cli(port, "PING", user="baskets", password=old))
    assert cli(port, "PING", user="baskets", password=new) == "PONG"


def test_real_replication_and_sentinel_authenticate_with_their_own_users(tmp_path, redis_servers):
    secrets = secrets_for(PROD)
    primary, replica = Pod(tmp_path / "0", PROD, "redis-0"), Pod(tmp_path / "1", PROD, "redis-1")
    for pod in (primary, replica):
        pod.fake_cli()  # for the Sentinels it asks, which do not exist here
        pod.configure()
        (pod.root / "bin" / "redis-cli").unlink()

    def localised(path: Path, port: int) -> Path:
        text = path.read_text().replace(f"redis-0.{DOMAIN} 6379", f"127.0.0.1 {port}")
        for index in range(3):
            text = text.replace(f"redis-{index}.{DOMAIN}", "127.0.0.1")
        path.write_text(text)
        return path

    primary_port = redis_servers(primary.root / "run" / "redis.conf")
    replica_port = redis_servers(
        localised(replica.root / "run" / "redis.conf", primary_port), "--dir", str(replica.root / "data")
    )
    exporter = {"user": "exporter", "password": replica.local_password("exporter")}
    eventually(
        lambda: "master_link_status:up" in cli(replica_port, "INFO", "replication", **exporter),
        "the replica never authenticated to its primary",
    )
    # Sentinel monitors with its own user: it reads INFO to find the replica.
    sentinel_port = redis_servers(localised(primary.root / "run" / "sentinel.conf", primary_port), "--sentinel")
    sentinel = {"user": "sentinel", "password": secrets["sentinel"]}
    eventually(
        lambda: str(replica_port) in cli(sentinel_port, "SENTINEL", "REPLICAS", "shop", **sentinel),
        "Sentinel never listed the replica",
    )
    flags = cli(sentinel_port, "SENTINEL", "MASTER", "shop", **sentinel).splitlines()
    assert flags[flags.index("flags") + 1] == "master"
    # A service finds the primary through Sentinel with its own user, and may do nothing else.
    baskets = {"user": "baskets", "password": secrets["baskets"]}
    assert cli(sentinel_port, "SENTINEL", "GET-MASTER-ADDR-BY-NAME", "shop", **baskets).split() == [
        "127.0.0.1",
        str(primary_port),
    ]
    for command in (("SENTINEL", "SET", "shop", "quorum", "1"), ("SENTINEL", "FAILOVER", "shop"), ("SENTINEL", "RESET", "*")):
        assert cli(sentinel_port, *command, **baskets).startswith("NOPERM"), command
    assert cli(sentinel_port, "PING").startswith("NOAUTH")
    # Each listens on TLS only: the replica and Sentinel above reached the primary over TLS.
    for port in (primary_port, replica_port, sentinel_port):
        assert not plaintext_reply(port).startswith(b"+PONG"), port
    primary.run("ping.sh", str(sentinel_port))  # the Sentinel's readiness probe
    assert cli(primary_port, "ROLE", **baskets).splitlines()[0] == "master", "Sentinel-aware clients check the role"
    # The replication user can replicate and nothing else.
    replication = {"user": "replication", "password": secrets["replication"]}
    assert cli(primary_port, "GET", "baskets:x", **replication).startswith("NOPERM")


# --- TLS: what a real Redis does with the configuration the construct renders --------------------


def test_sentinel_listens_on_tls_only_and_reaches_servers_and_sentinels_over_tls(tmp_path):
    pod = Pod(tmp_path, PROD, "redis-0")
    pod.fake_cli()
    _, sentinel_conf = pod.configure()
    lines = sentinel_conf.splitlines()
    assert "port 0" in lines and f"tls-port {REDIS_SENTINEL_PORT}" in lines
    # Sentinel dials the servers and the other Sentinels with TLS when tls-replication is on.
    assert "tls-replication yes" in lines and "tls-auth-clients no" in lines
    assert f"tls-cert-file {TLS_DIR}/tls.crt" in lines
    pod_containers = containers(one(built(PROD), "StatefulSet", "redis"))
    key_pairs = {
        name: {m["name"] for m in container["volumeMounts"] if m["mountPath"] == TLS_DIR}
        for name, container in pod_containers.items()
    }
    assert key_pairs["sentinel"] == key_pairs["redis"] == {"tls"}


def resp(*words: str) -> bytes:
    return b"".join([f"*{len(words)}\r\n".encode(), *(f"${len(w.encode())}\r\n{w}\r\n".encode() for w in words)])


def plaintext_reply(port: int) -> bytes:
    """What a client without TLS gets back for PING."""
    with socket.create_connection(("127.0.0.1", port), timeout=5) as raw:
        raw.sendall(resp("PING"))
        try:
            return raw.recv(64)
        except (ConnectionResetError, TimeoutError):
            return b""


def tls_session(port: int, server_name: str, *commands: tuple[str, ...]) -> list[bytes]:
    """Replies to `commands` from a client that verifies the server against the CA and the name
    it dials, as the services' clients do with REDIS_CA_FILE."""
    context = ssl.create_default_context(cafile=str(TLS_FILES["ca.crt"]))
    replies = []
    with (
        socket.create_connection(("127.0.0.1", port), timeout=5) as raw,
        context.wrap_socket(raw, server_hostname=server_name) as tls,
    ):
        for command in commands:
            tls.sendall(resp(*command))
            replies.append(tls.recv(256))
    return replies


def test_real_redis_refuses_plaintext_and_serves_a_client_verifying_the_ca(tmp_path, redis_servers):
    pod = Pod(tmp_path, STAGING)
    pod.run("configure.sh")
    port = redis_servers(tmp_path / "run" / "redis.conf")
    password = secrets_for(STAGING)["baskets"]
    assert not plaintext_reply(port).startswith(b"+PONG")
    host = wire(CATALOG.get("baskets"), STAGING, CATALOG).settings["REDIS_HOST"]
    assert tls_session(port, host, ("AUTH", "baskets", password), ("SET", "baskets:tls", "1"), ("GET", "baskets:tls")) == [
        b"+OK\r\n",
        b"+OK\r\n",
        b"$1\r\n1\r\n",
    ]
    # A client that trusts another CA does not get through.
    with pytest.raises(ssl.SSLCertVerificationError):
        context = ssl.create_default_context()
        with socket.create_connection(("127.0.0.1", port), timeout=5) as raw, context.wrap_socket(raw, server_hostname=host):
            pass
    pod.run("ping.sh", str(port))  # the readiness probe, over TLS


def test_real_redis_without_users_serves_tls_only_too(tmp_path, redis_servers):
    pod = Pod(tmp_path, DEV)
    pod.run("configure.sh")
    port = redis_servers(tmp_path / "run" / "redis.conf")
    assert not plaintext_reply(port).startswith(b"+PONG")
    host = wire(CATALOG.get("baskets"), DEV, CATALOG).settings["REDIS_HOST"]
    assert tls_session(port, host, ("PING",)) == [b"+PONG\r\n"]
    pod.run("ping.sh", str(port))


def renew(pod: Pod) -> bytes:
    """What cert-manager does at renewal: a new key and certificate from the same CA, for the same
    names, in the mounted Secret. Returns the new certificate (DER)."""
    folder = pod.root / "tls"
    ca = TLS_FILES["ca.crt"]

    def openssl(*arguments: str) -> None:
        subprocess.run(["openssl", *arguments], cwd=folder, check=True, capture_output=True)

    openssl("ecparam", "-name", "prime256v1", "-genkey", "-noout", "-out", "new.key")
    openssl("req", "-new", "-key", "new.key", "-subj", "/CN=renewed", "-out", "new.csr")
    openssl(
        "x509", "-req", "-in", "new.csr", "-CA", str(ca), "-CAkey", str(ca.parent / "ca.key"), "-CAcreateserial",
        "-days", "1", "-extfile", str(ca.parent / "ext.cnf"), "-out", "new.crt",
    )  # fmt: skip
    (folder / "new.key").replace(folder / "tls.key")
    (folder / "new.crt").replace(folder / "tls.crt")
    return ssl.PEM_cert_to_DER_cert((folder / "tls.crt").read_text())


def served_certificate(port: int) -> bytes:
    context = ssl.create_default_context(cafile=str(TLS_FILES["ca.crt"]))
    with (
        socket.create_connection(("127.0.0.1", port), timeout=5) as raw,
        context.wrap_socket(raw, server_hostname="localhost") as tls,
    ):
        served = tls.getpeercert(binary_form=True)
    assert served is not None
    return served


def test_real_redis_serves_a_renewed_certificate_once_the_reloader_loads_it(tmp_path, redis_servers):
    pod = Pod(tmp_path, STAGING)
    pod.run("configure.sh")
    port = redis_servers(tmp_path / "run" / "redis.conf")
    pod.run("reload.sh", "once", REDIS_PORT=str(port))
    before = served_certificate(port)
    renewed = renew(pod)
    assert served_certificate(port) == before, "Redis keeps the certificate it loaded"
    pod.run("reload.sh", "once", REDIS_PORT=str(port))
    assert served_certificate(port) == renewed
    assert cli(port, "PING", user="local-admin", password=pod.local_password("local-admin")) == "PONG"


def test_sentinel_and_redis_without_a_reloader_are_restarted_for_a_renewed_certificate(tmp_path, redis_servers):
    """Their liveness probe fails once the mounted certificate is not the one they started with."""
    pod = Pod(tmp_path, DEV)
    pod.run("configure.sh")
    port = redis_servers(tmp_path / "run" / "redis.conf")
    statefulset = one(built(PROD), "StatefulSet", "redis")
    sentinel = containers(statefulset)["sentinel"]
    assert sentinel["livenessProbe"]["exec"]["command"][1:] == ["/config/tls-current.sh", "sentinel", str(REDIS_SENTINEL_PORT)]
    server = containers(one(built(DEV), "StatefulSet", "redis"))["redis"]
    command = server["command"]
    assert command[:2] == ["sh", "-c"] and command[3:] == ["redis", "/run/redis/redis.conf"]
    # The container's start, with a redis-server that only prints its version, records the certificate.
    environment = {**os.environ, **pod.env}
    subprocess.run(["sh", "-c", command[2], "redis", "--version"], env=environment, check=True, capture_output=True)
    alive = ("tls-current.sh", "redis", str(port))
    pod.run(*alive)
    renew(pod)
    assert pod.run(*alive, check=False).returncode != 0, "the kubelet must restart it"
