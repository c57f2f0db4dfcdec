"""What each service is told: its settings (ConfigMap) and the keys of its Secret.

Derived from the catalog and the environment. Credentials never appear here as values:
a service reads each secret from a file whose path its `<KEY>_FILE` setting names.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from ecommerce.derived.endpoints import (
    AMQPS_PORT,
    CA_FILE,
    EVENTS_EXCHANGE,
    MYSQL_PORT,
    MYSQL_VERIFY_MODE,
    RABBITMQ_VHOST,
    REDIS_SENTINEL_MASTER,
    mysql_host,
    rabbitmq_host,
    redis_endpoint,
)
from ecommerce.model.catalog import SMTP, Catalog, Service
from ecommerce.model.environments import CacheMode, Environment

SECRETS_MOUNT = "/run/secrets/app"
# Every service's Service object serves HTTP on port 80, whatever port the container uses;
# its other named ports keep their container port numbers.
SERVICE_HTTP_PORT = 80


@dataclass(frozen=True)
class Wiring:
    settings: dict[str, str]
    secret_keys: tuple[str, ...]


def secret_keys(service: Service, env: Environment) -> tuple[str, ...]:
    """The keys of the service's Secret, in a stable order."""
    keys = ["APP_SECRET"]
    if service.database:
        keys.append("DATABASE_PASSWORD")
    if service.uses_redis and env.cache.requires_auth:
        keys.append("REDIS_PASSWORD")
    if service.uses_rabbitmq:
        keys.append("RABBITMQ_PASSWORD")
    if SMTP in service.egress:
        keys.append("SMTP_PASSWORD")
    keys.extend(key for _, key in service.secret_refs if key not in keys)
    return tuple(keys)


def migration_user(schema: str) -> str:
    """The MySQL user a service's migrations run as: its schema's structure too, where the
    application's own user may only read and write data (components/mysql/server.py)."""
    return f"{schema}_migrate"


def migration_wiring(service: Service, env: Environment) -> Wiring:
    """What a service's migration job (an Argo CD PreSync hook running the service's image, say)
    is told: the application's database settings, but as the migration user, whose password is
    the DATABASE_PASSWORD key of the `<service>-migrations` Secret, mounted where the
    application mounts its own. The Deployment never mounts that Secret."""
    assert service.database, f"{service.name} has no database"
    settings = {
        "DATABASE_HOST": mysql_host(env),
        "DATABASE_PORT": str(MYSQL_PORT),
        "DATABASE_NAME": service.schema,
        "DATABASE_USER": migration_user(service.schema),
        **database_tls(env),
        "DATABASE_PASSWORD_FILE": f"{SECRETS_MOUNT}/DATABASE_PASSWORD",
    }
    return Wiring(settings=dict(sorted(settings.items())), secret_keys=("DATABASE_PASSWORD",))


def database_tls(env: Environment) -> dict[str, str]:
    """How a MySQL client connects: where the environment requires TLS, every server (the
    standalone one, or the MySQL Routers in front of an InnoDB cluster) presents a certificate of
    the internal CA naming DATABASE_HOST (components/mysql/server.py), so clients verify both (PDO:
    MYSQL_ATTR_SSL_CA = DATABASE_CA_FILE, MYSQL_ATTR_SSL_VERIFY_SERVER_CERT = true)."""
    if not env.database.require_tls:
        return {"DATABASE_SSL_MODE": "PREFERRED"}
    return {"DATABASE_SSL_MODE": MYSQL_VERIFY_MODE, "DATABASE_CA_FILE": CA_FILE, "DATABASE_SSL_VERIFY_SERVER_CERT": "true"}


def redis_key_prefix(user: str) -> str:
    """The only keys a service's Redis user may touch start with this."""
    return f"{user}:"


def service_port(target: Service, port: str) -> int:
    """The port number of `target`'s Service for one of its named ports."""
    return SERVICE_HTTP_PORT if port == "http" else target.ports[port]


def service_url(target: Service, port: str, env: Environment) -> str:
    """The in-cluster URL of one of `target`'s named ports."""
    number = service_port(target, port)
    return f"http://{target.name}.{env.namespace}.svc" + ("" if number == SERVICE_HTTP_PORT else f":{number}")


def wire(service: Service, env: Environment, catalog: Catalog) -> Wiring:
    settings = {
        "APP_ENV": env.name,
        "APP_DEBUG": "1" if env.debug else "0",
        "LOG_LEVEL": env.log_level,
        "LOG_FORMAT": "json",
        "SERVICE_NAME": service.name,
        "HTTP_PORT": str(service.http_port),
        "METRICS_PORT": str(service.metrics_port),
        "METRICS_PATH": service.metrics_path,
    }
    if service.database:
        settings.update(
            {
                "DATABASE_HOST": mysql_host(env),
                "DATABASE_PORT": str(MYSQL_PORT),
                "DATABASE_NAME": service.schema,
                "DATABASE_USER": service.schema,
                **database_tls(env),
            }
        )
    if service.uses_redis:
        redis_host, redis_port = redis_endpoint(env)
        if env.cache.mode is CacheMode.CLUSTER:
            settings.update(
                {
                    "REDIS_SENTINEL_HOST": redis_host,
                    "REDIS_SENTINEL_PORT": str(redis_port),
                    "REDIS_SENTINEL_MASTER": REDIS_SENTINEL_MASTER,
                }
            )
        else:
            settings.update({"REDIS_HOST": redis_host, "REDIS_PORT": str(redis_port)})
        for usage in service.redis:
            settings[f"REDIS_{usage.purpose.upper().replace('-', '_')}_DB"] = str(usage.database)
        # The service's Redis user may touch only keys under its own prefix (components/redis/server.py); with
        # Sentinel, the same user and password authenticate to the Sentinels too.
        settings["REDIS_KEY_PREFIX"] = redis_key_prefix(service.name)
        # Redis and Sentinel serve TLS only (components/redis/server.py), with a certificate from the internal CA
        # naming the Services and the pods Sentinel hands out: verified, and its host name
        # checked against the address dialled.
        settings.update({"REDIS_TLS": "true", "REDIS_SCHEME": "rediss", "REDIS_CA_FILE": CA_FILE})
        if env.cache.requires_auth:
            settings["REDIS_USER"] = service.name
    if service.uses_rabbitmq:
        settings.update(
            {
                "RABBITMQ_HOST": rabbitmq_host(env),
                "RABBITMQ_PORT": str(AMQPS_PORT),
                # The server's certificate is the internal CA's (components/internal_tls.py): verified, and
                # its host name checked against RABBITMQ_HOST.
                "RABBITMQ_TLS": "true",
                "RABBITMQ_SCHEME": "amqps",
                "RABBITMQ_CA_FILE": CA_FILE,
                "RABBITMQ_VHOST": RABBITMQ_VHOST,
                "RABBITMQ_USER": service.name,
                "RABBITMQ_EXCHANGE": EVENTS_EXCHANGE,
                # The Topology Operator owns exchanges and queues, and the services' users may
                # configure nothing (components/rabbitmq/broker.py): a client that declares them must do so
                # passively, which checks they exist and needs no configure permission.
                "RABBITMQ_DECLARE": "passive",
            }
        )
        if service.consumes:
            settings["RABBITMQ_QUEUE"] = service.queue
    for call in service.call_targets:
        variable = call.service.upper().replace("-", "_")
        suffix = "" if call.port == "http" else f"_{call.port.upper()}"
        settings[f"{variable}{suffix}_URL"] = service_url(catalog.get(call.service), call.port, env)
    if service.is_entry_point:
        # The routing table: the longest matching prefix wins (the table lists it first).
        settings["ROUTES"] = json.dumps({prefix: service_url(target, "http", env) for prefix, target in catalog.routes})
    settings.update(service.settings)
    keys = secret_keys(service, env)
    for key in keys:
        settings[f"{key}_FILE"] = f"{SECRETS_MOUNT}/{key}"
    return Wiring(settings=dict(sorted(settings.items())), secret_keys=keys)
