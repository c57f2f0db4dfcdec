"""Redis per cache mode, and the script that makes a pod a primary or a replica."""

from __future__ import annotations

import os
import stat
import subprocess
from pathlib import Path

import pytest

from ecommerce.environments import DEV, PROD, STAGING
from ecommerce.redis import CONFIGURE, RECORD_PRIMARY, Redis, RedisProps

from .helpers import of_kind, one, release, synth


def build(env):
    platform = release(env).platform
    return synth(
        lambda scope: Redis(scope, "redis", env, RedisProps(platform["redis"], platform["redis-exporter"], (0, 1, 2, 3)))
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
    assert not [v for v in volumes if "secret" in v]
    assert one(objects, "Service", "redis")["spec"]["type"] == "ClusterIP"
    assert not of_kind(objects, "PodDisruptionBudget")


def test_staging_has_auth_and_persistence():
    objects = build(STAGING)
    statefulset = one(objects, "StatefulSet", "redis")
    assert statefulset["spec"]["replicas"] == 1
    (claim,) = statefulset["spec"]["volumeClaimTemplates"]
    assert claim["spec"]["resources"]["requests"]["storage"] == "2Gi"
    volumes = {v["name"]: v for v in statefulset["spec"]["template"]["spec"]["volumes"]}
    assert volumes["credentials"]["secret"]["secretName"] == "redis-credentials"
    assert "appendonly yes" in config(objects)
    assert "protected-mode yes" in config(objects)
    exporter = containers(statefulset)["exporter"]
    assert "--redis.password-file=/run/secrets/redis/exporter-passwords.json" in exporter["args"]


def test_prod_replicates_with_sentinel_across_nodes():
    objects = build(PROD)
    statefulset = one(objects, "StatefulSet", "redis")
    assert statefulset["spec"]["replicas"] == 3
    assert set(containers(statefulset)) == {"redis", "sentinel", "exporter"}
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
# Answers `sentinel get-master-addr-by-name` with $SENTINEL_ANSWER, or fails like an absent peer.
[ -n "$SENTINEL_ANSWER" ] || exit 1
printf '%s\\n6379\\n' "$SENTINEL_ANSWER"
"""


def configure(tmp_path: Path, pod: str, answer: str = "", password: str | None = None) -> tuple[str, str]:
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    for name, body in (("redis-cli", FAKE_REDIS_CLI), ("hostname", f"#!/bin/sh\necho {pod}\n")):
        (bin_dir / name).write_text(body)
        (bin_dir / name).chmod(stat.S_IRWXU)
    (tmp_path / "config").mkdir()
    (tmp_path / "config" / "redis.conf").write_text("port 6379\n")
    (tmp_path / "run").mkdir()
    password_file = tmp_path / "password"
    if password is not None:
        password_file.write_text(password)
    script = CONFIGURE.replace("/config/", f"{tmp_path}/config/").replace("/run/redis/", f"{tmp_path}/run/")
    domain = "redis-headless.e-commerce-prod.svc"
    environment = dict(
        os.environ,
        PATH=f"{bin_dir}:{os.environ['PATH']}",
        PASSWORD_FILE=str(password_file),
        SENTINEL="true",
        HEADLESS_DOMAIN=domain,
        PEERS="redis-0 redis-1 redis-2",
        FIRST_POD="redis-0",
        MASTER_NAME="shop",
        QUORUM="2",
        REDIS_PORT="6379",
        SENTINEL_PORT="26379",
        SENTINEL_ANSWER=answer,
        LAST_PRIMARY_FILE=str(tmp_path / "last-primary"),
    )
    subprocess.run(["sh", "-c", script], env=environment, check=True, capture_output=True, timeout=30)
    return (tmp_path / "run" / "redis.conf").read_text(), (tmp_path / "run" / "sentinel.conf").read_text()


DOMAIN = "redis-headless.e-commerce-prod.svc"


def test_first_start_makes_the_first_pod_primary(tmp_path):
    redis_conf, sentinel_conf = configure(tmp_path, "redis-0")
    assert "replicaof" not in redis_conf
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
    redis_conf, sentinel_conf = configure(tmp_path, "redis-0", password='pa"ss\\word')
    assert 'requirepass "pa\\"ss\\\\word"' in redis_conf
    assert 'masterauth "pa\\"ss\\\\word"' in redis_conf
    assert 'sentinel auth-pass shop "pa\\"ss\\\\word"' in sentinel_conf


def test_first_start_records_the_primary_it_follows(tmp_path):
    configure(tmp_path, "redis-1")
    assert (tmp_path / "last-primary").read_text() == f"redis-0.{DOMAIN}\n"


@pytest.mark.parametrize("pod", ["redis-0", "redis-1"])
def test_full_restart_follows_the_last_primary_not_the_first_pod(tmp_path, pod):
    """After every pod restarted no Sentinel answers: redis-0 must not become primary by default,
    or its stale copy would replace the newer data of the last primary."""
    (tmp_path / "last-primary").write_text(f"redis-2.{DOMAIN}\n")
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
