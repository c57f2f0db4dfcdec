"""The environment model holds the user's table, and refuses values that make no sense."""

from __future__ import annotations

import dataclasses

import pytest

from ecommerce.environments import (
    DEV,
    ENVIRONMENTS,
    PROD,
    STAGING,
    Autoscaling,
    CacheMode,
    DatabaseMode,
    MonitoringLevel,
    SecretsMode,
    SecretStoreKind,
    TlsMode,
    get_environment,
)
from ecommerce.errors import ConfigError


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
    assert STAGING.secrets.store.kind is SecretStoreKind.VAULT
    assert PROD.secrets.store.kind is SecretStoreKind.AWS_SECRETS_MANAGER
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
            {"secrets": dataclasses.replace(STAGING.secrets, store=dataclasses.replace(STAGING.secrets.store, kind="gcp"))},
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
    with pytest.raises(ConfigError, match=r"^constructs/ecommerce/environments.py: " + message):
        dataclasses.replace(base, **change)
