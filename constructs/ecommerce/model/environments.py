"""The three environments as typed, validated data.

Every difference between dev, staging and prod lives here; constructs read these fields
and never branch on an environment's name. README's "Environments" table sums them up.
"""

from __future__ import annotations

import enum
import ipaddress
import re
from dataclasses import dataclass, field, fields, is_dataclass
from typing import Any

from ecommerce.errors import ConfigError, require
from ecommerce.model.project import ARGOCD_NAMESPACE
from ecommerce.model.units import cron_schedule_error, parse_quantity

SOURCE = "constructs/ecommerce/model/environments.py"

DNS_LABEL = re.compile(r"^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$")
DNS_NAME = re.compile(r"^(?=.{1,253}$)([a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$")
EMAIL = re.compile(r"^[^@\s]+@([a-z0-9]([-a-z0-9]*[a-z0-9])?\.)+[a-z]{2,63}$")
DURATION = re.compile(r"^([0-9]+(s|m|h))+$")
# What GitHub accepts as an environment name, and what a workflow's `environment:` can name unquoted.
GITHUB_ENVIRONMENT = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,254}$")
# A GnuPG key ID (16 hex digits) or fingerprint (40), in capitals: Argo CD compares it as a string
# with the key ID git prints for a signature (util/sourceintegrity, gpgProblemMessage).
GPG_KEY = re.compile(r"^([0-9A-F]{16}|[0-9A-F]{40})$")
# Hours, which `argocd proj role create-token --expires-in` accepts.
HOURS = re.compile(r"^[1-9][0-9]*h$")
# A project token is a bearer credential kept in GitHub: it must expire on its own.
MAX_TOKEN_HOURS = 720
LOG_LEVELS = ("debug", "info", "notice", "warning", "error", "critical", "alert", "emergency")


class DatabaseMode(enum.StrEnum):
    STANDALONE = "standalone"
    PRIMARY_REPLICA = "primary-replica"
    INNODB_CLUSTER = "innodb-cluster"


class CacheMode(enum.StrEnum):
    SIMPLE = "simple"
    AUTH = "auth"
    # Replication with Sentinel: one primary, replicas, a Sentinel beside each data pod.
    CLUSTER = "cluster"


class MonitoringLevel(enum.StrEnum):
    BASIC = "basic"
    DASHBOARDS = "dashboards"
    ALERTING = "alerting"


class SecretsMode(enum.StrEnum):
    DEV_INLINE = "dev-inline"
    EXTERNAL = "external"
    EXTERNAL_ROTATION = "external-rotation"


class SecretStoreKind(enum.StrEnum):
    VAULT = "vault"
    AWS_SECRETS_MANAGER = "aws-secrets-manager"


class TlsMode(enum.StrEnum):
    OFF = "off"
    LETSENCRYPT_STAGING = "letsencrypt-staging"
    LETSENCRYPT_PRODUCTION = "letsencrypt-production"


class LoadBalancer(enum.StrEnum):
    """How client traffic reaches Traefik, which decides how Traefik learns client addresses
    (the admin IP allow-lists and per-client rate limits depend on them)."""

    # A layer-4 balancer that forwards packets unchanged (GKE, AKS, MetalLB): with
    # externalTrafficPolicy Local, Traefik sees each client's own address.
    PASSTHROUGH = "passthrough"
    # An AWS Network Load Balancer made by the AWS Load Balancer Controller, which sends the
    # client's address in a proxy-protocol v2 header that Traefik reads.
    AWS_NLB = "aws-nlb"


class GpgMode(enum.StrEnum):
    """How much of the history Argo CD checks for signatures (AppProject sourceIntegrity.git gpg.mode)."""

    # The commit (or annotated tag) being synced: what `signatureKeys` did before Argo CD 3.5.
    HEAD = "head"
    # That commit and every ancestor, back to the latest seal commit.
    STRICT = "strict"


def _check_enum(value: object, enum_type: type[enum.Enum], where: str) -> None:
    if not isinstance(value, enum_type):
        allowed = ", ".join(repr(member.value) for member in enum_type)
        raise ConfigError(where, f"unknown {enum_type.__name__} {value!r} (allowed: {allowed})")


def _check_int(value: object, where: str, low: int, high: int) -> None:
    ok = isinstance(value, int) and not isinstance(value, bool) and low <= value <= high
    require(ok, where, f"must be a whole number from {low} to {high} (got {value!r})")


def _check_network(value: object, where: str) -> None:
    # A NetworkPolicy's ipBlock.cidr needs the prefix length; host bits set are a slip.
    try:
        if not isinstance(value, str) or "/" not in value:
            raise ValueError("a CIDR block has a prefix length")
        ipaddress.ip_network(value)
    except ValueError as error:
        raise ConfigError(where, f"not a valid CIDR block (e.g. 10.0.0.0/16): {value!r} ({error})") from None


def _check_schedule(value: object, where: str) -> None:
    """A schedule that a Kubernetes CronJob takes (the MySQL Operator makes one of each)."""
    error = cron_schedule_error(value) if isinstance(value, str) else "not a string"
    require(error is None, where, f"not a valid cron schedule: {value!r} ({error})")


def _check_pattern(value: object, pattern: re.Pattern[str], where: str, what: str) -> None:
    ok = isinstance(value, str) and pattern.match(value) is not None
    require(ok, where, f"not a valid {what}: {value!r}")


def duration_seconds(duration: str) -> int:
    """A DURATION such as '1h30m' in seconds."""
    unit = {"s": 1, "m": 60, "h": 3600}
    return sum(int(number) * unit[suffix] for number, suffix in re.findall(r"([0-9]+)(s|m|h)", duration))


@dataclass(frozen=True)
class Resources:
    """Requests are the lower bound of the user's range, limits the upper bound."""

    cpu_request: str
    cpu_limit: str
    memory_request: str
    memory_limit: str

    def check(self, where: str) -> None:
        for kind, request_name, limit_name in (
            ("cpu", "cpu_request", "cpu_limit"),
            ("memory", "memory_request", "memory_limit"),
        ):
            request = getattr(self, request_name)
            limit = getattr(self, limit_name)
            low = parse_quantity(request, f"{where}.{request_name}", kind)
            high = parse_quantity(limit, f"{where}.{limit_name}", kind)
            require(
                low <= high,
                f"{where}.{request_name}",
                f"request {request} is above the limit {limit_name}={limit}",
            )


@dataclass(frozen=True)
class RateLimit:
    """Requests per second a client address may make on average, and in one burst (Traefik's
    rate limit, per source address)."""

    average: int
    burst: int

    def check(self, where: str) -> None:
        for name in ("average", "burst"):
            value = getattr(self, name)
            require(
                isinstance(value, int) and not isinstance(value, bool) and 1 <= value <= 100_000,
                f"{where}.{name}",
                f"must be a whole number of requests from 1 to 100000 (got {value!r})",
            )
        require(self.burst >= self.average, f"{where}.burst", f"must be at least the average ({self.average})")


@dataclass(frozen=True)
class Autoscaling:
    min_replicas: int
    max_replicas: int
    cpu_utilization: int
    memory_utilization: int

    def check(self, where: str) -> None:
        _check_int(self.min_replicas, f"{where}.min_replicas", 1, 1000)
        _check_int(self.max_replicas, f"{where}.max_replicas", 1, 1000)
        require(
            self.min_replicas <= self.max_replicas,
            f"{where}.min_replicas",
            f"{self.min_replicas} is above max_replicas {self.max_replicas}",
        )
        _check_int(self.cpu_utilization, f"{where}.cpu_utilization", 10, 100)
        _check_int(self.memory_utilization, f"{where}.memory_utilization", 10, 100)


@dataclass(frozen=True)
class BackupBucket:
    """The S3 bucket the dumps go to, off the cluster: what it is and the properties it must be
    created with (README, "MySQL backups"; the bucket is made outside this repository, so that
    nothing that deletes the cluster or its namespaces can delete it)."""

    name: str
    region: str
    # Each dump is the folder <prefix>/<backup name>/ of MySQL Shell's dump format.
    prefix: str
    # Default encryption (SSE-KMS) with this key, bucket keys on; the key's policy lets the
    # backup writer encrypt and the restore readers decrypt, and nobody else.
    kms_key: str
    # Object Lock on, in compliance mode: for this many days after it finished, no version of
    # a dump can be deleted or overwritten, by anyone, the account's root included (the
    # retention CronJob locks each dump: see backups.py for why not a default retention).
    lock_days: int
    # Versioning is on: a deleted dump stays recoverable (as noncurrent versions) this many
    # days after its deletion, and as long as its lock holds; then the lifecycle removes it.
    noncurrent_days: int
    # Where the object store answers, as the backup pods see it: the only addresses they may
    # reach, on 443 (prod: the S3 interface endpoint in the cluster's VPC, with private DNS).
    network: tuple[str, ...]
    # An https:// URL for an S3-compatible store (MySQL Shell's s3EndpointOverride); None
    # for AWS S3's regional endpoint.
    endpoint: str | None = None

    def check(self, where: str) -> None:
        _check_pattern(self.name, re.compile(r"^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$"), f"{where}.name", "S3 bucket name")
        _check_pattern(self.region, re.compile(r"^[a-z]{2}(-[a-z]+)+-\d$"), f"{where}.region", "AWS region")
        _check_pattern(
            self.prefix, re.compile(r"^[a-z0-9][a-z0-9/_-]*[a-z0-9]$"), f"{where}.prefix", "key prefix (no / at either end)"
        )
        _check_pattern(
            self.kms_key,
            re.compile(r"^arn:aws[a-z-]*:kms:[a-z0-9-]+:\d{12}:(key|alias)/[A-Za-z0-9/_-]+$"),
            f"{where}.kms_key",
            "KMS key or alias ARN",
        )
        _check_int(self.lock_days, f"{where}.lock_days", 1, 3650)
        _check_int(self.noncurrent_days, f"{where}.noncurrent_days", 1, 3650)
        require(
            isinstance(self.network, tuple) and len(self.network) > 0,
            f"{where}.network",
            "must name where the object store answers (CIDR blocks)",
        )
        for index, cidr in enumerate(self.network):
            _check_network(cidr, f"{where}.network[{index}]")
        if self.endpoint is not None:
            require(
                isinstance(self.endpoint, str) and re.match(r"^https://[a-z0-9.-]+(:\d+)?$", self.endpoint) is not None,
                f"{where}.endpoint",
                f"must be an https:// URL without a path, or None for AWS S3 (got {self.endpoint!r})",
            )


@dataclass(frozen=True)
class Backup:
    """Daily dumps to an object store off the cluster, pruned so that the newest `keep_last`
    complete dumps are never deleted, however old they are."""

    schedule: str
    # A dump is deleted once it is older than this and not among the newest `keep_last`.
    retention_days: int
    keep_last: int
    bucket: BackupBucket
    # Alert when the newest successful dump is older than this.
    max_age_hours: int = 36

    def check(self, where: str) -> None:
        _check_schedule(self.schedule, f"{where}.schedule")
        _check_int(self.retention_days, f"{where}.retention_days", 1, 3650)
        _check_int(self.keep_last, f"{where}.keep_last", 1, 1000)
        _check_int(self.max_age_hours, f"{where}.max_age_hours", 1, 24 * 365)
        self.bucket.check(f"{where}.bucket")


@dataclass(frozen=True)
class Database:
    mode: DatabaseMode
    instances: int
    routers: int
    storage: str
    resources: Resources
    # The server refuses unencrypted connections and its clients verify its certificate, issued by
    # the internal CA, against the host they dial (VERIFY_IDENTITY).
    require_tls: bool
    backup: Backup | None = None
    # How long a rotated MySQL password's predecessor stays valid (dual passwords): long
    # enough for every service to read the new value (the secret store's refresh, then the
    # kubelet's update of the mounted file).
    old_password_grace: str = "2h"
    # Each MySQL Router of the operator's cluster: it only relays connections.
    router_resources: Resources = Resources(cpu_request="100m", cpu_limit="500m", memory_request="128Mi", memory_limit="256Mi")

    def check(self, where: str) -> None:
        _check_enum(self.mode, DatabaseMode, f"{where}.mode")
        self.router_resources.check(f"{where}.router_resources")
        _check_pattern(self.old_password_grace, DURATION, f"{where}.old_password_grace", "duration such as '1h'")
        _check_int(self.instances, f"{where}.instances", 1, 9)
        _check_int(self.routers, f"{where}.routers", 0, 9)
        parse_quantity(self.storage, f"{where}.storage", "memory")
        self.resources.check(f"{where}.resources")
        if self.mode is DatabaseMode.STANDALONE:
            require(self.instances == 1, f"{where}.instances", f"standalone MySQL has 1 instance (got {self.instances})")
            require(self.routers == 0, f"{where}.routers", f"standalone MySQL has no router (got {self.routers})")
            require(
                self.backup is None,
                f"{where}.backup",
                "automated backups need the MySQL Operator (mode primary-replica or innodb-cluster)",
            )
        else:
            require(self.routers >= 1, f"{where}.routers", f"{self.mode} needs at least 1 MySQL Router (got {self.routers})")
        if self.mode is DatabaseMode.PRIMARY_REPLICA:
            require(self.instances == 2, f"{where}.instances", f"primary-replica has 2 instances (got {self.instances})")
        if self.mode is DatabaseMode.INNODB_CLUSTER:
            require(
                self.instances >= 3 and self.instances % 2 == 1,
                f"{where}.instances",
                f"an HA InnoDB cluster needs an odd number of at least 3 instances (got {self.instances})",
            )
        if self.backup is not None:
            self.backup.check(f"{where}.backup")

    @property
    def operator_managed(self) -> bool:
        return self.mode is not DatabaseMode.STANDALONE


@dataclass(frozen=True)
class Cache:
    mode: CacheMode
    replicas: int
    max_memory: str
    resources: Resources
    storage: str | None = None

    def check(self, where: str) -> None:
        _check_enum(self.mode, CacheMode, f"{where}.mode")
        _check_int(self.replicas, f"{where}.replicas", 1, 9)
        parse_quantity(self.max_memory, f"{where}.max_memory", "memory")
        self.resources.check(f"{where}.resources")
        if self.storage is not None:
            parse_quantity(self.storage, f"{where}.storage", "memory")
        if self.mode is CacheMode.CLUSTER:
            require(self.replicas >= 3, f"{where}.replicas", f"Sentinel needs at least 3 Redis pods (got {self.replicas})")
            require(self.storage is not None, f"{where}.storage", "replicated Redis must persist its data")
        else:
            require(self.replicas == 1, f"{where}.replicas", f"{self.mode} Redis is a single pod (got {self.replicas})")

    @property
    def requires_auth(self) -> bool:
        return self.mode is not CacheMode.SIMPLE


@dataclass(frozen=True)
class Messaging:
    replicas: int
    quorum_queues: bool
    storage: str
    resources: Resources

    def check(self, where: str) -> None:
        _check_int(self.replicas, f"{where}.replicas", 1, 9)
        require(
            self.replicas % 2 == 1, f"{where}.replicas", f"a RabbitMQ cluster needs an odd number of nodes (got {self.replicas})"
        )
        require(
            not self.quorum_queues or self.replicas >= 3,
            f"{where}.quorum_queues",
            f"quorum queues need at least 3 nodes (got {self.replicas})",
        )
        parse_quantity(self.storage, f"{where}.storage", "memory")
        self.resources.check(f"{where}.resources")


@dataclass(frozen=True)
class AlertRouting:
    """Where alerts go: critical ones to Slack and e-mail, warnings to e-mail, all to a webhook.

    The Slack and webhook URLs and the SMTP password come from the secret store.
    """

    email_to: str
    email_from: str
    smtp_smarthost: str
    slack_channel: str

    def check(self, where: str) -> None:
        _check_pattern(self.email_to, EMAIL, f"{where}.email_to", "e-mail address")
        _check_pattern(self.email_from, EMAIL, f"{where}.email_from", "e-mail address")
        _check_pattern(self.smtp_smarthost, re.compile(r"^[a-z0-9.-]+:\d+$"), f"{where}.smtp_smarthost", "host:port")
        _check_pattern(
            self.slack_channel, re.compile(r"^#[a-z0-9_-]+$"), f"{where}.slack_channel", "Slack channel such as '#alerts'"
        )


@dataclass(frozen=True)
class Monitoring:
    level: MonitoringLevel
    retention: str
    scrape_interval: str
    alert_routing: AlertRouting | None = None
    # Each Prometheus replica: its CPU and memory (requested; memory is also its limit), and
    # the volume that holds `retention` worth of samples.
    prometheus_cpu: str = "500m"
    prometheus_memory: str = "2Gi"
    prometheus_storage: str = "50Gi"

    def check(self, where: str) -> None:
        _check_enum(self.level, MonitoringLevel, f"{where}.level")
        parse_quantity(self.prometheus_cpu, f"{where}.prometheus_cpu", "cpu")
        parse_quantity(self.prometheus_memory, f"{where}.prometheus_memory", "memory")
        parse_quantity(self.prometheus_storage, f"{where}.prometheus_storage", "memory")
        if self.level is MonitoringLevel.ALERTING:
            require(self.alert_routing is not None, f"{where}.alert_routing", "alerting needs somewhere to send alerts")
            assert self.alert_routing is not None
            self.alert_routing.check(f"{where}.alert_routing")
        else:
            require(self.alert_routing is None, f"{where}.alert_routing", f"monitoring level {self.level} sends no alerts")
        require(
            isinstance(self.retention, str) and re.match(r"^[0-9]+d$", self.retention) is not None,
            f"{where}.retention",
            f"must be a number of days such as '30d' (got {self.retention!r})",
        )
        _check_pattern(self.scrape_interval, DURATION, f"{where}.scrape_interval", "duration such as '30s'")

    @property
    def dashboards(self) -> bool:
        return self.level in (MonitoringLevel.DASHBOARDS, MonitoringLevel.ALERTING)

    @property
    def alerting(self) -> bool:
        return self.level is MonitoringLevel.ALERTING


@dataclass(frozen=True)
class SecretStore:
    """Where External Secrets reads values: a Vault KV v2 mount or AWS Secrets Manager."""

    kind: SecretStoreKind
    # Vault: the server URL; AWS Secrets Manager: the region.
    address: str
    # Every remote key of this environment lives under this prefix.
    path_prefix: str
    # The Kubernetes-auth role (Vault) or IAM role ARN (AWS) the operator assumes.
    role: str

    def check(self, where: str) -> None:
        _check_enum(self.kind, SecretStoreKind, f"{where}.kind")
        if self.kind is SecretStoreKind.VAULT:
            require(
                isinstance(self.address, str) and self.address.startswith("https://"),
                f"{where}.address",
                f"the Vault address must be an https:// URL (got {self.address!r})",
            )
        else:
            _check_pattern(self.address, re.compile(r"^[a-z]{2}(-[a-z]+)+-\d$"), f"{where}.address", "AWS region")
        _check_pattern(
            self.path_prefix, re.compile(r"^[a-z0-9][a-z0-9/_-]*[a-z0-9]$"), f"{where}.path_prefix", "secret path prefix"
        )
        require(isinstance(self.role, str) and self.role != "", f"{where}.role", "must name the role the operator assumes")


@dataclass(frozen=True)
class Secrets:
    mode: SecretsMode
    store: SecretStore | None = None
    refresh_interval: str | None = None

    def check(self, where: str) -> None:
        _check_enum(self.mode, SecretsMode, f"{where}.mode")
        if self.mode is SecretsMode.DEV_INLINE:
            require(self.store is None, f"{where}.store", "dev-inline secrets have no secret store")
            return
        require(self.store is not None, f"{where}.store", f"{self.mode} secrets need a secret store")
        assert self.store is not None
        self.store.check(f"{where}.store")
        _check_pattern(self.refresh_interval, DURATION, f"{where}.refresh_interval", "duration such as '1h'")

    @property
    def external(self) -> bool:
        return self.mode is not SecretsMode.DEV_INLINE


@dataclass(frozen=True)
class Tls:
    mode: TlsMode
    acme_email: str | None = None

    def check(self, where: str) -> None:
        _check_enum(self.mode, TlsMode, f"{where}.mode")
        if self.mode is TlsMode.OFF:
            require(self.acme_email is None, f"{where}.acme_email", "TLS is off: no ACME account")
        else:
            _check_pattern(self.acme_email, EMAIL, f"{where}.acme_email", "e-mail address")

    @property
    def enabled(self) -> bool:
        return self.mode is not TlsMode.OFF


@dataclass(frozen=True)
class TargetCluster:
    """The cluster Argo CD deploys this environment to."""

    name: str
    server: str
    load_balancer: LoadBalancer = LoadBalancer.PASSTHROUGH
    # Addresses of the balancer's nodes (its subnets), the only peers whose proxy-protocol
    # header Traefik believes; required with a balancer that sends one.
    trusted_proxies: tuple[str, ...] = ()
    # A managed control plane (EKS, GKE, AKS) exposes no scheduler, controller-manager or
    # etcd metrics: scraping them would only raise alerts that never clear.
    managed_control_plane: bool = True
    # Where the API server and the nodes (kubelets) answer, as pods see them: the only
    # addresses that operators and Prometheus may reach on the API and kubelet ports, and
    # from which webhooks are called. The private ranges by default; name the cluster's own
    # subnets (a control plane on a public address needs its address here).
    infrastructure: tuple[str, ...] = ("10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16")

    def check(self, where: str) -> None:
        _check_pattern(self.name, DNS_LABEL, f"{where}.name", "cluster name (a DNS label)")
        require(
            isinstance(self.server, str) and self.server.startswith("https://"),
            f"{where}.server",
            f"must be the https:// URL of the cluster's API server (got {self.server!r})",
        )
        _check_enum(self.load_balancer, LoadBalancer, f"{where}.load_balancer")
        for field_name in ("trusted_proxies", "infrastructure"):
            for index, cidr in enumerate(getattr(self, field_name)):
                _check_network(cidr, f"{where}.{field_name}[{index}]")
        require(bool(self.infrastructure), f"{where}.infrastructure", "must name where the API server and nodes answer")
        sends_proxy_protocol = self.load_balancer is LoadBalancer.AWS_NLB
        require(
            sends_proxy_protocol == bool(self.trusted_proxies),
            f"{where}.trusted_proxies",
            f"must list the balancer's subnets with load_balancer {LoadBalancer.AWS_NLB.value!r}, and only then"
            f" (got {list(self.trusted_proxies)} with {self.load_balancer.value!r})",
        )
        require(
            isinstance(self.managed_control_plane, bool),
            f"{where}.managed_control_plane",
            f"must be true or false (got {self.managed_control_plane!r})",
        )


@dataclass(frozen=True)
class CommitSigning:
    """Argo CD syncs only commits signed by one of these GnuPG keys; each must also be in
    Argo CD's keyring (`argocd gpg add`, README)."""

    keys: tuple[str, ...]
    mode: GpgMode = GpgMode.HEAD

    def check(self, where: str) -> None:
        require(isinstance(self.keys, tuple) and len(self.keys) > 0, f"{where}.keys", "must name at least one GnuPG key ID")
        for index, key in enumerate(self.keys):
            require(
                isinstance(key, str) and GPG_KEY.match(key) is not None,
                f"{where}.keys[{index}]",
                f"not a GnuPG key ID (16 hexadecimal digits) or fingerprint (40), in capitals: {key!r}",
            )
        require(len(set(self.keys)) == len(self.keys), f"{where}.keys", f"lists a key twice: {list(self.keys)}")
        _check_enum(self.mode, GpgMode, f"{where}.mode")


@dataclass(frozen=True)
class ArgoCd:
    """How the one Argo CD keeps this environment apart from the others."""

    # The namespace of the environment's Applications. Its AppProjects accept Applications
    # from there only (sourceNamespaces), so a commit that adds an Application elsewhere, or
    # one naming another environment's project, is refused.
    apps_namespace: str
    # Lifetime of the pipeline's project-role tokens (`argocd proj role create-token --expires-in`).
    token_lifetime: str = "720h"
    # Where set, commits must be signed to be synced (AppProject sourceIntegrity).
    commit_signing: CommitSigning | None = None

    def check(self, where: str) -> None:
        _check_pattern(self.apps_namespace, DNS_LABEL, f"{where}.apps_namespace", "namespace name (a DNS label)")
        # Applications in Argo CD's own namespace may name any project (AppProject.IsAppNamespacePermitted).
        require(
            self.apps_namespace != ARGOCD_NAMESPACE,
            f"{where}.apps_namespace",
            f"must not be Argo CD's own namespace {ARGOCD_NAMESPACE!r}, whose Applications may use any project",
        )
        ok = isinstance(self.token_lifetime, str) and HOURS.match(self.token_lifetime) is not None
        require(ok, f"{where}.token_lifetime", f"must be a number of hours such as '168h' (got {self.token_lifetime!r})")
        hours = int(self.token_lifetime[:-1])
        require(
            hours <= MAX_TOKEN_HOURS,
            f"{where}.token_lifetime",
            f"a pipeline token must expire within {MAX_TOKEN_HOURS}h (got {self.token_lifetime!r})",
        )
        if self.commit_signing is not None:
            self.commit_signing.check(f"{where}.commit_signing")


IMAGE_BY_DIGEST = re.compile(r"^[a-z0-9.-]+(:[0-9]+)?/[a-z0-9._/-]+(:[A-Za-z0-9._-]+)?@sha256:[0-9a-f]{64}$")


@dataclass(frozen=True)
class LogShipping:
    """The optional Fluent Bit DaemonSet (components/log_shipping.py) that forwards every container's log to a
    Fluentd (or Fluent Bit) aggregator over the forward protocol with TLS."""

    # Pinned by digest: a node-wide agent reading every pod's log runs no moving tag.
    image: str
    # The aggregator: its DNS name and port, and the address block the NetworkPolicy lets the
    # agent reach (the only egress besides DNS and the API server).
    output_host: str
    output_port: int
    output_cidr: str
    namespace: str = "logging"

    def check(self, where: str) -> None:
        _check_pattern(self.image, IMAGE_BY_DIGEST, f"{where}.image", "image pinned by @sha256 digest")
        _check_pattern(self.output_host, DNS_NAME, f"{where}.output_host", "DNS name")
        _check_int(self.output_port, f"{where}.output_port", 1, 65535)
        _check_network(self.output_cidr, f"{where}.output_cidr")
        _check_pattern(self.namespace, DNS_LABEL, f"{where}.namespace", "namespace name")


@dataclass(frozen=True)
class Environment:
    name: str
    namespace: str
    replicas: int
    resources: Resources
    database: Database
    cache: Cache
    messaging: Messaging
    monitoring: Monitoring
    secrets: Secrets
    tls: Tls
    debug: bool
    log_level: str
    domain: str
    target_cluster: TargetCluster
    # Production-like environments refuse images that are not pinned by digest.
    require_pinned_images: bool
    autoscaling: Autoscaling | None = None
    # None: no PodDisruptionBudget (a single replica cannot keep one).
    max_unavailable: int | None = None
    spread_across_zones: bool = False
    # MySQL lives apart: the MySQL Operator's backup Jobs cannot meet the restricted
    # Pod Security Standard (see namespaces.py), and the application namespace enforces it.
    data_namespace: str = "e-commerce-data"
    messaging_namespace: str = "e-commerce-messaging"
    monitoring_namespace: str = "monitoring"
    ingress_namespace: str = "traefik"
    # Traefik's replicas (with a disruption budget from two on), whatever the services run.
    ingress_replicas: int = 1
    # Source addresses allowed to reach admin UIs (Grafana, RabbitMQ management), which
    # are exposed only where this is set.
    admin_source_ranges: tuple[str, ...] = field(default=())
    # Whether the API answers anyone. An environment that is not for the public (debug output,
    # development secrets) serves it to admin_source_ranges only.
    public_api: bool = True
    # The largest request body Traefik passes on to the API: a larger one is refused (413)
    # before it reaches a service.
    max_request_body: str = "1Mi"
    # Per client address, on the API and on the admin UIs; an admin page loads a burst of
    # assets, but a login form needs no more than a few requests a second.
    api_rate_limit: RateLimit = RateLimit(average=50, burst=100)
    admin_rate_limit: RateLimit = RateLimit(average=10, burst=100)
    # Developers may exec into and port-forward to pods (debugging in place).
    developer_exec: bool = False
    # The branch Argo CD deploys this environment from, and whether it syncs by itself
    # (otherwise the pipeline syncs it after approval).
    git_revision: str = "main"
    auto_sync: bool = False
    # The GitHub deployment environment holding this environment's deploy credentials; its
    # deployment branch rule admits git_revision only (scripts/github_environments.py). The
    # environment's own name where empty.
    github_environment: str = ""
    argocd: ArgoCd = field(kw_only=True)
    # Off (None) everywhere: no environment ships its logs yet (README, "Observability").
    log_shipping: LogShipping | None = field(default=None, kw_only=True)

    def __post_init__(self) -> None:
        try:
            self._check()
        except ConfigError as error:
            raise error.within(f"{SOURCE}: {self.name}") from None

    def _check(self) -> None:
        _check_types(self)
        _check_pattern(self.name, DNS_LABEL, "name", "environment name")
        for name in ("namespace", "messaging_namespace", "monitoring_namespace", "ingress_namespace"):
            _check_pattern(getattr(self, name), DNS_LABEL, name, "namespace name (a DNS label)")
        namespaces = [self.namespace, self.messaging_namespace, self.monitoring_namespace]
        require(
            len(set(namespaces)) == 3,
            "namespace",
            f"application, messaging and monitoring namespaces must differ (got {namespaces})",
        )
        _check_int(self.replicas, "replicas", 1, 100)
        _check_int(self.ingress_replicas, "ingress_replicas", 1, 20)
        self.resources.check("resources")
        if self.log_shipping is not None:
            self.log_shipping.check("log_shipping")
        if self.autoscaling is not None:
            self.autoscaling.check("autoscaling")
            require(
                self.replicas == self.autoscaling.min_replicas,
                "replicas",
                f"must equal autoscaling.min_replicas {self.autoscaling.min_replicas} (got {self.replicas})",
            )
        if self.max_unavailable is not None:
            _check_int(self.max_unavailable, "max_unavailable", 1, 100)
            require(
                self.max_unavailable < self.replicas,
                "max_unavailable",
                f"must be below replicas {self.replicas} to keep a pod serving (got {self.max_unavailable})",
            )
        self.database.check("database")
        self.cache.check("cache")
        self.messaging.check("messaging")
        self.monitoring.check("monitoring")
        self.secrets.check("secrets")
        if self.secrets.refresh_interval is not None:
            require(
                duration_seconds(self.database.old_password_grace) > duration_seconds(self.secrets.refresh_interval),
                "database.old_password_grace",
                f"must outlast the secret store's refresh ({self.secrets.refresh_interval}), or a rotated password's"
                f" predecessor is refused before every service has the new one (got {self.database.old_password_grace!r})",
            )
        self.tls.check("tls")
        _check_pattern(self.git_revision, re.compile(r"^[A-Za-z0-9][A-Za-z0-9._/-]*$"), "git_revision", "git branch name")
        _check_pattern(self.deployment_environment, GITHUB_ENVIRONMENT, "github_environment", "GitHub environment name")
        for flag in ("debug", "developer_exec", "require_pinned_images", "spread_across_zones", "auto_sync"):
            value = getattr(self, flag)
            require(isinstance(value, bool), flag, f"must be true or false (got {value!r})")
        require(
            self.log_level in LOG_LEVELS,
            "log_level",
            f"unknown log level {self.log_level!r} (allowed: {', '.join(LOG_LEVELS)})",
        )
        _check_pattern(self.domain, DNS_NAME, "domain", "DNS name")
        self.target_cluster.check("target_cluster")
        self.argocd.check("argocd")
        for index, cidr in enumerate(self.admin_source_ranges):
            _check_network(cidr, f"admin_source_ranges[{index}]")
        require(isinstance(self.public_api, bool), "public_api", f"must be true or false (got {self.public_api!r})")
        require(
            self.public_api or bool(self.admin_source_ranges),
            "public_api",
            "an API closed to the public needs admin_source_ranges to say who may reach it",
        )
        self.api_rate_limit.check("api_rate_limit")
        self.admin_rate_limit.check("admin_rate_limit")
        body = parse_quantity(self.max_request_body, "max_request_body", "memory")
        require(
            1024 <= body <= 100 * 2**20,
            "max_request_body",
            f"must be from 1Ki to 100Mi (got {self.max_request_body!r})",
        )
        require(
            not (self.debug and self.require_pinned_images),
            "debug",
            "debug must be off in an environment that requires pinned images",
        )
        require(
            not (self.debug and self.public_api),
            "public_api",
            "debug output must not face the internet: set public_api to false (the API then answers admin_source_ranges only)",
        )

    @property
    def deployment_environment(self) -> str:
        """The GitHub environment the deploy workflow runs in."""
        return self.github_environment or self.name

    @property
    def pod_disruption_budget(self) -> bool:
        return self.max_unavailable is not None

    @property
    def owned_namespaces(self) -> tuple[str, ...]:
        """Every namespace the platform creates for this environment."""
        return (self.namespace, self.data_namespace, self.messaging_namespace, self.monitoring_namespace)


def _check_types(instance: Any, where: str = "") -> None:
    """Nested model objects must be the model's own classes, not dicts or look-alikes."""
    for item in fields(instance):
        value = getattr(instance, item.name)
        path = f"{where}{item.name}"
        expected = item.type if isinstance(item.type, str) else getattr(item.type, "__name__", "")
        nested = _MODEL_CLASSES.get(expected.removesuffix(" | None"))
        if nested is None:
            continue
        if value is None and expected.endswith(" | None"):
            continue
        require(isinstance(value, nested), path, f"must be a {nested.__name__} (got {type(value).__name__})")
        if is_dataclass(value):
            _check_types(value, f"{path}.")


_MODEL_CLASSES: dict[str, type] = {
    cls.__name__: cls
    for cls in (
        Resources,
        Autoscaling,
        BackupBucket,
        Backup,
        Database,
        Cache,
        Messaging,
        AlertRouting,
        Monitoring,
        LogShipping,
        SecretStore,
        Secrets,
        Tls,
        TargetCluster,
        CommitSigning,
        ArgoCd,
    )
}


DEV = Environment(
    name="dev",
    namespace="e-commerce-dev",
    replicas=1,
    resources=Resources(cpu_request="100m", cpu_limit="200m", memory_request="128Mi", memory_limit="256Mi"),
    database=Database(
        mode=DatabaseMode.STANDALONE,
        instances=1,
        routers=0,
        storage="5Gi",
        resources=Resources(cpu_request="250m", cpu_limit="500m", memory_request="512Mi", memory_limit="1Gi"),
        require_tls=True,
    ),
    cache=Cache(
        mode=CacheMode.SIMPLE,
        replicas=1,
        max_memory="96Mi",
        resources=Resources(cpu_request="50m", cpu_limit="100m", memory_request="64Mi", memory_limit="128Mi"),
    ),
    messaging=Messaging(
        replicas=1,
        quorum_queues=False,
        storage="2Gi",
        resources=Resources(cpu_request="250m", cpu_limit="500m", memory_request="512Mi", memory_limit="1Gi"),
    ),
    monitoring=Monitoring(level=MonitoringLevel.BASIC, retention="7d", scrape_interval="60s"),
    secrets=Secrets(mode=SecretsMode.DEV_INLINE),
    tls=Tls(mode=TlsMode.OFF),
    debug=True,
    log_level="debug",
    domain="dev.e-commerce.example.com",
    target_cluster=TargetCluster(name="dev", server="https://dev.k8s.e-commerce.example.com:6443"),
    require_pinned_images=False,
    developer_exec=True,
    # Debug output and development secrets: for the developers' networks only.
    public_api=False,
    admin_source_ranges=("10.0.0.0/8",),
    git_revision="develop",
    auto_sync=True,
    argocd=ArgoCd(apps_namespace="argocd-apps-dev"),
)

STAGING = Environment(
    name="staging",
    namespace="e-commerce-staging",
    replicas=2,
    resources=Resources(cpu_request="200m", cpu_limit="400m", memory_request="256Mi", memory_limit="512Mi"),
    max_unavailable=1,
    database=Database(
        mode=DatabaseMode.PRIMARY_REPLICA,
        instances=2,
        routers=1,
        storage="20Gi",
        resources=Resources(cpu_request="500m", cpu_limit="1", memory_request="1Gi", memory_limit="2Gi"),
        require_tls=True,
    ),
    cache=Cache(
        mode=CacheMode.AUTH,
        replicas=1,
        max_memory="192Mi",
        storage="2Gi",
        resources=Resources(cpu_request="100m", cpu_limit="200m", memory_request="128Mi", memory_limit="256Mi"),
    ),
    messaging=Messaging(
        replicas=3,
        quorum_queues=True,
        storage="10Gi",
        resources=Resources(cpu_request="500m", cpu_limit="1", memory_request="1Gi", memory_limit="2Gi"),
    ),
    monitoring=Monitoring(level=MonitoringLevel.DASHBOARDS, retention="15d", scrape_interval="30s"),
    secrets=Secrets(
        mode=SecretsMode.EXTERNAL,
        store=SecretStore(
            kind=SecretStoreKind.VAULT,
            address="https://vault.e-commerce.example.com",
            path_prefix="e-commerce/staging",
            role="external-secrets-staging",
        ),
        refresh_interval="1h",
    ),
    tls=Tls(mode=TlsMode.LETSENCRYPT_STAGING, acme_email="platform@e-commerce.example.com"),
    debug=False,
    log_level="info",
    domain="staging.e-commerce.example.com",
    target_cluster=TargetCluster(name="staging", server="https://staging.k8s.e-commerce.example.com:6443"),
    require_pinned_images=True,
    git_revision="main",
    auto_sync=True,
    admin_source_ranges=("10.0.0.0/8",),
    ingress_replicas=2,
    argocd=ArgoCd(apps_namespace="argocd-apps-staging"),
)

PROD = Environment(
    name="prod",
    namespace="e-commerce-prod",
    replicas=3,
    autoscaling=Autoscaling(min_replicas=3, max_replicas=10, cpu_utilization=70, memory_utilization=80),
    resources=Resources(cpu_request="500m", cpu_limit="1000m", memory_request="512Mi", memory_limit="1Gi"),
    max_unavailable=1,
    spread_across_zones=True,
    database=Database(
        mode=DatabaseMode.INNODB_CLUSTER,
        instances=3,
        routers=2,
        storage="100Gi",
        resources=Resources(cpu_request="1", cpu_limit="2", memory_request="4Gi", memory_limit="4Gi"),
        require_tls=True,
        backup=Backup(
            schedule="0 2 * * *",
            retention_days=14,
            keep_last=7,
            bucket=BackupBucket(
                name="e-commerce-prod-mysql-backups",
                region="eu-west-3",
                prefix="mysql",
                kms_key="arn:aws:kms:eu-west-3:123456789012:alias/e-commerce-prod-mysql-backups",
                lock_days=14,
                noncurrent_days=30,
                # The S3 interface endpoint in the cluster's VPC (private DNS on), so dumps
                # never cross the internet and no pod needs the internet to write them.
                network=("10.0.0.0/16",),
            ),
        ),
    ),
    cache=Cache(
        mode=CacheMode.CLUSTER,
        replicas=3,
        max_memory="768Mi",
        storage="5Gi",
        resources=Resources(cpu_request="250m", cpu_limit="500m", memory_request="1Gi", memory_limit="1Gi"),
    ),
    messaging=Messaging(
        replicas=3,
        quorum_queues=True,
        storage="50Gi",
        resources=Resources(cpu_request="1", cpu_limit="2", memory_request="2Gi", memory_limit="4Gi"),
    ),
    monitoring=Monitoring(
        level=MonitoringLevel.ALERTING,
        retention="30d",
        scrape_interval="30s",
        alert_routing=AlertRouting(
            email_to="oncall@e-commerce.example.com",
            email_from="alertmanager@e-commerce.example.com",
            smtp_smarthost="smtp.e-commerce.example.com:587",
            slack_channel="#e-commerce-alerts",
        ),
    ),
    secrets=Secrets(
        mode=SecretsMode.EXTERNAL_ROTATION,
        store=SecretStore(
            kind=SecretStoreKind.AWS_SECRETS_MANAGER,
            address="eu-west-3",
            path_prefix="e-commerce/prod",
            role="arn:aws:iam::123456789012:role/e-commerce-prod-external-secrets",
        ),
        refresh_interval="5m",
    ),
    tls=Tls(mode=TlsMode.LETSENCRYPT_PRODUCTION, acme_email="platform@e-commerce.example.com"),
    debug=False,
    log_level="warning",
    domain="e-commerce.example.com",
    target_cluster=TargetCluster(
        name="prod",
        server="https://prod.k8s.e-commerce.example.com:6443",
        load_balancer=LoadBalancer.AWS_NLB,
        # The cluster's VPC, where the balancer's nodes, the nodes and the API server's
        # endpoints live.
        trusted_proxies=("10.0.0.0/16",),
        infrastructure=("10.0.0.0/16",),
    ),
    require_pinned_images=True,
    git_revision="main",
    auto_sync=False,
    # The name the pipeline has always deployed prod under: its reviewers and secrets are there.
    github_environment="production",
    admin_source_ranges=("10.0.0.0/8",),
    ingress_replicas=3,
    argocd=ArgoCd(
        apps_namespace="argocd-apps-prod",
        token_lifetime="168h",
        # PLACEHOLDER (README, "Before the first deploy"): the release managers' signing keys.
        commit_signing=CommitSigning(keys=("0000000000000000",)),
    ),
)

ENVIRONMENTS: dict[str, Environment] = {env.name: env for env in (DEV, STAGING, PROD)}


def check_apart(environments: tuple[Environment, ...]) -> None:
    """Environments sharing one Argo CD must not share the namespace of their Applications:
    each one's projects would accept the other's Applications."""
    seen: dict[str, str] = {}
    for env in environments:
        other = seen.setdefault(env.argocd.apps_namespace, env.name)
        require(
            other == env.name,
            f"{SOURCE}: {env.name}: argocd.apps_namespace",
            f"{env.argocd.apps_namespace!r} is already the Applications' namespace of {other}",
        )


check_apart(tuple(ENVIRONMENTS.values()))


def get_environment(name: str) -> Environment:
    if name not in ENVIRONMENTS:
        raise ConfigError("--env", f"unknown environment {name!r} (allowed: {', '.join(ENVIRONMENTS)})")
    return ENVIRONMENTS[name]
