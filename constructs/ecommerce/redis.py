"""Redis for the environment's cache mode.

- simple (dev): one pod, no password, no persistence.
- auth (staging): one pod, `requirepass` from a Secret, append-only persistence.
- cluster (prod): a primary and replicas with a Sentinel beside each of them, at least
  three pods on distinct nodes, auth, persistence and a disruption budget. Clients ask
  Sentinel (the `redis-sentinel` Service) where the primary is.

Each pod carries a redis_exporter sidecar for Prometheus.
"""

from __future__ import annotations

from dataclasses import dataclass

from cdk8s_plus_27 import k8s
from constructs import Construct

from .credentials import REDIS_EXPORTER_PASSWORDS, REDIS_SECRET
from .endpoints import REDIS, REDIS_PORT, REDIS_SENTINEL, REDIS_SENTINEL_MASTER, REDIS_SENTINEL_PORT
from .environments import CacheMode, Environment
from .errors import require
from .images import ImageRef
from .meta import Part, int_or_string, labels, selector
from .pods import (
    SIDECAR,
    anti_affinity,
    claim_template,
    config_map_volume,
    empty_dir,
    exec_probe,
    http_probe,
    resources,
    secret_volume,
    tcp_probe,
)
from .quotas import Footprint
from .security import container_security_context, pod_security_context
from .units import parse_quantity

EXPORTER_PORT = 9121
HEADLESS = "redis-headless"
PASSWORD_FILE = "/run/secrets/redis/password"
LAST_PRIMARY_FILE = "/data/last-primary"
# Sessions and carts expire; evict only keys that carry a TTL, never a live basket.
EVICTION_POLICY = "volatile-lru"

# Writes this pod's configuration into /run/redis before Redis starts. In Sentinel mode it
# asks the Sentinels which pod is the primary, and replicates from it. When no Sentinel
# answers (every pod restarted), it follows the last primary this pod saw, kept on its data
# volume by each start and by Sentinel after each failover (RECORD_PRIMARY): promoting the
# first pod blindly would make a stale copy the primary and throw away newer writes. Only a
# first start, with nothing recorded, makes the first pod the primary.
CONFIGURE = r"""#!/bin/sh
set -eu
quote() { printf '"%s"' "$(printf '%s' "$1" | sed -e 's/\\/\\\\/g' -e 's/"/\\"/g')"; }
cp /config/redis.conf /run/redis/redis.conf
password=""
if [ -f "$PASSWORD_FILE" ]; then
  password="$(cat "$PASSWORD_FILE")"
  printf 'requirepass %s\nmasterauth %s\n' "$(quote "$password")" "$(quote "$password")" >> /run/redis/redis.conf
fi
[ "$SENTINEL" = "true" ] || exit 0
self="$(hostname).$HEADLESS_DOMAIN"
primary=""
for peer in $PEERS; do
  answer="$(REDISCLI_AUTH="$password" redis-cli -h "$peer.$HEADLESS_DOMAIN" -p "$SENTINEL_PORT" \
    sentinel get-master-addr-by-name "$MASTER_NAME" 2>/dev/null | head -n 1)" || true
  if [ -n "$answer" ]; then primary="$answer"; break; fi
done
if [ -z "$primary" ] && [ -s "$LAST_PRIMARY_FILE" ]; then primary="$(cat "$LAST_PRIMARY_FILE")"; fi
[ -n "$primary" ] || primary="$FIRST_POD.$HEADLESS_DOMAIN"
printf '%s\n' "$primary" > "$LAST_PRIMARY_FILE.new" && mv "$LAST_PRIMARY_FILE.new" "$LAST_PRIMARY_FILE"
printf 'replica-announce-ip %s\n' "$self" >> /run/redis/redis.conf
[ "$primary" = "$self" ] || printf 'replicaof %s %s\n' "$primary" "$REDIS_PORT" >> /run/redis/redis.conf
{
  printf 'port %s\ndir /tmp\n' "$SENTINEL_PORT"
  printf 'sentinel resolve-hostnames yes\nsentinel announce-hostnames yes\n'
  printf 'sentinel announce-ip %s\n' "$self"
  printf 'sentinel monitor %s %s %s %s\n' "$MASTER_NAME" "$primary" "$REDIS_PORT" "$QUORUM"
  printf 'sentinel down-after-milliseconds %s 5000\n' "$MASTER_NAME"
  printf 'sentinel failover-timeout %s 60000\n' "$MASTER_NAME"
  printf 'sentinel parallel-syncs %s 1\n' "$MASTER_NAME"
  printf 'sentinel client-reconfig-script %s /config/record-primary.sh\n' "$MASTER_NAME"
  if [ -n "$password" ]; then
    printf 'sentinel auth-pass %s %s\n' "$MASTER_NAME" "$(quote "$password")"
    printf 'requirepass %s\n' "$(quote "$password")"
  fi
} > /run/redis/sentinel.conf
"""

# Sentinel runs this after each failover with: <master> <role> <state> <from-host>
# <from-port> <to-host> <to-port>; the new primary is remembered for a full restart.
RECORD_PRIMARY = r"""#!/bin/sh
set -eu
printf '%s\n' "$6" > "$LAST_PRIMARY_FILE.new" && mv "$LAST_PRIMARY_FILE.new" "$LAST_PRIMARY_FILE"
"""

# Exits 0 only when the server (or Sentinel) on PORT answers PONG, authenticated if needed.
PING = r"""#!/bin/sh
set -eu
if [ -f "$PASSWORD_FILE" ]; then REDISCLI_AUTH="$(cat "$PASSWORD_FILE")"; export REDISCLI_AUTH; fi
[ "$(redis-cli -h 127.0.0.1 -p "$1" ping)" = "PONG" ]
"""


@dataclass(frozen=True)
class RedisProps:
    image: ImageRef
    exporter_image: ImageRef
    # Logical databases the services use (the catalog assigns each purpose its own).
    databases: tuple[int, ...]

    def __post_init__(self) -> None:
        require(all(0 <= db <= 15 for db in self.databases), "redis: databases", "must be 0-15")


class Redis(Part):
    def __init__(self, scope: Construct, id: str, env: Environment, props: RedisProps) -> None:
        super().__init__(scope, id, env)
        self.props = props
        cache = env.cache
        self.sentinel = _uses_sentinel(env)
        self.namespace = env.namespace
        self.labels = labels(env, REDIS, "cache", props.image.tag)
        self.selector = selector(env, REDIS)
        k8s.KubeConfigMap(
            self,
            "config",
            metadata=self.meta("redis-config", self.labels, self.namespace),
            data={
                "redis.conf": self._server_config(),
                "configure.sh": CONFIGURE,
                "ping.sh": PING,
                "record-primary.sh": RECORD_PRIMARY,
            },
        )
        k8s.KubeServiceAccount(
            self,
            "service-account",
            metadata=self.meta(REDIS, self.labels, self.namespace),
            automount_service_account_token=False,
        )
        self._services()
        self._statefulset()
        if env.pod_disruption_budget and cache.replicas > 1:
            k8s.KubePodDisruptionBudget(
                self,
                "disruption-budget",
                metadata=self.meta(REDIS, self.labels, self.namespace),
                spec=k8s.PodDisruptionBudgetSpec(
                    max_unavailable=int_or_string(1),
                    selector=k8s.LabelSelector(match_labels=self.selector),
                ),
            )

    def _server_config(self) -> str:
        cache = self.env.cache
        max_memory = int(parse_quantity(cache.max_memory, "cache.max_memory", "memory"))
        persistent = cache.storage is not None
        lines = [
            f"port {REDIS_PORT}",
            "bind * -::*",
            # Without a password (dev only) Redis must still accept other pods' connections;
            # network policies are what limit who may connect.
            f"protected-mode {'yes' if cache.requires_auth else 'no'}",
            "dir /data",
            f"databases {max(16, max(self.props.databases, default=0) + 1)}",
            f"maxmemory {max_memory}",
            f"maxmemory-policy {EVICTION_POLICY}",
            f"appendonly {'yes' if persistent else 'no'}",
            "appendfsync everysec",
            'save ""' if not persistent else "save 3600 1 300 100 60 10000",
            "replica-read-only yes",
            "tcp-keepalive 60",
        ]
        if self.sentinel:
            # A primary cut off from every replica stops taking writes within seconds, instead
            # of taking writes that the failover on the other side of the partition would lose.
            lines += ["min-replicas-to-write 1", "min-replicas-max-lag 10"]
        return "\n".join(lines) + "\n"

    def _services(self) -> None:
        ports = [k8s.ServicePort(name="redis", port=REDIS_PORT, target_port=int_or_string("redis"))]
        if self.sentinel:
            ports.append(k8s.ServicePort(name="sentinel", port=REDIS_SENTINEL_PORT, target_port=int_or_string("sentinel")))
        ports.append(k8s.ServicePort(name="metrics", port=EXPORTER_PORT, target_port=int_or_string("metrics")))
        k8s.KubeService(
            self,
            "headless",
            metadata=self.meta(HEADLESS, self.labels, self.namespace),
            spec=k8s.ServiceSpec(
                cluster_ip="None",
                # Pods must resolve each other before they are ready, to find the primary.
                publish_not_ready_addresses=True,
                selector=self.selector,
                ports=ports,
            ),
        )
        if self.sentinel:
            # Clients ask any Sentinel for the primary; a plain "redis" Service would send
            # writes to replicas.
            k8s.KubeService(
                self,
                "sentinel",
                metadata=self.meta(REDIS_SENTINEL, self.labels, self.namespace),
                spec=k8s.ServiceSpec(
                    type="ClusterIP",
                    selector=self.selector,
                    ports=[k8s.ServicePort(name="sentinel", port=REDIS_SENTINEL_PORT, target_port=int_or_string("sentinel"))],
                ),
            )
        else:
            k8s.KubeService(
                self,
                "service",
                metadata=self.meta(REDIS, self.labels, self.namespace),
                spec=k8s.ServiceSpec(type="ClusterIP", selector=self.selector, ports=ports),
            )

    def _statefulset(self) -> None:
        env, props = self.env, self.props
        cache = env.cache
        replicas = cache.replicas
        headless_domain = f"{HEADLESS}.{self.namespace}.svc"
        common_env = [
            k8s.EnvVar(name="PASSWORD_FILE", value=PASSWORD_FILE),
            k8s.EnvVar(name="SENTINEL", value="true" if self.sentinel else "false"),
            k8s.EnvVar(name="HEADLESS_DOMAIN", value=headless_domain),
            k8s.EnvVar(name="PEERS", value=" ".join(f"{REDIS}-{index}" for index in range(replicas))),
            k8s.EnvVar(name="FIRST_POD", value=f"{REDIS}-0"),
            k8s.EnvVar(name="MASTER_NAME", value=REDIS_SENTINEL_MASTER),
            k8s.EnvVar(name="QUORUM", value=str(replicas // 2 + 1)),
            k8s.EnvVar(name="REDIS_PORT", value=str(REDIS_PORT)),
            k8s.EnvVar(name="SENTINEL_PORT", value=str(REDIS_SENTINEL_PORT)),
            k8s.EnvVar(name="LAST_PRIMARY_FILE", value=LAST_PRIMARY_FILE),
        ]
        mounts = [
            k8s.VolumeMount(name="run", mount_path="/run/redis"),
            k8s.VolumeMount(name="config", mount_path="/config", read_only=True),
        ]
        if cache.requires_auth:
            mounts.append(k8s.VolumeMount(name="credentials", mount_path="/run/secrets/redis", read_only=True))
        sizes = cache.resources
        server = k8s.Container(
            name="redis",
            image=str(props.image),
            image_pull_policy="IfNotPresent",
            command=["redis-server", "/run/redis/redis.conf"],
            env=[k8s.EnvVar(name="PASSWORD_FILE", value=PASSWORD_FILE)],
            ports=[k8s.ContainerPort(name="redis", container_port=REDIS_PORT, protocol="TCP")],
            resources=resources(sizes),
            readiness_probe=_ping_probe(REDIS_PORT),
            liveness_probe=tcp_probe("redis", period=10),
            security_context=container_security_context(),
            volume_mounts=[*mounts, k8s.VolumeMount(name="data", mount_path="/data")],
        )
        containers = [server]
        if self.sentinel:
            containers.append(
                k8s.Container(
                    name="sentinel",
                    image=str(props.image),
                    image_pull_policy="IfNotPresent",
                    # Sentinel rewrites its own file, so it lives in the writable /run/redis.
                    command=["redis-server", "/run/redis/sentinel.conf", "--sentinel"],
                    env=[
                        k8s.EnvVar(name="PASSWORD_FILE", value=PASSWORD_FILE),
                        k8s.EnvVar(name="LAST_PRIMARY_FILE", value=LAST_PRIMARY_FILE),
                    ],
                    ports=[k8s.ContainerPort(name="sentinel", container_port=REDIS_SENTINEL_PORT, protocol="TCP")],
                    resources=resources(SIDECAR),
                    readiness_probe=_ping_probe(REDIS_SENTINEL_PORT),
                    liveness_probe=tcp_probe("sentinel", period=10),
                    security_context=container_security_context(),
                    volume_mounts=[
                        *mounts,
                        k8s.VolumeMount(name="tmp", mount_path="/tmp"),
                        k8s.VolumeMount(name="data", mount_path="/data"),
                    ],
                )
            )
        exporter_args = [f"--redis.addr=redis://localhost:{REDIS_PORT}", f"--web.listen-address=:{EXPORTER_PORT}"]
        exporter_mounts = []
        if cache.requires_auth:
            exporter_args.append(f"--redis.password-file=/run/secrets/redis/{REDIS_EXPORTER_PASSWORDS}")
            exporter_mounts.append(k8s.VolumeMount(name="credentials", mount_path="/run/secrets/redis", read_only=True))
        containers.append(
            k8s.Container(
                name="exporter",
                image=str(props.exporter_image),
                image_pull_policy="IfNotPresent",
                args=exporter_args,
                ports=[k8s.ContainerPort(name="metrics", container_port=EXPORTER_PORT, protocol="TCP")],
                resources=resources(SIDECAR),
                readiness_probe=http_probe("/", "metrics", period=10),
                liveness_probe=http_probe("/", "metrics", period=20),
                security_context=container_security_context(),
                volume_mounts=exporter_mounts or None,
            )
        )
        # Passwords and the Sentinel's view of the cluster live in memory only.
        volumes = [
            empty_dir("run", "1Mi", in_memory=True),
            empty_dir("tmp", "16Mi"),
            config_map_volume("config", "redis-config", executable=True),
        ]
        if cache.requires_auth:
            volumes.append(secret_volume("credentials", REDIS_SECRET))
        claims = None
        if cache.storage is None:
            volumes.append(empty_dir("data", cache.max_memory))
        else:
            claims = [claim_template("data", cache.storage, self.labels)]
        k8s.KubeStatefulSet(
            self,
            "statefulset",
            metadata=self.meta(REDIS, self.labels, self.namespace),
            spec=k8s.StatefulSetSpec(
                service_name=HEADLESS,
                replicas=replicas,
                pod_management_policy="OrderedReady",
                selector=k8s.LabelSelector(match_labels=self.selector),
                template=k8s.PodTemplateSpec(
                    metadata=k8s.ObjectMeta(labels=self.labels),
                    spec=k8s.PodSpec(
                        service_account_name=REDIS,
                        automount_service_account_token=False,
                        enable_service_links=False,
                        termination_grace_period_seconds=30,
                        security_context=pod_security_context(),
                        affinity=anti_affinity(self.selector) if env.spread_across_zones else None,
                        init_containers=[
                            k8s.Container(
                                name="configure",
                                image=str(props.image),
                                image_pull_policy="IfNotPresent",
                                command=["sh", "/config/configure.sh"],
                                env=common_env,
                                resources=resources(SIDECAR),
                                security_context=container_security_context(),
                                volume_mounts=[*mounts, k8s.VolumeMount(name="data", mount_path="/data")],
                            )
                        ],
                        containers=containers,
                        volumes=volumes,
                    ),
                ),
                volume_claim_templates=claims,
            ),
        )


def _ping_probe(port: int) -> k8s.Probe:
    return exec_probe(["sh", "/config/ping.sh", str(port)], period=5, timeout=3)


def redis_footprint(env: Environment) -> Footprint:
    """Redis' pods: the server and its exporter, plus a sentinel in each pod in cluster mode."""
    cache = env.cache
    sentinel = (SIDECAR,) if _uses_sentinel(env) else ()
    storage = parse_quantity(cache.storage, "cache.storage", "memory") if cache.storage else 0
    claims = cache.replicas if cache.storage else 0
    return Footprint(cache.replicas, (cache.resources, SIDECAR, *sentinel), storage * cache.replicas, claims)


def _uses_sentinel(env: Environment) -> bool:
    return env.cache.mode is CacheMode.CLUSTER
