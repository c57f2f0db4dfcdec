"""Wiring: each service's settings and secret keys, derived from the catalog and environment."""

from __future__ import annotations

import pytest

from ecommerce.derived.wiring import secret_keys, wire
from ecommerce.model.catalog import CATALOG
from ecommerce.model.environments import DEV, ENVIRONMENTS, PROD, STAGING


@pytest.mark.parametrize("env", list(ENVIRONMENTS.values()), ids=list(ENVIRONMENTS))
def test_every_service_gets_its_schema(env):
    for service in CATALOG:
        settings = wire(service, env, CATALOG).settings
        assert settings["DATABASE_NAME"] == settings["DATABASE_USER"] == service.schema
        assert settings["DATABASE_HOST"] == "mysql.e-commerce-data.svc"


def test_redis_settings_follow_the_cache_mode():
    assert wire(CATALOG.get("auth"), DEV, CATALOG).settings["REDIS_HOST"] == "redis.e-commerce-dev.svc"
    prod = wire(CATALOG.get("auth"), PROD, CATALOG).settings
    assert prod["REDIS_SENTINEL_HOST"] == "redis-sentinel.e-commerce-prod.svc"
    assert prod["REDIS_SENTINEL_MASTER"] == "shop"
    assert prod["REDIS_SESSIONS_DB"] == "0"
    assert "REDIS_HOST" not in prod


def test_redis_password_only_where_redis_has_auth():
    auth = CATALOG.get("auth")
    assert "REDIS_PASSWORD" not in secret_keys(auth, DEV)
    assert "REDIS_PASSWORD" in secret_keys(auth, STAGING)
    assert "REDIS_PASSWORD" in secret_keys(auth, PROD)
    assert "REDIS_PASSWORD" not in secret_keys(CATALOG.get("orders"), PROD)


@pytest.mark.parametrize("env", list(ENVIRONMENTS.values()), ids=list(ENVIRONMENTS))
def test_each_service_reaches_redis_as_its_own_user_under_its_own_prefix(env):
    for service in CATALOG.redis_users:
        settings = wire(service, env, CATALOG).settings
        assert settings["REDIS_KEY_PREFIX"] == f"{service.name}:"
        # A user name only where Redis has users; its password is the service's own secret key.
        assert settings.get("REDIS_USER") == (service.name if env.cache.requires_auth else None)
        assert ("REDIS_PASSWORD" in secret_keys(service, env)) == env.cache.requires_auth
    assert "REDIS_KEY_PREFIX" not in wire(CATALOG.get("orders"), env, CATALOG).settings


def test_rabbitmq_settings_for_consumers_and_publishers():
    orders = wire(CATALOG.get("orders"), PROD, CATALOG).settings
    assert orders["RABBITMQ_HOST"] == "rabbitmq.e-commerce-messaging.svc"
    assert orders["RABBITMQ_VHOST"] == "e-commerce"
    assert orders["RABBITMQ_USER"] == "orders"
    assert orders["RABBITMQ_QUEUE"] == "orders.events"
    # Their users may configure nothing: declaring the operator's queues must be passive.
    assert orders["RABBITMQ_DECLARE"] == "passive"
    assert "RABBITMQ_QUEUE" not in wire(CATALOG.get("websites"), PROD, CATALOG).settings
    assert "RABBITMQ_HOST" not in wire(CATALOG.get("addresses"), PROD, CATALOG).settings


def test_called_services_are_addressed_by_dns():
    settings = wire(CATALOG.get("orders"), STAGING, CATALOG).settings
    assert settings["BASKETS_URL"] == "http://baskets.e-commerce-staging.svc"
    assert settings["ADDRESSES_URL"] == "http://addresses.e-commerce-staging.svc"


def test_database_tls_where_the_environment_requires_it():
    from dataclasses import replace

    from ecommerce.derived.endpoints import CA_FILE

    orders = CATALOG.get("orders")
    for env in ENVIRONMENTS.values():
        settings = wire(orders, env, CATALOG).settings
        assert env.database.require_tls, f"{env.name}: MySQL clients verify the server in every environment"
        assert (settings["DATABASE_SSL_MODE"], settings["DATABASE_CA_FILE"]) == ("VERIFY_IDENTITY", CA_FILE)
    plain = replace(DEV, database=replace(DEV.database, require_tls=False))
    settings = wire(orders, plain, CATALOG).settings
    assert settings["DATABASE_SSL_MODE"] == "PREFERRED" and "DATABASE_CA_FILE" not in settings


def test_every_secret_key_has_a_file_setting_and_no_value():
    for env in ENVIRONMENTS.values():
        for service in CATALOG:
            wiring = wire(service, env, CATALOG)
            for key in wiring.secret_keys:
                assert wiring.settings[f"{key}_FILE"] == f"/run/secrets/app/{key}"
                assert key not in wiring.settings


def test_rabbitmq_clients_connect_with_tls_and_verify_the_internal_ca():
    from ecommerce.derived.endpoints import CA_FILE

    for env in ENVIRONMENTS.values():
        for service in CATALOG:
            settings = wire(service, env, CATALOG).settings
            if service.uses_rabbitmq:
                assert (settings["RABBITMQ_SCHEME"], settings["RABBITMQ_PORT"], settings["RABBITMQ_TLS"]) == (
                    "amqps",
                    "5671",
                    "true",
                )
                assert settings["RABBITMQ_CA_FILE"] == CA_FILE
            elif not service.database:
                assert CA_FILE not in settings.values()
