"""The environment model holds the user's table, and refuses values that make no sense."""

from __future__ import annotations

import dataclasses
from typing import Any, cast

import pytest

from ecommerce.errors import ConfigError
from ecommerce.model.environments import (
    DEV,
    ENVIRONMENTS,
    PROD,
    STAGING,
    Autoscaling,
    CacheMode,
    DatabaseMode,
    MonitoringLevel,
    Resources,
    SecretsMode,
    SecretStoreKind,
    TlsMode,
    get_environment,
)

# Staging's secret store, which the model requires for its external secrets.
STAGING_STORE = STAGING.secrets.store
assert STAGING_STORE is not None


def test_three_environments_in_order():
    assert list(ENVIRONMENTS) == ["dev", "staging", "prod"]


@pytest.mark.parametrize(
    ("env", "namespace", "replicas", "memory", "cpu"),
    [
        (DEV, "e-commerce-dev", 1, ("128Mi", "256Mi"), ("100m", "200m")),
        (STAGING, "e-commerce-staging", 2, ("256Mi", "512Mi"), ("200m", "400m")),
        (PROD, "e-commerce-prod", 3, ("512Mi", "1Gi"), ("500m", "1000m")),
    ],
)
def test_sizes_follow_the_users_table(env, namespace, replicas, memory, cpu):
    assert env.namespace == namespace
    assert env.replicas == replicas
    assert (env.resources.memory_request, env.resources.memory_limit) == memory
    assert (env.resources.cpu_request, env.resources.cpu_limit) == cpu


def test_modes_follow_the_users_table():
    assert [e.database.mode for e in (DEV, STAGING, PROD)] == [
        DatabaseMode.STANDALONE,
        DatabaseMode.PRIMARY_REPLICA,
        DatabaseMode.INNODB_CLUSTER,
    ]
    assert [e.cache.mode for e in (DEV, STAGING, PROD)] == [CacheMode.SIMPLE, CacheMode.AUTH, CacheMode.CLUSTER]
    assert [e.monitoring.level for e in (DEV, STAGING, PROD)] == [
        MonitoringLevel.BASIC,
        MonitoringLevel.DASHBOARDS,
        MonitoringLevel.ALERTING,
    ]
    assert [e.secrets.mode for e in (DEV, STAGING, PROD)] == [
        SecretsMode.DEV_INLINE,
        SecretsMode.EXTERNAL,
        SecretsMode.EXTERNAL_ROTATION,
    ]
    assert [e.tls.mode for e in (DEV, STAGING, PROD)] == [
        TlsMode.OFF,
        TlsMode.LETSENCRYPT_STAGING,
        TlsMode.LETSENCRYPT_PRODUCTION,
    ]
    assert [e.debug for e in (DEV, STAGING, PROD)] == [True, False, False]


def test_prod_autoscales_from_three_to_ten():
    assert PROD.autoscaling == Autoscaling(min_replicas=3, max_replicas=10, cpu_utilization=70, memory_utilization=80)
    assert DEV.autoscaling is None and STAGING.autoscaling is None


def test_secret_stores_are_chosen_per_environment():
    assert STAGING.secrets.store is not None and STAGING.secrets.store.kind is SecretStoreKind.VAULT
    assert PROD.secrets.store is not None and PROD.secrets.store.kind is SecretStoreKind.AWS_SECRETS_MANAGER
    assert DEV.secrets.store is None


def test_every_environment_has_its_own_domain_and_cluster():
    assert len({e.domain for e in ENVIRONMENTS.values()}) == 3
    assert len({e.target_cluster.server for e in ENVIRONMENTS.values()}) == 3


def test_unknown_environment_names_the_allowed_ones():
    with pytest.raises(ConfigError, match=r"unknown environment 'qa' \(allowed: dev, staging, prod\)"):
        get_environment("qa")


@pytest.mark.parametrize(
    ("base", "change", "message"),
    [
        (PROD, {"autoscaling": Autoscaling(11, 10, 70, 80)}, r"prod: autoscaling.min_replicas: 11 is above max_replicas 10"),
        (
            DEV,
            {"resources": dataclasses.replace(DEV.resources, cpu_request="300m")},
            r"dev: resources.cpu_request: request 300m is above the limit cpu_limit=200m",
        ),
        (
            DEV,
            {"resources": dataclasses.replace(DEV.resources, memory_limit="lots")},
            r"dev: resources.memory_limit: not a memory quantity: 'lots'",
        ),
        (DEV, {"replicas": 0}, r"dev: replicas: must be a whole number from 1 to 100 \(got 0\)"),
        (DEV, {"domain": "not a domain"}, r"dev: domain: not a valid DNS name: 'not a domain'"),
        (DEV, {"log_level": "verbose"}, r"dev: log_level: unknown log level 'verbose'"),
        (
            STAGING,
            {"database": dataclasses.replace(STAGING.database, instances=3)},
            r"staging: database.instances: primary-replica has 2 instances \(got 3\)",
        ),
        (
            PROD,
            {"database": dataclasses.replace(PROD.database, instances=4)},
            r"prod: database.instances: an HA InnoDB cluster needs an odd number of at least 3 instances",
        ),
        (
            STAGING,
            {"secrets": dataclasses.replace(STAGING.secrets, store=dataclasses.replace(STAGING_STORE, kind=cast(Any, "gcp")))},
            r"staging: secrets.store.kind: unknown SecretStoreKind 'gcp' \(allowed: 'vault', 'aws-secrets-manager'\)",
        ),
        (PROD, {"debug": True}, r"prod: debug: debug must be off in an environment that requires pinned images"),
        (PROD, {"replicas": 2}, r"prod: replicas: must equal autoscaling.min_replicas 3 \(got 2\)"),
        (DEV, {"max_unavailable": 1}, r"dev: max_unavailable: must be below replicas 1"),
        (DEV, {"tls": dataclasses.replace(PROD.tls, acme_email="nobody")}, r"dev: tls.acme_email: not a valid e-mail address"),
        (DEV, {"cache": {"mode": "simple"}}, r"dev: cache: must be a Cache \(got dict\)"),
        (
            PROD,
            {"target_cluster": dataclasses.replace(PROD.target_cluster, trusted_proxies=("999.1.2.3/8",))},
            r"prod: target_cluster.trusted_proxies\[0\]: not a valid CIDR block \(e.g. 10.0.0.0/16\): '999.1.2.3/8'",
        ),
        (
            PROD,
            {"target_cluster": dataclasses.replace(PROD.target_cluster, trusted_proxies=())},
            r"prod: target_cluster.trusted_proxies: must list the balancer's subnets with load_balancer 'aws-nlb'",
        ),
        (
            DEV,
            {"target_cluster": dataclasses.replace(DEV.target_cluster, trusted_proxies=("10.0.0.0/16",))},
            r"dev: target_cluster.trusted_proxies: .* \(got \['10.0.0.0/16'\] with 'passthrough'\)",
        ),
    ],
)
def test_invalid_values_name_environment_field_and_allowed(base, change, message):
    with pytest.raises(ConfigError, match=r"^constructs/ecommerce/model/environments.py: " + message):
        dataclasses.replace(base, **change)


def with_cidr(field_path: str, cidr: str):
    """PROD with `cidr` as the one block of the CIDR list at `field_path`."""
    if field_path == "admin_source_ranges":
        return dataclasses.replace(PROD, admin_source_ranges=(cidr,))
    if field_path.startswith("target_cluster."):
        blocks: dict[str, Any] = {field_path.split(".")[1]: (cidr,)}
        cluster = dataclasses.replace(PROD.target_cluster, **blocks)
        return dataclasses.replace(PROD, target_cluster=cluster)
    backup = PROD.database.backup
    assert backup is not None
    bucket = dataclasses.replace(backup.bucket, network=(cidr,))
    database = dataclasses.replace(PROD.database, backup=dataclasses.replace(backup, bucket=bucket))
    return dataclasses.replace(PROD, database=database)


CIDR_FIELDS = (
    "admin_source_ranges",
    "target_cluster.trusted_proxies",
    "target_cluster.infrastructure",
    "database.backup.bucket.network",
)


@pytest.mark.parametrize("field_path", CIDR_FIELDS)
@pytest.mark.parametrize(
    ("cidr", "why"),
    [
        ("999.1.2.3/8", "does not appear to be an IPv4 or IPv6 network"),
        ("10.0.0.0/33", "does not appear to be an IPv4 or IPv6 network"),
        ("10.0.0.1/8", "has host bits set"),
        ("010.0.0.0/8", "does not appear to be an IPv4 or IPv6 network"),
        # A NetworkPolicy's ipBlock.cidr needs the prefix length.
        ("10.0.0.1", "a CIDR block has a prefix length"),
        ("fd00::1/8", "has host bits set"),
    ],
)
def test_every_cidr_field_refuses_what_is_no_network(field_path, cidr, why):
    path = field_path.replace(".", r"\.")
    with pytest.raises(
        ConfigError, match=rf"^constructs/ecommerce/model/environments.py: prod: {path}\[0\]: not a valid CIDR block .*{why}"
    ):
        with_cidr(field_path, cidr)


@pytest.mark.parametrize("field_path", CIDR_FIELDS)
@pytest.mark.parametrize("cidr", ["10.0.0.0/16", "0.0.0.0/0", "192.168.1.7/32", "fd00::/8"])
def test_every_cidr_field_takes_ipv4_and_ipv6_blocks(field_path, cidr):
    assert with_cidr(field_path, cidr)


def with_schedule(schedule: str):
    backup = PROD.database.backup
    assert backup is not None
    return dataclasses.replace(
        PROD, database=dataclasses.replace(PROD.database, backup=dataclasses.replace(backup, schedule=schedule))
    )


@pytest.mark.parametrize(
    ("schedule", "why"),
    [
        ("foo bar baz qux quux", "failed to parse int from foo"),
        ("60 2 * * *", r"end of range \(60\) above maximum \(59\)"),
        ("0 24 * * *", r"end of range \(24\) above maximum \(23\)"),
        ("0 2 0 * *", r"beginning of range \(0\) below minimum \(1\)"),
        ("0 2 * 13 *", r"end of range \(13\) above maximum \(12\)"),
        # Kubernetes' parser knows Sunday as 0 only, unlike Vixie cron.
        ("0 2 * * 7", r"end of range \(7\) above maximum \(6\)"),
        ("0 5-2 * * *", r"beginning of range \(5\) beyond end of range \(2\)"),
        ("*/0 2 * * *", "step of range should be a positive number"),
        ("*/jan 2 * * *", "failed to parse int from jan"),
        ("-1 2 * * *", "failed to parse int from"),
        ("1-2-3 2 * * *", "too many hyphens"),
        ("0/1/2 2 * * *", "too many slashes"),
        ("0 0 2 * * *", "expected exactly 5 fields, found 6"),
        ("0 2 * *", "expected exactly 5 fields, found 4"),
        ("0 2 L * *", "failed to parse int from L"),
        ("@fortnightly", "unrecognized descriptor"),
        ("@every 1d", "failed to parse duration"),
        ("CRON_TZ=UTC 0 2 * * *", "cannot use TZ or CRON_TZ in schedule, use timeZone field instead"),
        ("", "empty spec string"),
    ],
)
def test_backup_schedule_refuses_what_a_cronjob_refuses(schedule, why):
    with pytest.raises(
        ConfigError,
        match=rf"^constructs/ecommerce/model/environments.py: prod: database.backup.schedule: not a valid cron schedule: .*{why}",
    ):
        with_schedule(schedule)


@pytest.mark.parametrize(
    "schedule",
    [
        "0 2 * * *",
        "@daily",
        "@midnight",
        "@weekly",
        "@every 1h30m",
        "*/15 1-4 * JAN-mar MON-fri",
        "0 2 ? * sun",
        "5/10 2 * * *",
        "0,30 2 1,15 * *",
    ],
)
def test_backup_schedule_takes_what_a_cronjob_takes(schedule):
    assert with_schedule(schedule).database.backup.schedule == schedule


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"memory_limit": "1K"}, r"memory_limit: not a memory quantity: '1K'"),
        ({"memory_limit": "1e"}, r"memory_limit: not a memory quantity: '1e'"),
        ({"memory_limit": "1Gi "}, r"memory_limit: not a memory quantity: '1Gi '"),
        ({"memory_limit": "Pi"}, r"memory_limit: not a memory quantity: 'Pi'"),
        ({"memory_request": "Gi"}, r"memory_request: must be greater than zero \(got 'Gi'\)"),
        ({"cpu_request": "-100m"}, r"cpu_request: must be greater than zero \(got '-100m'\)"),
        # Kubernetes takes "512m" as half a byte: a slip for "512Mi".
        ({"memory_request": "512m"}, r"memory_request: not a whole number of bytes: '512m' \('m' is a thousandth"),
        ({"cpu_limit": "1e-3", "cpu_request": "1e-2"}, r"cpu_request: request 1e-2 is above the limit cpu_limit=1e-3"),
    ],
)
def test_quantities_refused(change, message):
    with pytest.raises(ConfigError, match=r"^constructs/ecommerce/model/environments.py: dev: resources\." + message):
        dataclasses.replace(DEV, resources=dataclasses.replace(DEV.resources, **change))


@pytest.mark.parametrize(
    "change",
    [
        {"memory_request": "128e6", "memory_limit": "1.5E8"},
        {"memory_request": "134217728", "memory_limit": "0.25Gi"},
        {"cpu_request": "100000u", "cpu_limit": "200000000n"},
        {"cpu_request": "0.1", "cpu_limit": "+.2"},
    ],
)
def test_quantities_kubernetes_takes_are_taken(change):
    assert dataclasses.replace(DEV, resources=dataclasses.replace(DEV.resources, **change))


def test_storage_takes_every_binary_suffix():
    database = dataclasses.replace(PROD.database, storage="1Pi")
    assert dataclasses.replace(PROD, database=database).database.storage == "1Pi"


def _values(env, name: str) -> dict:
    from ecommerce.derived.add_on_releases import add_ons

    (add_on,) = [add_on for add_on in add_ons(env) if add_on.name == name]
    assert add_on.values is not None
    return add_on.values(env)


def test_traefik_runs_the_environments_ingress_replicas_whatever_the_services_run():
    """Raising the services' replicas (or the autoscaler's minimum) leaves the edge as it was."""
    assert PROD.autoscaling is not None
    more = PROD.replicas + 2
    busier = dataclasses.replace(PROD, replicas=more, autoscaling=dataclasses.replace(PROD.autoscaling, min_replicas=more))
    assert (
        _values(busier, "traefik")["deployment"] == _values(PROD, "traefik")["deployment"] == {"replicas": PROD.ingress_replicas}
    )
    wider = dataclasses.replace(PROD, ingress_replicas=5)
    assert _values(wider, "traefik")["deployment"] == {"replicas": 5}
    with pytest.raises(ConfigError, match="ingress_replicas"):
        dataclasses.replace(PROD, ingress_replicas=0)


def test_prometheus_is_sized_by_the_environment():
    monitoring = dataclasses.replace(PROD.monitoring, prometheus_cpu="750m", prometheus_memory="6Gi", prometheus_storage="200Gi")
    spec = _values(dataclasses.replace(PROD, monitoring=monitoring), "kube-prometheus-stack")["prometheus"]["prometheusSpec"]
    assert spec["resources"] == {"requests": {"cpu": "750m", "memory": "6Gi"}, "limits": {"memory": "6Gi"}}
    assert spec["storageSpec"]["volumeClaimTemplate"]["spec"]["resources"]["requests"]["storage"] == "200Gi"
    with pytest.raises(ConfigError, match=r"monitoring\.prometheus_storage"):
        dataclasses.replace(PROD, monitoring=dataclasses.replace(PROD.monitoring, prometheus_storage="lots"))


def test_mysql_routers_are_sized_by_the_environment():
    with pytest.raises(ConfigError, match=r"database\.router_resources\.cpu_request"):
        dataclasses.replace(
            PROD,
            database=dataclasses.replace(
                PROD.database,
                router_resources=Resources(cpu_request="2", cpu_limit="1", memory_request="128Mi", memory_limit="256Mi"),
            ),
        )
