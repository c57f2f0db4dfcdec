"""Names and ports of the data stores, shared by the constructs that create them and the
wiring that points services at them, so the two can never disagree."""

from __future__ import annotations

from .environments import CacheMode, Environment

MYSQL = "mysql"
MYSQL_PORT = 3306
REDIS = "redis"
REDIS_PORT = 6379
REDIS_SENTINEL = "redis-sentinel"
REDIS_SENTINEL_PORT = 26379
# The name Sentinel monitors the primary under.
REDIS_SENTINEL_MASTER = "shop"
RABBITMQ = "rabbitmq"
AMQP_PORT = 5672
# AMQP over TLS, the port the services use.
AMQPS_PORT = 5671
RABBITMQ_VHOST = "e-commerce"
EVENTS_EXCHANGE = "shop.events"
DEAD_LETTER_EXCHANGE = "shop.dead-letter"
DEAD_LETTER_QUEUE = "shop.dead-letter"


def host(name: str, namespace: str) -> str:
    """A Service's DNS name, independent of the cluster domain."""
    return f"{name}.{namespace}.svc"


def mysql_host(env: Environment) -> str:
    # The MySQL Operator names the router Service after the InnoDBCluster; the standalone
    # server in dev has a Service of the same name, so clients never change.
    return host(MYSQL, env.data_namespace)


def redis_endpoint(env: Environment) -> tuple[str, int]:
    """What a client dials first: the server itself, or Sentinel to find the primary."""
    if env.cache.mode is CacheMode.CLUSTER:
        return host(REDIS_SENTINEL, env.namespace), REDIS_SENTINEL_PORT
    return host(REDIS, env.namespace), REDIS_PORT


def rabbitmq_host(env: Environment) -> str:
    return host(RABBITMQ, env.messaging_namespace)


# The internal CA's certificate (internal_tls.py), mounted into every client that verifies a
# server the CA signed.
CA_SECRET = "internal-ca"
CA_KEY = "ca.crt"
CA_MOUNT = "/run/secrets/internal-ca"
CA_FILE = f"{CA_MOUNT}/{CA_KEY}"
