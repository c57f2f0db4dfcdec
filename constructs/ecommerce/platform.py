"""One cdk8s App per environment: charts in Argo CD sync-wave order, filled from the model."""

from __future__ import annotations

import cdk8s

from .catalog import Catalog, Service
from .credentials import secret_specs
from .edge import ACME_SOLVER_FOOTPRINT, ClusterIssuer, Edge
from .environments import Environment
from .microservice import Microservice, MicroserviceProps
from .monitoring.stack import Observability
from .mysql import MySql, MySqlProps
from .namespaces import Namespaces
from .network import NetworkPolicies, network_policies
from .quotas import NamespaceLimits
from .rabbitmq import RabbitMq, RabbitMqProps
from .rbac import DeveloperAccess
from .redis import Redis, RedisProps
from .releases import Release
from .secrets import ClusterSecretStore, Credentials
from .wiring import wire

# Each chart is one Argo CD sync wave and one file named after it ("20-data.k8s.yaml"), so
# `kubectl apply -f dist/<env>` (files in name order) and Argo CD create things in the same
# order: namespaces and policies, then secrets, data stores, services, edge, monitoring.
WAVES = ("foundation", "secrets", "data", "services", "edge", "monitoring")


class WaveChart(cdk8s.Chart):
    def __init__(self, scope: cdk8s.App, id: str, env: Environment, wave: int) -> None:
        super().__init__(scope, id, disable_resource_name_hashes=True)
        self.env = env
        self.wave = wave


class EcommercePlatform:
    """Builds every chart of one environment inside `app`."""

    def __init__(self, app: cdk8s.App, env: Environment, catalog: Catalog, release: Release) -> None:
        self.env = env
        self.catalog = catalog
        self.release = release
        self.charts: dict[str, WaveChart] = {}
        self._app = app
        platform = release.platform
        foundation = self.chart("foundation")
        Namespaces(foundation, "namespaces", env)
        NetworkPolicies(foundation, "network-policies", env, network_policies(env, catalog))
        DeveloperAccess(foundation, "developer-access", env)
        if env.secrets.external:
            ClusterSecretStore(foundation, "secret-store", env)
        if env.tls.enabled:
            ClusterIssuer(foundation, "cluster-issuer", env)
        Credentials(self.chart("secrets"), "credentials", env, secret_specs(env, catalog))
        data = self.chart("data")
        MySql(
            data,
            "mysql",
            env,
            MySqlProps(
                schemas=tuple(service.schema for service in catalog if service.database),
                image=platform["mysql"],
                exporter_image=platform["mysqld-exporter"],
            ),
        )
        footprints = []
        redis_users = catalog.using("uses_redis")
        if redis_users:
            databases = tuple(sorted(usage.database for service in redis_users for usage in service.redis))
            redis = Redis(data, "redis", env, RedisProps(platform["redis"], platform["redis-exporter"], databases))
            footprints.append(redis.footprint)
        RabbitMq(data, "rabbitmq", env, RabbitMqProps(catalog, platform["rabbitmq"]))
        self.services = {service.name: self._microservice(service) for service in catalog}
        footprints.extend(service.footprint for service in self.services.values())
        if env.tls.enabled:
            footprints.append(ACME_SOLVER_FOOTPRINT)
        NamespaceLimits(foundation, "limits", env, tuple(footprints))
        Edge(self.chart("edge"), "edge", env, catalog.gateway.name)
        Observability(self.chart("monitoring"), "observability", env, catalog)

    def _microservice(self, service: Service) -> Microservice:
        wiring = wire(service, self.env, self.catalog)
        props = MicroserviceProps(
            service=service,
            image=self.release.image(service.name),
            settings=wiring.settings,
            secret_keys=wiring.secret_keys,
        )
        return Microservice(self.chart("services"), service.name, self.env, props)

    def chart(self, name: str) -> WaveChart:
        """The chart of a wave, created on first use."""
        if name not in self.charts:
            wave = WAVES.index(name)
            self.charts[name] = WaveChart(self._app, f"{wave}0-{name}", self.env, wave)
        return self.charts[name]
