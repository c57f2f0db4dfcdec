"""Every Secret the platform needs, derived from the catalog and the environment.

A secret value is never written here: each key names where its value lives in the secret
store (`Remote`), or is a non-secret literal (a user name), or a file built around one
remote value (`Derived`). The Secrets construct renders these specs as ExternalSecrets
(staging, prod); without a secret store (dev), dev_secrets.py makes them on the cluster with
random values, never in dist/. Two Secrets that must agree, such as a service's RabbitMQ
password and the RabbitMQ user's import secret, read the same remote value, so they agree in
every environment.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

from ecommerce.derived import backups
from ecommerce.derived.endpoints import MYSQL_PORT
from ecommerce.derived.wiring import migration_user, secret_keys
from ecommerce.model.catalog import Catalog, Service
from ecommerce.model.environments import CacheMode, Environment

MYSQL_ROOT_SECRET = "mysql-root-credentials"
# Every MySQL user's password, keyed by user name, for the job that keeps the users; with an
# external store also each one's next password (`<user>.next`, where a rotation starts), and
# the job's own login.
MYSQL_ACCOUNTS_SECRET = "mysql-accounts"
MYSQL_ADMIN_KEY = "admin"
NEXT_PASSWORD_SUFFIX = ".next"
MYSQL_EXPORTER_SECRET = "mysql-exporter"
REDIS_SECRET = "redis-credentials"
ALERTMANAGER_SECRET = "alertmanager-receivers"
GRAFANA_ADMIN_SECRET = "grafana-admin"
# The Messaging Topology Operator only imports user credentials from Secrets so labelled.
RABBITMQ_IMPORT_LABEL = {"rabbitmq.com/topology-operator": "true"}
# Redis ACL users of the replicas (to their primary) and of the Sentinels (to Redis and to
# each other), beside one user per service.
REDIS_REPLICATION_USER = "replication"
REDIS_SENTINEL_USER = "sentinel"


def rabbitmq_user_secret(service: Service) -> str:
    return f"rabbitmq-user-{service.name}"


def redis_password(user: str) -> Remote:
    return Remote(f"redis/users/{user}", "password")


def redis_secret_users(env: Environment, clients: Iterable[str]) -> tuple[str, ...]:
    """The Redis ACL users whose password is a key (of the same name) of the redis-credentials
    Secret: every client service, and with Sentinel the replicas' and the Sentinels' own."""
    users = list(clients)
    if env.cache.mode is CacheMode.CLUSTER:
        users += [REDIS_REPLICATION_USER, REDIS_SENTINEL_USER]
    return tuple(users)


@dataclass(frozen=True)
class Remote:
    """A value in the secret store: field `field_name` of the entry `<env prefix>/<key>` (an
    ExternalSecret's remoteRef `property`; not so named here, where it would shadow the builtin)."""

    key: str
    field_name: str

    @property
    def alias(self) -> str:
        """A name for the value usable as a template variable."""
        return f"{self.key}/{self.field_name}".replace("/", "_").replace("-", "_").replace(".", "_")


@dataclass(frozen=True)
class Derived:
    """A value built around one remote value; `template` holds `{value}` where it goes."""

    template: str
    source: Remote


Value = Remote | Derived | str


@dataclass(frozen=True)
class SecretSpec:
    name: str
    namespace: str
    # The app.kubernetes.io/name of what the secret belongs to.
    owner: str
    component: str
    data: Mapping[str, Value] = field(default_factory=dict)
    # Labels the Secret itself must carry for whatever reads it.
    extra_labels: Mapping[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        object.__setattr__(self, "data", MappingProxyType(dict(self.data)))
        object.__setattr__(self, "extra_labels", MappingProxyType(dict(self.extra_labels)))

    @property
    def remotes(self) -> tuple[Remote, ...]:
        """The distinct remote values this secret reads, in first-use order."""
        seen: dict[Remote, None] = {}
        for value in self.data.values():
            if isinstance(value, Remote):
                seen[value] = None
            elif isinstance(value, Derived):
                seen[value.source] = None
        return tuple(seen)


def _service_value(service: Service, key: str) -> Remote:
    from_dependencies = {
        "DATABASE_PASSWORD": database_password(service),
        "REDIS_PASSWORD": redis_password(service.name),
        "RABBITMQ_PASSWORD": Remote(f"rabbitmq/users/{service.name}", "password"),
        "SMTP_PASSWORD": Remote("smtp", "password"),
    }
    if key in from_dependencies:
        return from_dependencies[key]
    owner = {k: o for o, k in service.secret_refs}.get(key, service.name)
    return Remote(f"services/{owner}", key.lower().replace("_", "-"))


def database_password(service: Service) -> Remote:
    return mysql_password(service.schema)


def mysql_password(user: str, stage: str = "password") -> Remote:
    """A MySQL user's password (`password`), or the one a rotation moves it to (`next`)."""
    return Remote(f"mysql/users/{user}", stage)


def migration_secret(service: Service) -> str:
    """The Secret of a service's migration job (never mounted by its Deployment)."""
    return f"{service.name}-migrations"


def _mysql_accounts(env: Environment, catalog: Catalog) -> dict[str, Value]:
    users = [name for service in catalog if service.database for name in (service.schema, migration_user(service.schema))]
    if not env.database.operator_managed:
        # Our standalone server's exporter; the operator runs its own metrics user.
        users.append("exporter")
    accounts: dict[str, Value] = {MYSQL_ADMIN_KEY: Remote("mysql/admin", "password")}
    for user in users:
        accounts[user] = Remote("mysql/exporter", "password") if user == "exporter" else mysql_password(user)
        if env.secrets.external and user != "exporter":
            accounts[user + NEXT_PASSWORD_SUFFIX] = mysql_password(user, "next")
    return accounts


def service_secret(service: Service, env: Environment) -> SecretSpec:
    return SecretSpec(
        name=service.secret_name,
        namespace=env.namespace,
        owner=service.name,
        component="backend",
        data={key: _service_value(service, key) for key in secret_keys(service, env)},
    )


def secret_specs(env: Environment, catalog: Catalog) -> tuple[SecretSpec, ...]:
    """Every Secret of the environment: data stores first, then one per service."""
    specs = [
        SecretSpec(
            name=MYSQL_ROOT_SECRET,
            namespace=env.data_namespace,
            owner="mysql",
            component="database",
            # The key names the MySQL Operator expects; the standalone server reads rootPassword.
            # Root logs in from inside the server's pod only (the accounts Job has an admin).
            data={"rootUser": "root", "rootHost": "localhost", "rootPassword": Remote("mysql/root", "password")},
        ),
    ]
    if not env.database.operator_managed:
        exporter_password = Remote("mysql/exporter", "password")
        specs.append(
            SecretSpec(
                name=MYSQL_EXPORTER_SECRET,
                namespace=env.data_namespace,
                owner="mysql",
                component="database",
                data={
                    "my.cnf": Derived(
                        f"[client]\nuser=exporter\npassword={{value}}\nhost=127.0.0.1\nport={MYSQL_PORT}\n", exporter_password
                    )
                },
            )
        )
    specs.append(
        SecretSpec(
            name=MYSQL_ACCOUNTS_SECRET,
            namespace=env.data_namespace,
            owner="mysql-accounts",
            component="database-setup",
            data=_mysql_accounts(env, catalog),
        )
    )
    backup = env.database.backup
    if backup is not None:
        # Two AWS identities (backups.py has their policies): the operator's backup Jobs may
        # write dumps, the retention CronJob may lock and delete them; each value is an AWS
        # credentials file (profile "default").
        specs += [
            SecretSpec(
                name=backups.STORAGE_SECRET,
                namespace=env.data_namespace,
                owner="mysql-backups",
                component="database-backup",
                data={
                    "credentials": Remote("mysql/backups/writer", "credentials"),
                    "config": backups.aws_config(backup.bucket),
                },
            ),
            SecretSpec(
                name=backups.RETENTION,
                namespace=env.data_namespace,
                owner=backups.RETENTION,
                component="database-backup",
                data={"credentials": Remote("mysql/backups/retention", "credentials")},
            ),
        ]
    if env.cache.requires_auth:
        specs.append(
            SecretSpec(
                name=REDIS_SECRET,
                namespace=env.namespace,
                owner="redis",
                component="cache",
                data={
                    user: redis_password(user)
                    for user in redis_secret_users(env, (service.name for service in catalog.redis_users))
                },
            )
        )
    for service in catalog.rabbitmq_users:
        specs.append(
            SecretSpec(
                name=rabbitmq_user_secret(service),
                namespace=env.messaging_namespace,
                owner="rabbitmq",
                component="messaging",
                # The keys the Messaging Topology Operator imports a user's credentials from.
                data={"username": service.name, "password": Remote(f"rabbitmq/users/{service.name}", "password")},
                extra_labels=RABBITMQ_IMPORT_LABEL,
            )
        )
    if env.monitoring.dashboards:
        specs.append(
            SecretSpec(
                name=GRAFANA_ADMIN_SECRET,
                namespace=env.monitoring_namespace,
                owner="grafana",
                component="monitoring",
                data={"admin-user": "admin", "admin-password": Remote("grafana/admin", "password")},
            )
        )
    if env.monitoring.alerting:
        specs.append(
            SecretSpec(
                name=ALERTMANAGER_SECRET,
                namespace=env.monitoring_namespace,
                owner="alertmanager",
                component="monitoring",
                data={
                    "slack-webhook-url": Remote("alerting/slack", "webhook-url"),
                    "webhook-url": Remote("alerting/webhook", "url"),
                    "smtp-password": Remote("smtp", "password"),
                },
            )
        )
    specs.extend(service_secret(service, env) for service in catalog)
    specs.extend(
        SecretSpec(
            name=migration_secret(service),
            namespace=env.namespace,
            owner=service.name,
            component="database-migrations",
            # The key the application reads its password from; the user name is in the README.
            data={"DATABASE_PASSWORD": mysql_password(migration_user(service.schema))},
        )
        for service in catalog
        if service.database
    )
    return tuple(specs)
