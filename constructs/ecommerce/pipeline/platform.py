"""The charts of one environment, in Argo CD sync-wave order, filled from the model."""

from __future__ import annotations

import cdk8s

from ecommerce.components.credentials import ClusterSecretStore, Credentials, CredentialsProps
from ecommerce.components.edge.flows import acme_solver_policies
from ecommerce.components.edge.routes import ACME_SOLVER_FOOTPRINT, ClusterIssuer, Edge, EdgeProps
from ecommerce.components.internal_tls import InternalCa
from ecommerce.components.log_shipping import CHART, LogShipper
from ecommerce.components.microservice import Microservice, MicroserviceProps, microservice_footprint
from ecommerce.components.monitoring.flows import monitoring_policies
from ecommerce.components.monitoring.stack import Observability, ObservabilityProps
from ecommerce.components.mysql.flows import mysql_policies
from ecommerce.components.mysql.server import MySql, MySqlProps
from ecommerce.components.namespaces import Namespaces
from ecommerce.components.network_policies import NetworkPolicies
from ecommerce.components.quotas import NamespaceLimits
from ecommerce.components.rabbitmq.broker import RabbitMq, RabbitMqProps
from ecommerce.components.rabbitmq.flows import rabbitmq_policies
from ecommerce.components.rbac import DeveloperAccess
from ecommerce.components.redis.flows import redis_policies
from ecommerce.components.redis.server import Redis, RedisProps, redis_footprint
from ecommerce.derived.flows import Policy, namespace_policies, service_policy
from ecommerce.derived.secret_specs import secret_specs
from ecommerce.derived.waves import WAVES
from ecommerce.derived.wiring import wire
from ecommerce.model.catalog import Catalog
from ecommerce.model.environments import Environment
from ecommerce.model.releases import Release


def network_policies(env: Environment, catalog: Catalog) -> tuple[Policy, ...]:
    """Deny-all in every namespace, then what each service (from the catalog) and each component needs."""
    return (
        *namespace_policies(env),
        *(service_policy(env, catalog, service) for service in catalog),
        *redis_policies(env, catalog),
        *mysql_policies(env, catalog),
        *rabbitmq_policies(env, catalog),
        *monitoring_policies(env, catalog),
        *(acme_solver_policies(env) if env.tls.enabled else ()),
    )


class WaveChart(cdk8s.Chart):
    def __init__(self, scope: cdk8s.App, id: str, env: Environment, wave: int) -> None:
        super().__init__(scope, id, disable_resource_name_hashes=True)
        self.env = env
        self.wave = wave


class EcommercePlatform:
    """Builds the charts of one environment inside `app`, one per wave."""

    def __init__(
        self,
        app: cdk8s.App,
        env: Environment,
        catalog: Catalog,
        release: Release,
    ) -> None:
        self.env = env
        self.catalog = catalog
        self.release = release
        builders = {
            "foundation": self._foundation,
            "secrets": self._secrets,
            "data": self._data,
            "services": self._services,
            "edge": self._edge,
            "monitoring": self._monitoring,
        }
        for number, wave in enumerate(WAVES):
            builders[wave](WaveChart(app, f"{number}0-{wave}", env, number))
        if env.log_shipping is not None:
            # A chart of its own, which the Argo CD add-ons' project delivers (components/log_shipping.py).
            LogShipper(WaveChart(app, CHART, env, len(WAVES)), "log-shipping", env)

    def _foundation(self, chart: WaveChart) -> None:
        env, catalog = self.env, self.catalog
        Namespaces(chart, "namespaces", env)
        NetworkPolicies(chart, "network-policies", env, network_policies(env, catalog))
        DeveloperAccess(chart, "developer-access", env)
        if env.secrets.external:
            ClusterSecretStore(chart, "secret-store", env)
        if env.tls.enabled:
            ClusterIssuer(chart, "cluster-issuer", env)
        # Before the data wave: its servers' certificates need the CA issuer; the services'
        # pods and Prometheus (scraping RabbitMQ, from the ServiceMonitor's namespace) the CA
        # certificate.
        InternalCa(chart, "internal-ca", env, (env.namespace, env.messaging_namespace))
        # Sized from what the other waves will run, known from the model alone.
        footprints = [redis_footprint(env)] if catalog.redis_users else []
        footprints.extend(microservice_footprint(env) for _ in catalog)
        if env.tls.enabled:
            footprints.append(ACME_SOLVER_FOOTPRINT)
        NamespaceLimits(chart, "limits", env, tuple(footprints))

    def _secrets(self, chart: WaveChart) -> None:
        Credentials(chart, "credentials", self.env, CredentialsProps(secret_specs(self.env, self.catalog)))

    def _data(self, chart: WaveChart) -> None:
        env, catalog, platform = self.env, self.catalog, self.release.platform
        MySql(
            chart,
            "mysql",
            env,
            MySqlProps(
                schemas=tuple(service.schema for service in catalog if service.database),
                image=platform["mysql"],
                exporter_image=platform["mysqld-exporter"],
            ),
        )
        redis_users = catalog.redis_users
        if redis_users:
            databases = tuple(sorted(usage.database for service in redis_users for usage in service.redis))
            clients = tuple(service.name for service in redis_users)
            Redis(chart, "redis", env, RedisProps(platform["redis"], platform["redis-exporter"], databases, clients))
        RabbitMq(chart, "rabbitmq", env, RabbitMqProps(catalog, platform["rabbitmq"]))

    def _services(self, chart: WaveChart) -> None:
        for service in self.catalog:
            wiring = wire(service, self.env, self.catalog)
            props = MicroserviceProps(
                service=service,
                image=self.release.image(service.name),
                settings=wiring.settings,
                secret_keys=wiring.secret_keys,
            )
            Microservice(chart, service.name, self.env, props)

    def _edge(self, chart: WaveChart) -> None:
        Edge(chart, "edge", self.env, EdgeProps(gateway=self.catalog.gateway.name))

    def _monitoring(self, chart: WaveChart) -> None:
        Observability(chart, "observability", self.env, ObservabilityProps(self.catalog))
