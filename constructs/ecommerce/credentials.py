"""Every Secret the platform needs, derived from the catalog and the environment.

A secret value is never written here: each key names where its value lives in the secret
store (`Remote`), or is a non-secret literal (a user name), or a file built around one
remote value (`Derived`). The Secrets construct renders these specs as ExternalSecrets
(staging, prod) or as plain Secrets with obviously dev-only values (dev). Two Secrets that
must agree, such as a service's RabbitMQ password and the RabbitMQ user's import secret,
read the same remote value, so they agree in every environment.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

from .catalog import Catalog, Service
from .environments import Environment
from .wiring import secret_keys

MYSQL_ROOT_SECRET = "mysql-root-credentials"
# Every service's database password, keyed by schema, for the job that creates the users.
MYSQL_ACCOUNTS_SECRET = "mysql-accounts"
MYSQL_EXPORTER_SECRET = "mysql-exporter"
REDIS_SECRET = "redis-credentials"
ALERTMANAGER_SECRET = "alertmanager-receivers"
GRAFANA_ADMIN_SECRET = "grafana-admin"
# The Messaging Topology Operator only imports user credentials from Secrets so labelled.
RABBITMQ_IMPORT_LABEL = {"rabbitmq.com/topology-operator": "true"}
REDIS_EXPORTER_PASSWORDS = "exporter-passwords.json"


def rabbitmq_user_secret(service: Service) -> str:
    return f"rabbitmq-user-{service.name}"


@dataclass(frozen=True)
class Remote:
    """A value in the secret store: `<env prefix>/<key>`, field `property`."""

    key: str
    property: str

    @property
    def alias(self) -> str:
        """A name for the value usable as a template variable."""
        return f"{self.key}/{self.property}".replace("/", "_").replace("-", "_").replace(".", "_")


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
        "REDIS_PASSWORD": Remote("redis", "password"),
        "RABBITMQ_PASSWORD": Remote(f"rabbitmq/users/{service.name}", "password"),
        "SMTP_PASSWORD": Remote("smtp", "password"),
    }
    if key in from_dependencies:
        return from_dependencies[key]
    owner = {k: o for o, k in service.secret_refs}.get(key, service.name)
    return Remote(f"services/{owner}", key.lower().replace("_", "-"))


def database_password(service: Service) -> Remote:
    return Remote(f"mysql/users/{service.schema}", "password")


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
    redis_password = Remote("redis", "password")
    accounts: dict[str, Value] = {service.schema: database_password(service) for service in catalog if service.database}
    specs = [
        SecretSpec(
            name=MYSQL_ROOT_SECRET,
            namespace=env.data_namespace,
            owner="mysql",
            component="database",
            # The key names the MySQL Operator expects; the standalone server reads rootPassword.
            data={"rootUser": "root", "rootHost": "%", "rootPassword": Remote("mysql/root", "password")},
        ),
    ]
    if not env.database.operator_managed:
        # Our standalone server's exporter; the operator runs its own metrics user.
        exporter_password = Remote("mysql/exporter", "password")
        accounts["exporter"] = exporter_password
        specs.append(
            SecretSpec(
                name=MYSQL_EXPORTER_SECRET,
                namespace=env.data_namespace,
                owner="mysql",
                component="database",
                data={
                    "my.cnf": Derived("[client]\nuser=exporter\npassword={value}\nhost=127.0.0.1\nport=3306\n", exporter_password)
                },
            )
        )
    specs.append(
        SecretSpec(
            name=MYSQL_ACCOUNTS_SECRET,
            namespace=env.data_namespace,
            owner="mysql-accounts",
            component="database-setup",
            data=accounts,
        )
    )
    if env.cache.requires_auth:
        specs.append(
            SecretSpec(
                name=REDIS_SECRET,
                namespace=env.namespace,
                owner="redis",
                component="cache",
                data={
                    "password": redis_password,
                    # redis_exporter reads passwords from a JSON file keyed by server URI.
                    REDIS_EXPORTER_PASSWORDS: Derived('{{"redis://localhost:6379": "{value}"}}', redis_password),
                },
            )
        )
    for service in catalog.using("uses_rabbitmq"):
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
    return tuple(specs)
