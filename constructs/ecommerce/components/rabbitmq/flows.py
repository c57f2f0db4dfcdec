"""RabbitMQ's network policy: the services that publish or consume events (AMQPS only),
clustering between its nodes, the operators on the management API, Prometheus, and the
management UI through Traefik where admins may reach it."""

from __future__ import annotations

from ecommerce.derived.endpoints import (
    AMQPS_PORT,
    RABBITMQ,
    RABBITMQ_CLUSTERING_PORTS,
    RABBITMQ_MANAGEMENT_PORT,
    RABBITMQ_PROMETHEUS_PORT,
)
from ecommerce.derived.flows import Peer, Policy, Port, Rule, api_server, pods_of, ports, prometheus, traefik
from ecommerce.model.catalog import Catalog
from ecommerce.model.environments import Environment
from ecommerce.model.installed_add_ons import RABBITMQ_CLUSTER_OPERATOR, RABBITMQ_TOPOLOGY_OPERATOR


def rabbitmq_policies(env: Environment, catalog: Catalog) -> list[Policy]:
    pods = {"app.kubernetes.io/name": RABBITMQ}
    own = Peer(env.messaging_namespace, pods)
    clustering = tuple(Port(port, end) for port, end in RABBITMQ_CLUSTERING_PORTS)
    operators = tuple(Peer(addon.namespace, addon.pods) for addon in (RABBITMQ_CLUSTER_OPERATOR, RABBITMQ_TOPOLOGY_OPERATOR))
    ingress = [
        Rule(pods_of(env, catalog.rabbitmq_users), ports(AMQPS_PORT), "services that publish or consume events (TLS only)"),
        Rule((own,), clustering, "clustering between nodes"),
        Rule(operators, ports(RABBITMQ_MANAGEMENT_PORT), "the operators manage users and topology over the HTTP API"),
        Rule((prometheus(env),), ports(RABBITMQ_PROMETHEUS_PORT), "Prometheus scrapes the rabbitmq_prometheus plugin"),
    ]
    if env.admin_source_ranges:
        ingress.append(Rule((traefik(env),), ports(RABBITMQ_MANAGEMENT_PORT), "management UI, through Traefik's IP allow-list"))
    egress = (
        Rule((own,), clustering, "clustering between nodes"),
        api_server(env, "peer discovery through the Kubernetes API"),
    )
    return [Policy(RABBITMQ, env.messaging_namespace, pods, tuple(ingress), egress, "messaging", RABBITMQ)]
