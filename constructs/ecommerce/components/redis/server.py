"""Redis for the environment's cache mode.

- simple (dev): one pod, no password, no persistence.
- auth (staging): one pod, `requirepass` from a Secret, append-only persistence.
- cluster (prod): a primary and replicas with a Sentinel beside each of them, at least
  three pods on distinct nodes, auth, persistence and a disruption budget. Clients ask
  Sentinel (the `redis-sentinel` Service) where the primary is.

Each pod carries a redis_exporter sidecar for Prometheus.

Redis and Sentinel serve TLS only, in every mode, with a certificate from the internal CA
(components/internal_tls.py) naming the Services and each pod: clients, replicas, Sentinels, the exporter,
the probes and the scripts all verify it against the CA.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from cdk8s_plus_27 import k8s
from constructs import Construct

from ecommerce.components.internal_tls import certificate, service_dns_names
from ecommerce.components.meta import Part, int_or_string
from ecommerce.components.pods import (
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
    typed,
)
from ecommerce.components.quotas import Footprint
from ecommerce.components.security import container_security_context, pod_security_context
from ecommerce.derived.endpoints import (
    CA_FILE,
    CA_KEY,
    CA_MOUNT,
    REDIS,
    REDIS_EXPORTER_PORT,
    REDIS_PORT,
    REDIS_SENTINEL,
    REDIS_SENTINEL_MASTER,
    REDIS_SENTINEL_PORT,
)
from ecommerce.derived.labels import labels, selector
from ecommerce.derived.secret_specs import REDIS_REPLICATION_USER, REDIS_SECRET, REDIS_SENTINEL_USER
from ecommerce.derived.wiring import redis_key_prefix
from ecommerce.errors import require
from ecommerce.model.environments import CacheMode, Environment
from ecommerce.model.images import ImageRef
from ecommerce.model.units import parse_quantity

HEADLESS = "redis-headless"
LAST_PRIMARY_FILE = "/data/last-primary"
# Sessions and carts expire; evict only keys that carry a TTL, never a live basket.
EVICTION_POLICY = "volatile-lru"

# Where each container finds what configure.sh prepared. The in-memory /run/redis holds the
# configuration files (with password hashes and the replicas' masterauth) and the passwords
# of the pod-local users; the exporter sees only its own password file.
RUN_DIR = "/run/redis"
CONFIG_DIR = "/config"
SECRETS_DIR = "/run/secrets/redis"
LOCAL_DIR = f"{RUN_DIR}/local"
EXPORTER_DIR = "/run/exporter"
EXPORTER_PASSWORD_FILE = f"{EXPORTER_DIR}/passwords.json"
# The hashes of the passwords each user had, kept on the data volume so that a restarted pod
# still accepts the one before a rotation during its grace period.
STATE_DIR = "/data/acl"
# The server certificate's Secret (cert-manager writes tls.crt, tls.key and the CA's ca.crt),
# mounted whole only into Redis, Sentinel and the reloader (which has Redis load a renewed one);
# the other containers mount its ca.crt alone at CA_MOUNT, where the services find the CA too.
TLS_CERTIFICATE = "redis-tls"
TLS_DIR = "/run/tls/redis"
# How often the reloader compares the mounted Secret with what Redis and Sentinel hold.
RELOAD_SECONDS = 10

# ACL users besides the services and REDIS_REPLICATION_USER / REDIS_SENTINEL_USER. These two
# get a random password at each pod start, kept in memory inside the pod: nothing outside it
# knows or stores them, so they never need rotating.
EXPORTER_USER = "exporter"
# Used by the reloader (to apply rotated passwords) and the probes, from inside the pod only.
ADMIN_USER = "local-admin"
RESERVED_USERS = ("default", EXPORTER_USER, ADMIN_USER, REDIS_REPLICATION_USER, REDIS_SENTINEL_USER)
# Connections that do not authenticate are the default user's: it is switched off.
DEFAULT_USER_RULES = "off resetpass resetkeys resetchannels -@all"
# Services may run any data command on their own keys, never a dangerous or administrative
# one (FLUSHALL, FLUSHDB, KEYS, CONFIG, DEBUG, SHUTDOWN, MONITOR, SORT, REPLICAOF, ACL, ...),
# nor replace or drop the server-wide Lua functions and scripts that other services rely on.
SERVICE_COMMANDS = (
    "+@all -@dangerous -@admin -function|load -function|delete -function|flush -function|restore"
    " -function|kill -script|flush -script|kill"
)
# A Sentinel-aware client checks with ROLE that the address Sentinel gave it is the primary
# (Redis' guidelines for Sentinel clients); ROLE reveals only the replication topology,
# which Sentinel gives out anyway.
SENTINEL_CLIENT_COMMANDS = "+role"
# What Redis' documentation lists for the replicas' and Sentinel's users.
REPLICATION_COMMANDS = "-@all +psync +replconf +ping"
SENTINEL_COMMANDS = (
    "-@all +multi +exec +slaveof +replicaof +ping +info +role +config|rewrite +client|setname +client|kill"
    " +script|kill +subscribe +publish"
)
# On the Sentinels: services only look up the primary and the other Sentinels.
SENTINEL_LOOKUP_COMMANDS = (
    "-@all +ping +hello +client|setname +sentinel|get-master-addr-by-name +sentinel|master"
    " +sentinel|masters +sentinel|sentinels +sentinel|replicas +sentinel|slaves"
)
# redis_exporter needs INFO for every metric the rules use; not CONFIG GET (it would read
# masterauth) nor SLOWLOG GET (command arguments, i.e. data): it carries on without them.
EXPORTER_COMMANDS = "-@all +ping +info +client|setname +latency|latest +latency|histogram +slowlog|len"
ADMIN_COMMANDS = "-@all +ping +acl|setuser +config|set"
SENTINEL_ADMIN_COMMANDS = "-@all +ping +acl|setuser +sentinel|set +sentinel|config"

# Functions shared by configure.sh and reload.sh. A users file has one line per ACL user:
# "<name> <shared|local|none> <rules>". A shared user's password is the file of that name in
# the mounted Secret; a local one's is generated in the pod at start; `none` has no password
# (the disabled default user). Redis stores no password, only its SHA-256 ("#<hash>").
ACL_FUNCTIONS = r"""
new_password() { od -An -tx1 -N32 /dev/urandom | tr -d ' \n'; }
sha() { printf '%s' "$1" | sha256sum | cut -d ' ' -f 1; }
password_of() {
  if [ "$2" = local ]; then cat "$LOCAL_DIR/$1"; else cat "$SECRETS_DIR/$1"; fi
}
# Prints "#<hash>" of the user's password and, during GRACE_SECONDS after it changed, the
# hash of the one before: clients and peers that still hold it keep working while the new
# value reaches every pod (the kubelet updates each mounted Secret on its own schedule).
hashes() {
  current="$STATE_DIR/$1.current"; previous="$STATE_DIR/$1.previous"; now="$(date +%s)"
  if [ -s "$current" ] && [ "$(cat "$current")" != "$2" ]; then
    printf '%s %s\n' "$(cat "$current")" "$now" > "$previous"
  fi
  printf '%s\n' "$2" > "$current"
  printf '#%s' "$2"
  if [ -s "$previous" ]; then
    read -r old since < "$previous"
    if [ "$old" != "$2" ] && [ $((now - since)) -lt "$GRACE_SECONDS" ]; then printf ' #%s' "$old"; else rm -f "$previous"; fi
  fi
}
# Prints "<name> on <hashes> <rules>" for each user of a users file.
acl_users() {
  while read -r name source rules; do
    if [ -z "$name" ]; then continue; fi
    if [ "$source" = none ]; then printf '%s %s\n' "$name" "$rules"; continue; fi
    hash="$(sha "$(password_of "$name" "$source")")"
    if [ "$source" = local ]; then
      printf '%s on #%s %s\n' "$name" "$hash" "$rules"
    else
      printf '%s on %s %s\n' "$name" "$(hashes "$name" "$hash")" "$rules"
    fi
  done < "$1"
}
"""

# Writes this pod's configuration into /run/redis before Redis starts: the ACL users from the
# mounted Secret, and in Sentinel mode the replication and Sentinel settings. It asks the
# Sentinels which pod is the primary, and replicates from it. When no Sentinel answers
# (every pod restarted), it follows the last primary this pod saw, kept on its data volume by
# each start and by Sentinel after each failover (RECORD_PRIMARY): promoting the first pod
# blindly would make a stale copy the primary and throw away newer writes. Only a first
# start, with nothing recorded, makes the first pod the primary.
CONFIGURE = (
    r"""#!/bin/sh
set -eu
quote() { printf '"%s"' "$(printf '%s' "$1" | sed -e 's/\\/\\\\/g' -e 's/"/\\"/g')"; }
cp "$CONFIG_DIR/redis.conf" "$RUN_DIR/redis.conf"
[ "$AUTH" = "true" ] || exit 0
"""
    + ACL_FUNCTIONS
    + r"""
umask 077
mkdir -p "$LOCAL_DIR" "$STATE_DIR"
for users in "$CONFIG_DIR/redis-users" "$CONFIG_DIR/sentinel-users"; do
  if [ ! -f "$users" ]; then continue; fi
  while read -r name source rules; do
    if [ "$source" = local ] && [ ! -s "$LOCAL_DIR/$name" ]; then new_password > "$LOCAL_DIR/$name"; fi
  done < "$users"
done
printf '{"rediss://localhost:%s": "%s"}\n' "$REDIS_PORT" "$(cat "$LOCAL_DIR/$EXPORTER_USER")" > "$EXPORTER_PASSWORD_FILE"
acl_users "$CONFIG_DIR/redis-users" | sed 's/^/user /' >> "$RUN_DIR/redis.conf"
[ "$SENTINEL" = "true" ] || exit 0
replication="$(cat "$SECRETS_DIR/$REPLICATION_USER")"
sentinel="$(cat "$SECRETS_DIR/$SENTINEL_USER")"
mkdir -p "$RUN_DIR/outgoing"
sha "$replication" > "$RUN_DIR/outgoing/$REPLICATION_USER"
sha "$sentinel" > "$RUN_DIR/outgoing/$SENTINEL_USER"
printf 'masteruser %s\nmasterauth %s\n' "$REPLICATION_USER" "$(quote "$replication")" >> "$RUN_DIR/redis.conf"
self="$(hostname).$HEADLESS_DOMAIN"
primary=""
for peer in $PEERS; do
  answer="$(REDISCLI_AUTH="$sentinel" redis-cli --tls --cacert "$CA_FILE" --user "$SENTINEL_USER" \
    -h "$peer.$HEADLESS_DOMAIN" -p "$SENTINEL_PORT" sentinel get-master-addr-by-name "$MASTER_NAME" 2>/dev/null |
    head -n 1)" || true
  if [ -n "$answer" ]; then primary="$answer"; break; fi
done
if [ -z "$primary" ] && [ -s "$LAST_PRIMARY_FILE" ]; then primary="$(cat "$LAST_PRIMARY_FILE")"; fi
[ -n "$primary" ] || primary="$FIRST_POD.$HEADLESS_DOMAIN"
printf '%s\n' "$primary" > "$LAST_PRIMARY_FILE.new" && mv "$LAST_PRIMARY_FILE.new" "$LAST_PRIMARY_FILE"
printf 'replica-announce-ip %s\n' "$self" >> "$RUN_DIR/redis.conf"
[ "$primary" = "$self" ] || printf 'replicaof %s %s\n' "$primary" "$REDIS_PORT" >> "$RUN_DIR/redis.conf"
{
  printf 'port 0\ntls-port %s\ndir /tmp\n' "$SENTINEL_PORT"
  cat "$CONFIG_DIR/tls.conf"
  printf 'sentinel resolve-hostnames yes\nsentinel announce-hostnames yes\n'
  printf 'sentinel announce-ip %s\n' "$self"
  printf 'sentinel monitor %s %s %s %s\n' "$MASTER_NAME" "$primary" "$REDIS_PORT" "$QUORUM"
  printf 'sentinel down-after-milliseconds %s 5000\n' "$MASTER_NAME"
  printf 'sentinel failover-timeout %s 60000\n' "$MASTER_NAME"
  printf 'sentinel parallel-syncs %s 1\n' "$MASTER_NAME"
  printf 'sentinel client-reconfig-script %s %s/record-primary.sh\n' "$MASTER_NAME" "$CONFIG_DIR"
  printf 'sentinel auth-user %s %s\n' "$MASTER_NAME" "$SENTINEL_USER"
  printf 'sentinel auth-pass %s %s\n' "$MASTER_NAME" "$(quote "$sentinel")"
  printf 'sentinel sentinel-user %s\n' "$SENTINEL_USER"
  printf 'sentinel sentinel-pass %s\n' "$(quote "$sentinel")"
  acl_users "$CONFIG_DIR/sentinel-users" | sed 's/^/user /'
} > "$RUN_DIR/sentinel.conf"
"""
)

# Runs beside Redis (and Sentinel) for as long as the pod lives: whenever the mounted Secret
# changes (the kubelet rewrites it in place), and every RESYNC rounds in case a restarted
# container read an older file, it sets every ACL user again (ACL SETUSER keeps existing
# connections), with the previous password still valid for the grace period. Passwords
# this pod uses towards its peers (the replicas' masterauth, Sentinel's auth-pass and
# sentinel-pass) change only once every peer that answers accepts the new one, so a
# rotation never cuts replication or makes Sentinel see a healthy primary as down.
RELOAD = (
    r"""#!/bin/sh
set -u
umask 077
"""
    + ACL_FUNCTIONS
    + r"""
log() { printf '%s reload: %s\n' "$(date -u +%Y-%m-%dT%H:%M:%SZ)" "$*" >&2; }
local_cli() {
  port="$1"; shift
  REDISCLI_AUTH="$(cat "$LOCAL_DIR/$ADMIN_USER")" redis-cli --tls --cacert "$CA_FILE" --user "$ADMIN_USER" -h 127.0.0.1 \
    -p "$port" "$@"
}
set_users() {
  acl_users "$2" > "$RUN_DIR/acl.$1" || return 1
  while read -r name rules; do
    set -f
    # shellcheck disable=SC2086 # one word per rule
    reply="$(local_cli "$1" ACL SETUSER "$name" reset $rules 2>&1)"
    set +f
    if [ "$reply" != OK ]; then log "ACL SETUSER $name on port $1: $reply"; return 1; fi
  done < "$RUN_DIR/acl.$1"
}
# True when every peer that answers on each given port accepts the user's password.
accepted() {
  user="$1"; password="$2"; shift 2
  for port in "$@"; do
    for peer in $PEERS; do
      reply="$(REDISCLI_AUTH="$password" redis-cli --tls --cacert "$CA_FILE" --user "$user" -h "$peer.$HEADLESS_DOMAIN" \
        -p "$port" ping 2>/dev/null)" || true
      if [ -n "$reply" ] && [ "$reply" != PONG ]; then log "$peer:$port refuses the new $user password yet"; return 1; fi
    done
  done
}
# Prints the user's password when it is new to this pod and its peers accept it.
outgoing() {
  user="$1"; shift
  password="$(cat "$SECRETS_DIR/$user")" || return 1
  [ "$(sha "$password")" != "$(cat "$RUN_DIR/outgoing/$user" 2>/dev/null)" ] || return 1
  accepted "$user" "$password" "$@" || return 1
  printf '%s' "$password"
}
# cert-manager renews the server certificate in its Secret, which the kubelet rewrites in place;
# CONFIG SET of the TLS files makes Redis load them again (even under the same names), for new
# connections, without a restart. Sentinel cannot: its liveness probe restarts it (TLS_CURRENT).
load_certificate() {
  loaded="$(cat "$TLS_DIR/tls.crt" "$TLS_DIR/ca.crt" | sha256sum)" || return 1
  [ "$loaded" != "$(cat "$RUN_DIR/tls.loaded" 2>/dev/null)" ] || return 0
  reply="$(local_cli "$REDIS_PORT" CONFIG SET tls-cert-file "$TLS_DIR/tls.crt" tls-key-file "$TLS_DIR/tls.key" \
    tls-ca-cert-file "$TLS_DIR/ca.crt" 2>&1)"
  if [ "$reply" != OK ]; then log "loading the renewed certificate: $reply"; return 1; fi
  printf '%s\n' "$loaded" > "$RUN_DIR/tls.loaded"
}
sync_once() {
  load_certificate || return 1
  set_users "$REDIS_PORT" "$CONFIG_DIR/redis-users" || return 1
  [ "$SENTINEL" = "true" ] || return 0
  set_users "$SENTINEL_PORT" "$CONFIG_DIR/sentinel-users" || return 1
  if password="$(outgoing "$REPLICATION_USER" "$REDIS_PORT")"; then
    [ "$(local_cli "$REDIS_PORT" CONFIG SET masterauth "$password")" = OK ] || return 1
    sha "$password" > "$RUN_DIR/outgoing/$REPLICATION_USER"
    log "replicas authenticate with the new $REPLICATION_USER password"
  fi
  if password="$(outgoing "$SENTINEL_USER" "$REDIS_PORT" "$SENTINEL_PORT")"; then
    [ "$(local_cli "$SENTINEL_PORT" SENTINEL SET "$MASTER_NAME" auth-pass "$password")" = OK ] || return 1
    [ "$(local_cli "$SENTINEL_PORT" SENTINEL CONFIG SET sentinel-pass "$password")" = OK ] || return 1
    sha "$password" > "$RUN_DIR/outgoing/$SENTINEL_USER"
    log "Sentinel authenticates with the new $SENTINEL_USER password"
  fi
}
fingerprint() { cat "$SECRETS_DIR"/* "$TLS_DIR/tls.crt" 2>/dev/null | sha256sum; }
if [ "${1:-}" = once ]; then sync_once; exit; fi
applied=""
rounds=0
while :; do
  now="$(fingerprint)"
  if [ "$now" != "$applied" ] || [ "$rounds" -ge "$RESYNC" ]; then
    if sync_once; then applied="$now"; rounds=0; touch "$RUN_DIR/reload.synced"; fi
  fi
  touch "$RUN_DIR/reload.alive"
  rounds=$((rounds + 1))
  sleep "$RELOAD_SECONDS"
done
"""
)

# The reloader's probes: alive while its loop turns (reload.alive), ready while its last
# successful round is recent (reload.synced, at least every RESYNC rounds): a reloader that
# cannot apply the Secret makes the pod unready, where it shows.
RELOAD_PROBE = r"""#!/bin/sh
[ -n "$(find "$RUN_DIR/$1" -mmin "-$2" 2>/dev/null)" ]
"""

# Sentinel (and Redis where no reloader runs) cannot load a renewed certificate in place: each
# records at start which certificate it loaded (STARTED), and its liveness probe fails once the
# mounted one differs, so that the kubelet restarts that container alone, or when it stops
# answering at all (any reply will do: NOAUTH is alive).
STARTED = r"""sha256sum < "$TLS_DIR/tls.crt" > "$RUN_DIR/$0.tls" && exec redis-server "$@"
"""
TLS_CURRENT = r"""#!/bin/sh
[ "$(sha256sum < "$TLS_DIR/tls.crt")" = "$(cat "$RUN_DIR/$1.tls")" ] || { echo "certificate renewed: restarting"; exit 1; }
[ -n "$(redis-cli --tls --cacert "$CA_FILE" -h 127.0.0.1 -p "$2" ping 2>/dev/null)" ]
"""

# Sentinel runs this after each failover with: <master> <role> <state> <from-host> <from-port>
# <to-host> <to-port>; the new primary is remembered for a full restart (a file: no connection).
RECORD_PRIMARY = r"""#!/bin/sh
set -eu
printf '%s\n' "$6" > "$LAST_PRIMARY_FILE.new" && mv "$LAST_PRIMARY_FILE.new" "$LAST_PRIMARY_FILE"
"""

# Exits 0 only when the server (or Sentinel) on PORT answers PONG over TLS, as the pod-local
# admin where Redis has users. redis-cli verifies the certificate's chain, not its names.
PING = r"""#!/bin/sh
set -eu
if [ -f "$LOCAL_DIR/$ADMIN_USER" ]; then
  REDISCLI_AUTH="$(cat "$LOCAL_DIR/$ADMIN_USER")"
  export REDISCLI_AUTH
  set -- "$1" --user "$ADMIN_USER"
fi
port="$1"; shift
[ "$(redis-cli --tls --cacert "$CA_FILE" -h 127.0.0.1 -p "$port" "$@" ping)" = "PONG" ]
"""


@dataclass(frozen=True)
class RedisProps:
    image: ImageRef
    exporter_image: ImageRef
    # Logical databases the services use (the catalog assigns each purpose its own).
    databases: tuple[int, ...]
    # The services that use Redis: each gets an ACL user of its name, limited to its own keys.
    clients: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        require(all(0 <= db <= 15 for db in self.databases), "redis: databases", "must be 0-15")
        for client in self.clients:
            require(
                client not in RESERVED_USERS,
                f"redis: clients: {client}",
                f"is the name of one of Redis' own users ({', '.join(RESERVED_USERS)})",
            )


def grace_seconds(env: Environment) -> int:
    """How long a replaced password stays valid: two refreshes of the secret store (the
    service's Secret and Redis' refresh independently) and five minutes for the kubelet."""
    refresh = env.secrets.refresh_interval
    seconds = sum(int(amount) * {"s": 1, "m": 60, "h": 3600}[unit] for amount, unit in re.findall(r"(\d+)([smh])", refresh or ""))
    return 2 * seconds + 300


@dataclass(frozen=True)
class _Mounts:
    """Where a Redis pod's containers find what they share."""

    run: k8s.VolumeMount
    config: k8s.VolumeMount
    data: k8s.VolumeMount
    key_pair: k8s.VolumeMount
    ca: k8s.VolumeMount
    credentials: list[k8s.VolumeMount]


class Redis(Part):
    def __init__(self, scope: Construct, id: str, env: Environment, props: RedisProps) -> None:
        super().__init__(scope, id, env)
        self.props = props
        cache = env.cache
        self.sentinel = _uses_sentinel(env)
        self.auth = cache.requires_auth
        self.namespace = env.namespace
        self.labels = labels(env, REDIS, "cache", props.image.tag)
        self.selector = selector(env, REDIS)
        self._certificate()
        data = {
            "redis.conf": self._server_config(),
            "tls.conf": tls_config(),
            "configure.sh": CONFIGURE,
            "ping.sh": PING,
            "tls-current.sh": TLS_CURRENT,
            "record-primary.sh": RECORD_PRIMARY,
        }
        if self.auth:
            data |= {"reload.sh": RELOAD, "reload-probe.sh": RELOAD_PROBE, "redis-users": _users_file(self.redis_users())}
        if self.sentinel:
            data["sentinel-users"] = _users_file(self.sentinel_users())
        k8s.KubeConfigMap(self, "config", metadata=self.meta("redis-config", self.labels, self.namespace), data=data)
        self.service_account(REDIS, self.labels, self.namespace)
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

    def redis_users(self) -> tuple[tuple[str, str, str], ...]:
        """(name, password source, rules) of every ACL user of the Redis servers."""
        lookup = f" {SENTINEL_CLIENT_COMMANDS}" if self.sentinel else ""
        users = [("default", "none", DEFAULT_USER_RULES)]
        users += [
            (client, "shared", f"resetkeys ~{redis_key_prefix(client)}* resetchannels {SERVICE_COMMANDS}{lookup}")
            for client in self.props.clients
        ]
        if self.sentinel:
            users += [
                (REDIS_REPLICATION_USER, "shared", f"resetkeys resetchannels {REPLICATION_COMMANDS}"),
                # Sentinel announces itself to the other Sentinels on the servers' channels.
                (REDIS_SENTINEL_USER, "shared", f"resetkeys allchannels {SENTINEL_COMMANDS}"),
            ]
        users += [
            (EXPORTER_USER, "local", f"resetkeys resetchannels {EXPORTER_COMMANDS}"),
            (ADMIN_USER, "local", f"resetkeys resetchannels {ADMIN_COMMANDS}"),
        ]
        return tuple(users)

    def sentinel_users(self) -> tuple[tuple[str, str, str], ...]:
        """(name, password source, rules) of every ACL user of the Sentinels: the Sentinels
        themselves, and the services with the same user and password as on Redis."""
        return (
            ("default", "none", DEFAULT_USER_RULES),
            (REDIS_SENTINEL_USER, "shared", "allchannels +@all"),
            *((client, "shared", f"resetchannels {SENTINEL_LOOKUP_COMMANDS}") for client in self.props.clients),
            (ADMIN_USER, "local", f"resetchannels {SENTINEL_ADMIN_COMMANDS}"),
        )

    def dns_names(self) -> tuple[str, ...]:
        """What the certificate must name: every Service a client dials, each pod by its headless
        name (Sentinel hands those out, replicas and Sentinels dial them), and localhost, which
        the exporter dials and checks."""
        front = REDIS_SENTINEL if self.sentinel else REDIS
        pods = [f"{REDIS}-{index}.{HEADLESS}.{self.namespace}.svc" for index in range(self.env.cache.replicas)]
        return (
            *service_dns_names(front, self.namespace),
            *service_dns_names(HEADLESS, self.namespace),
            *pods,
            *(f"{name}.cluster.local" for name in pods),
            "localhost",
        )

    def _certificate(self) -> None:
        certificate(self, self.env, "tls", TLS_CERTIFICATE, self.namespace, dns_names=self.dns_names())

    def _server_config(self) -> str:
        cache = self.env.cache
        max_memory = int(parse_quantity(cache.max_memory, "cache.max_memory", "memory"))
        persistent = cache.storage is not None
        lines = [
            # TLS only: no plain listener.
            "port 0",
            f"tls-port {REDIS_PORT}",
            *tls_config().splitlines(),
            "bind * -::*",
            # Without a password (dev only) Redis must still accept other pods' connections;
            # network policies are what limit who may connect.
            f"protected-mode {'yes' if self.auth else 'no'}",
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
        ports.append(k8s.ServicePort(name="metrics", port=REDIS_EXPORTER_PORT, target_port=int_or_string("metrics")))
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

    def _started(self, name: str, *arguments: str) -> list[str]:
        """redis-server with `arguments`, recording the certificate it loads where a liveness
        probe restarts it on renewal (no reloader loads it in place)."""
        if name == "redis" and self.auth:
            return ["redis-server", *arguments]
        return ["sh", "-c", STARTED, name, *arguments]

    def _script_env(self) -> list[k8s.EnvVar]:
        """What configure.sh and reload.sh read."""
        env = self.env
        replicas = env.cache.replicas
        values = {
            "AUTH": "true" if self.auth else "false",
            "SENTINEL": "true" if self.sentinel else "false",
            "CONFIG_DIR": CONFIG_DIR,
            "RUN_DIR": RUN_DIR,
            "SECRETS_DIR": SECRETS_DIR,
            "LOCAL_DIR": LOCAL_DIR,
            "STATE_DIR": STATE_DIR,
            "EXPORTER_PASSWORD_FILE": EXPORTER_PASSWORD_FILE,
            "EXPORTER_USER": EXPORTER_USER,
            "ADMIN_USER": ADMIN_USER,
            "REPLICATION_USER": REDIS_REPLICATION_USER,
            "SENTINEL_USER": REDIS_SENTINEL_USER,
            "GRACE_SECONDS": str(grace_seconds(env)),
            "RELOAD_SECONDS": str(RELOAD_SECONDS),
            # Every five minutes, even without a change.
            "RESYNC": str(300 // RELOAD_SECONDS),
            "HEADLESS_DOMAIN": f"{HEADLESS}.{self.namespace}.svc",
            "PEERS": " ".join(f"{REDIS}-{index}" for index in range(replicas)),
            "FIRST_POD": f"{REDIS}-0",
            "MASTER_NAME": REDIS_SENTINEL_MASTER,
            "QUORUM": str(replicas // 2 + 1),
            "REDIS_PORT": str(REDIS_PORT),
            "SENTINEL_PORT": str(REDIS_SENTINEL_PORT),
            "LAST_PRIMARY_FILE": LAST_PRIMARY_FILE,
            "CA_FILE": CA_FILE,
            "TLS_DIR": TLS_DIR,
        }
        return [k8s.EnvVar(name=name, value=value) for name, value in values.items()]

    def _statefulset(self) -> None:
        env, cache = self.env, self.env.cache
        mounts = self._mounts()
        claims = None if cache.storage is None else [claim_template("data", cache.storage, self.labels)]
        configure_mounts = [mounts.run, mounts.config, *mounts.credentials, mounts.data, mounts.ca]
        if self.auth:
            configure_mounts.append(k8s.VolumeMount(name="exporter-auth", mount_path=EXPORTER_DIR))
        k8s.KubeStatefulSet(
            self,
            "statefulset",
            metadata=self.meta(REDIS, self.labels, self.namespace),
            spec=k8s.StatefulSetSpec(
                service_name=HEADLESS,
                replicas=cache.replicas,
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
                        affinity=typed(k8s.Affinity, anti_affinity(self.selector)) if env.spread_across_zones else None,
                        init_containers=[self._script_container("configure", "configure.sh", configure_mounts)],
                        containers=self._containers(mounts),
                        volumes=self._volumes(),
                    ),
                ),
                volume_claim_templates=claims,
            ),
        )

    def _mounts(self) -> _Mounts:
        # Only the scripts that write the users read the Secret; Redis and Sentinel get hashes.
        credentials = [k8s.VolumeMount(name="credentials", mount_path=SECRETS_DIR, read_only=True)] if self.auth else []
        return _Mounts(
            run=k8s.VolumeMount(name="run", mount_path=RUN_DIR),
            config=k8s.VolumeMount(name="config", mount_path=CONFIG_DIR, read_only=True),
            data=k8s.VolumeMount(name="data", mount_path="/data"),
            key_pair=k8s.VolumeMount(name="tls", mount_path=TLS_DIR, read_only=True),
            ca=k8s.VolumeMount(name="internal-ca", mount_path=CA_MOUNT, read_only=True),
            credentials=credentials,
        )

    def _containers(self, mounts: _Mounts) -> list[k8s.Container]:
        props = self.props
        run, config, data, key_pair, ca = mounts.run, mounts.config, mounts.data, mounts.key_pair, mounts.ca
        # The probes authenticate as the pod-local admin.
        probe_env = [
            k8s.EnvVar(name="LOCAL_DIR", value=LOCAL_DIR),
            k8s.EnvVar(name="ADMIN_USER", value=ADMIN_USER),
            k8s.EnvVar(name="CA_FILE", value=CA_FILE),
            k8s.EnvVar(name="TLS_DIR", value=TLS_DIR),
            k8s.EnvVar(name="RUN_DIR", value=RUN_DIR),
        ]
        containers = [
            k8s.Container(
                name="redis",
                image=str(props.image),
                image_pull_policy="IfNotPresent",
                command=self._started("redis", f"{RUN_DIR}/redis.conf"),
                env=probe_env,
                ports=[k8s.ContainerPort(name="redis", container_port=REDIS_PORT, protocol="TCP")],
                resources=resources(self.env.cache.resources),
                readiness_probe=_ping_probe(REDIS_PORT),
                liveness_probe=tcp_probe("redis", period=10) if self.auth else _tls_liveness("redis", REDIS_PORT),
                security_context=container_security_context(),
                volume_mounts=[run, config, data, key_pair, ca],
            )
        ]
        if self.sentinel:
            containers.append(
                k8s.Container(
                    name="sentinel",
                    image=str(props.image),
                    image_pull_policy="IfNotPresent",
                    # Sentinel rewrites its own file, so it lives in the writable /run/redis.
                    command=self._started("sentinel", f"{RUN_DIR}/sentinel.conf", "--sentinel"),
                    env=[*probe_env, k8s.EnvVar(name="LAST_PRIMARY_FILE", value=LAST_PRIMARY_FILE)],
                    ports=[k8s.ContainerPort(name="sentinel", container_port=REDIS_SENTINEL_PORT, protocol="TCP")],
                    resources=resources(SIDECAR),
                    readiness_probe=_ping_probe(REDIS_SENTINEL_PORT),
                    liveness_probe=_tls_liveness("sentinel", REDIS_SENTINEL_PORT),
                    security_context=container_security_context(),
                    volume_mounts=[run, config, k8s.VolumeMount(name="tmp", mount_path="/tmp"), data, key_pair, ca],
                )
            )
        if self.auth:
            # The key pair too: the reloader sees a renewed certificate and has Redis load it.
            containers.append(
                self._script_container(
                    "reload",
                    "reload.sh",
                    [run, config, *mounts.credentials, data, key_pair, ca],
                    liveness_probe=exec_probe(["sh", f"{CONFIG_DIR}/reload-probe.sh", "reload.alive", "2"], period=30),
                    readiness_probe=exec_probe(["sh", f"{CONFIG_DIR}/reload-probe.sh", "reload.synced", "10"], period=10),
                )
            )
        containers.append(self._exporter(ca))
        return containers

    def _script_container(
        self,
        name: str,
        script: str,
        mounts: list[k8s.VolumeMount],
        liveness_probe: k8s.Probe | None = None,
        readiness_probe: k8s.Probe | None = None,
    ) -> k8s.Container:
        """One of our scripts (the ConfigMap's), run by the Redis image's shell and redis-cli."""
        return k8s.Container(
            name=name,
            image=str(self.props.image),
            image_pull_policy="IfNotPresent",
            command=["sh", f"{CONFIG_DIR}/{script}"],
            env=self._script_env(),
            resources=resources(SIDECAR),
            liveness_probe=liveness_probe,
            readiness_probe=readiness_probe,
            security_context=container_security_context(),
            volume_mounts=mounts,
        )

    def _exporter(self, ca: k8s.VolumeMount) -> k8s.Container:
        # rediss: TLS, the certificate checked against the CA and the name localhost. Its own
        # /metrics stays plain HTTP, as every exporter Prometheus scrapes here.
        args = [
            f"--redis.addr=rediss://localhost:{REDIS_PORT}",
            f"--tls-ca-cert-file={CA_FILE}",
            f"--web.listen-address=:{REDIS_EXPORTER_PORT}",
        ]
        mounts = [ca]
        if self.auth:
            args += [f"--redis.user={EXPORTER_USER}", f"--redis.password-file={EXPORTER_PASSWORD_FILE}"]
            mounts.insert(0, k8s.VolumeMount(name="exporter-auth", mount_path=EXPORTER_DIR, read_only=True))
        return k8s.Container(
            name="exporter",
            image=str(self.props.exporter_image),
            image_pull_policy="IfNotPresent",
            args=args,
            ports=[k8s.ContainerPort(name="metrics", container_port=REDIS_EXPORTER_PORT, protocol="TCP")],
            resources=resources(SIDECAR),
            readiness_probe=http_probe("/", "metrics", period=10),
            liveness_probe=http_probe("/", "metrics", period=20),
            security_context=container_security_context(),
            volume_mounts=mounts,
        )

    def _volumes(self) -> list[k8s.Volume]:
        cache = self.env.cache
        # Passwords, hashes and the Sentinel's view of the cluster live in memory only.
        volumes = [
            empty_dir("run", "1Mi", in_memory=True),
            empty_dir("tmp", "16Mi"),
            config_map_volume("config", "redis-config", executable=True),
            secret_volume("tls", TLS_CERTIFICATE),
            # The CA certificate only, for the containers that dial Redis but serve nothing.
            secret_volume("internal-ca", TLS_CERTIFICATE, [CA_KEY]),
        ]
        if self.auth:
            volumes += [secret_volume("credentials", REDIS_SECRET), empty_dir("exporter-auth", "1Mi", in_memory=True)]
        if cache.storage is None:
            volumes.append(empty_dir("data", cache.max_memory))
        return volumes


def tls_config() -> str:
    """The TLS settings Redis and Sentinel share (each adds its own `port 0` and `tls-port`)."""
    return (
        "\n".join(
            [
                f"tls-cert-file {TLS_DIR}/tls.crt",
                f"tls-key-file {TLS_DIR}/tls.key",
                f"tls-ca-cert-file {TLS_DIR}/{CA_KEY}",
                'tls-protocols "TLSv1.2 TLSv1.3"',
                # Clients prove who they are with their ACL user's password, as before TLS: client
                # certificates would need one per service and pod, from a CA the services cannot
                # ask; the server's certificate is what TLS adds.
                "tls-auth-clients no",
                # Replicas to their primary, and Sentinel to the servers and to other Sentinels.
                "tls-replication yes",
            ]
        )
        + "\n"
    )


def _tls_liveness(name: str, port: int) -> k8s.Probe:
    return exec_probe(["sh", f"{CONFIG_DIR}/tls-current.sh", name, str(port)], period=10)


def _users_file(users: tuple[tuple[str, str, str], ...]) -> str:
    return "".join(f"{name} {source} {rules}\n" for name, source, rules in users)


def _ping_probe(port: int) -> k8s.Probe:
    return exec_probe(["sh", "/config/ping.sh", str(port)], period=5, timeout=3)


def redis_footprint(env: Environment) -> Footprint:
    """Redis' pods: the server and its exporter, plus a sentinel in each pod in cluster mode
    and the password reloader where Redis has users."""
    cache = env.cache
    sidecars = (SIDECAR,) * (_uses_sentinel(env) + cache.requires_auth)
    storage = parse_quantity(cache.storage, "cache.storage", "memory") if cache.storage else Decimal(0)
    claims = cache.replicas if cache.storage else 0
    return Footprint(cache.replicas, (cache.resources, SIDECAR, *sidecars), storage * cache.replicas, claims)


def _uses_sentinel(env: Environment) -> bool:
    return env.cache.mode is CacheMode.CLUSTER
