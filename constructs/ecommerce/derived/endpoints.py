"""Names and ports of the data stores and their exporters, shared by the constructs that create
them, the wiring that points services at them and the network flows that let them through,
so that none can disagree: each port is named here once."""

from __future__ import annotations

from ecommerce.derived.labels import selector
from ecommerce.model.environments import CacheMode, Environment

MYSQL = "mysql"
MYSQL_PORT = 3306
# MySQL's X protocol, which the operator and MySQL Router also use, and group replication.
MYSQLX_PORT = 33060
MYSQL_GROUP_REPLICATION_PORT = 33061
# MySQL Router's read-write classic-protocol port; the `mysql` Service maps MYSQL_PORT to it.
MYSQL_ROUTER_RW_PORT = 6446
# Pods the MySQL Operator creates for the InnoDBCluster named MYSQL, as it labels them.
MYSQL_OPERATOR_SERVER_PODS = {"mysql.oracle.com/cluster": MYSQL, "component": "mysqld"}
MYSQL_OPERATOR_ROUTER_PODS = {"mysql.oracle.com/cluster": MYSQL, "component": "mysqlrouter"}
MYSQL_EXPORTER_PORT = 9104
REDIS = "redis"
REDIS_PORT = 6379
REDIS_SENTINEL = "redis-sentinel"
REDIS_SENTINEL_PORT = 26379
# The name Sentinel monitors the primary under.
REDIS_SENTINEL_MASTER = "shop"
REDIS_EXPORTER_PORT = 9121
RABBITMQ = "rabbitmq"
AMQP_PORT = 5672
# AMQP over TLS, the port the services use.
AMQPS_PORT = 5671
RABBITMQ_MANAGEMENT_PORT = 15672
# rabbitmq_prometheus over TLS: with TLS on, the operator publishes only this metrics port.
RABBITMQ_PROMETHEUS_PORT = 15691
# Erlang distribution between nodes: epmd, inter-node traffic, CLI tools (port, last port of a range).
RABBITMQ_CLUSTERING_PORTS = ((4369, None), (25672, None), (35672, 35682))
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


# The internal CA's certificate (components/internal_tls.py), mounted into every client that verifies a
# server the CA signed.
CA_SECRET = "internal-ca"
CA_KEY = "ca.crt"
CA_MOUNT = "/run/secrets/internal-ca"
CA_FILE = f"{CA_MOUNT}/{CA_KEY}"
# How MySQL clients connect where the servers' certificates come from the internal CA: TLS, the
# certificate verified against CA_FILE and its names against the host dialled.
MYSQL_VERIFY_MODE = "VERIFY_IDENTITY"


def mysql_client_port(env: Environment) -> int:
    """The pod port behind the `mysql` Service: the router's in operator mode, else the server's."""
    return MYSQL_ROUTER_RW_PORT if env.database.operator_managed else MYSQL_PORT


def mysql_client_pods(env: Environment) -> dict[str, str]:
    """The pods behind the `mysql` Service."""
    return MYSQL_OPERATOR_ROUTER_PODS if env.database.operator_managed else selector(env, MYSQL)


def redis_client_ports(env: Environment) -> tuple[int, ...]:
    """What a Redis client dials: the server, and Sentinel where it finds the primary."""
    if env.cache.mode is CacheMode.CLUSTER:
        return (REDIS_PORT, REDIS_SENTINEL_PORT)
    return (REDIS_PORT,)
