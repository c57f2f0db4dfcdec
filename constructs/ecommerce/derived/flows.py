"""Network flows as plain data: who may talk to whom, on which ports, and why.

Every namespace the platform owns denies everything (namespace_policies); each component
then contributes the policies of its own pods beside its construct (components/<component>/
flows.py: mysql, redis, rabbitmq, edge, monitoring), and each service's come from the catalog
(service_policy). pipeline/platform.network_policies gathers them, and the NetworkPolicies
construct (components/network_policies.py) renders them.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from ecommerce.derived.endpoints import AMQPS_PORT, RABBITMQ, REDIS, mysql_client_pods, mysql_client_port, redis_client_ports
from ecommerce.derived.labels import selector
from ecommerce.errors import require
from ecommerce.model.catalog import Catalog, Service
from ecommerce.model.environments import Environment
from ecommerce.model.installed_add_ons import KUBE_DNS, PROMETHEUS_PODS, TRAEFIK_PODS

# Outside the cluster: anything but private, link-local and metadata addresses.
PRIVATE_RANGES = ("10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "169.254.0.0/16", "100.64.0.0/10")
# The API server as pods reach it (the kubernetes Service, and its endpoints' port).
API_SERVER_PORTS = (443, 6443)
KUBELET_PORT = 10250


@dataclass(frozen=True)
class Peer:
    """Pods in a namespace (None: the policy's own), all of them if `pods` is None; or an address block."""

    namespace: str | None = None
    pods: Mapping[str, str] | None = None
    cidr: str | None = None
    excluded: tuple[str, ...] = ()
    # Label keys the pods must carry, and must not carry: for pods made by others, whose only
    # mark is the absence of ours.
    having: tuple[str, ...] = ()
    lacking: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        selects_pods = self.namespace is not None or self.pods is not None or self.having or self.lacking
        require(not (self.cidr is not None and selects_pods), "network peer", "either pods or an address block, not both")


@dataclass(frozen=True)
class Port:
    port: int
    end_port: int | None = None
    protocol: str = "TCP"


@dataclass(frozen=True)
class Rule:
    peers: tuple[Peer, ...]
    ports: tuple[Port, ...]
    # Why this traffic is allowed, for readers of the policy.
    reason: str = ""


@dataclass(frozen=True)
class Policy:
    name: str
    namespace: str
    # The pods it applies to; empty: every pod of the namespace (narrowed by `pods_having`
    # and `pods_lacking`, label keys they must and must not carry).
    pods: Mapping[str, str]
    ingress: tuple[Rule, ...] = ()
    egress: tuple[Rule, ...] = ()
    component: str = "network-policy"
    owner: str = "network"
    types: tuple[str, ...] = field(default=("Ingress", "Egress"))
    pods_having: tuple[str, ...] = ()
    pods_lacking: tuple[str, ...] = ()


def ports(*numbers: int) -> tuple[Port, ...]:
    return tuple(Port(number) for number in numbers)


def outside() -> Peer:
    return Peer(cidr="0.0.0.0/0", excluded=PRIVATE_RANGES)


def infrastructure(env: Environment) -> tuple[Peer, ...]:
    """The cluster's API server and nodes (environments.TargetCluster.infrastructure)."""
    return tuple(Peer(cidr=cidr) for cidr in env.target_cluster.infrastructure)


def api_server(env: Environment, reason: str) -> Rule:
    return Rule(infrastructure(env), ports(*API_SERVER_PORTS), reason)


def prometheus(env: Environment) -> Peer:
    return Peer(env.monitoring_namespace, PROMETHEUS_PODS)


def traefik(env: Environment) -> Peer:
    return Peer(env.ingress_namespace, TRAEFIK_PODS)


def pods_of(env: Environment, services: tuple[Service, ...]) -> tuple[Peer, ...]:
    return tuple(Peer(env.namespace, selector(env, service.name)) for service in services)


def namespace_policies(env: Environment) -> list[Policy]:
    """Every namespace the platform owns denies all traffic, but name resolution."""
    policies: list[Policy] = []
    for namespace in env.owned_namespaces:
        policies.append(Policy("default-deny", namespace, {}))
        policies.append(
            Policy(
                "allow-dns",
                namespace,
                {},
                egress=(
                    Rule(
                        (Peer(KUBE_DNS.namespace, KUBE_DNS.pods),),
                        (Port(53, protocol="UDP"), Port(53, protocol="TCP")),
                        "name resolution through kube-dns",
                    ),
                ),
                types=("Egress",),
            )
        )
    return policies


def service_policy(env: Environment, catalog: Catalog, service: Service) -> Policy:
    ingress = []
    callers = catalog.callers_of(service.name)
    for port_name in sorted({call.port for _, call in callers}):
        peers = tuple(Peer(env.namespace, selector(env, caller.name)) for caller, call in callers if call.port == port_name)
        ingress.append(Rule(peers, ports(service.ports[port_name]), f"{port_name} calls declared in the catalog"))
    if service.is_entry_point:
        ingress.append(Rule((traefik(env),), ports(service.http_port), "the public entry point, through Traefik only"))
    ingress.append(Rule((prometheus(env),), ports(service.metrics_port), "Prometheus scrapes the metrics port"))
    egress = []
    for call in service.call_targets:
        target = catalog.get(call.service)
        egress.append(
            Rule((Peer(env.namespace, selector(env, target.name)),), ports(target.ports[call.port]), f"calls {target.name}")
        )
    if service.database:
        egress.append(
            Rule((Peer(env.data_namespace, mysql_client_pods(env)),), ports(mysql_client_port(env)), "its MySQL schema")
        )
    if service.uses_redis:
        egress.append(Rule((Peer(env.namespace, selector(env, REDIS)),), ports(*redis_client_ports(env)), "Redis"))
    if service.uses_rabbitmq:
        egress.append(
            Rule(
                (Peer(env.messaging_namespace, {"app.kubernetes.io/name": RABBITMQ}),),
                ports(AMQPS_PORT),
                "RabbitMQ (AMQP over TLS)",
            )
        )
    for endpoint in service.egress:
        egress.append(Rule((Peer(cidr=endpoint.cidr, excluded=PRIVATE_RANGES),), ports(endpoint.port), endpoint.name))
    return Policy(
        service.name,
        env.namespace,
        selector(env, service.name),
        tuple(ingress),
        tuple(egress),
        component="backend",
        owner=service.name,
    )
