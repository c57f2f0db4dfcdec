"""Redis's network policy: its clients (the services that declare Redis in the catalog),
Prometheus on the exporter, and replication and Sentinel between its own pods."""

from __future__ import annotations

from ecommerce.derived.endpoints import REDIS, REDIS_EXPORTER_PORT, redis_client_ports
from ecommerce.derived.flows import Peer, Policy, Rule, pods_of, ports, prometheus
from ecommerce.derived.labels import selector
from ecommerce.model.catalog import Catalog
from ecommerce.model.environments import CacheMode, Environment


def redis_policies(env: Environment, catalog: Catalog) -> list[Policy]:
    users = catalog.redis_users
    if not users:
        return []
    own = Peer(env.namespace, selector(env, REDIS))
    ingress = [
        Rule(pods_of(env, users), ports(*redis_client_ports(env)), "services that declare Redis in the catalog"),
        Rule((prometheus(env),), ports(REDIS_EXPORTER_PORT), "Prometheus scrapes redis_exporter"),
    ]
    egress = []
    if env.cache.mode is CacheMode.CLUSTER:
        ingress.append(Rule((own,), ports(*redis_client_ports(env)), "replication and Sentinel between Redis pods"))
        egress.append(Rule((own,), ports(*redis_client_ports(env)), "replication and Sentinel between Redis pods"))
    return [Policy(REDIS, env.namespace, selector(env, REDIS), tuple(ingress), tuple(egress), "cache", REDIS)]
