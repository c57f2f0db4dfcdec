"""Network policies: deny by default, allow only what the catalog and data stores need."""

from __future__ import annotations

import dataclasses

import pytest

from ecommerce.components.network_policies import NetworkPolicies
from ecommerce.derived.flows import Peer, Policy
from ecommerce.errors import ConfigError
from ecommerce.model.catalog import CATALOG, Catalog
from ecommerce.model.environments import DEV, ENVIRONMENTS, PROD, STAGING
from ecommerce.pipeline.platform import network_policies

from .helpers import of_kind, synth


def policy(policies: tuple[Policy, ...], namespace: str, name: str) -> Policy:
    (match,) = [p for p in policies if p.namespace == namespace and p.name == name]
    return match


def peers(rules) -> set[tuple[str | None, tuple]]:
    return {(peer.namespace, tuple(sorted((peer.pods or {}).items()))) for rule in rules for peer in rule.peers}


def service_pods(env, name):
    return (env.namespace, (("app.kubernetes.io/instance", f"e-commerce-{env.name}"), ("app.kubernetes.io/name", name)))


def allowed_ports(rules, peer) -> set[int]:
    return {port.port for rule in rules if peer in peers((rule,)) for port in rule.ports}


@pytest.mark.parametrize("env", list(ENVIRONMENTS.values()), ids=list(ENVIRONMENTS))
def test_every_owned_namespace_denies_by_default_and_resolves_names(env):
    policies = network_policies(env, CATALOG)
    for namespace in env.owned_namespaces:
        deny = policy(policies, namespace, "default-deny")
        assert deny.pods == {} and deny.ingress == () and deny.egress == ()
        assert set(deny.types) == {"Ingress", "Egress"}
        dns = policy(policies, namespace, "allow-dns")
        assert peers(dns.egress) == {("kube-system", (("k8s-app", "kube-dns"),))}
        assert {(p.port, p.protocol) for p in dns.egress[0].ports} == {(53, "UDP"), (53, "TCP")}


def test_only_traefik_reaches_the_gateway_from_outside_the_namespace():
    gateway = policy(network_policies(PROD, CATALOG), "e-commerce-prod", "api-gateway")
    sources = peers(gateway.ingress)
    assert ("traefik", (("app.kubernetes.io/name", "traefik"),)) in sources
    outside = {namespace for namespace, _ in sources} - {"e-commerce-prod"}
    assert outside == {"traefik", "monitoring"}
    assert allowed_ports(gateway.ingress, ("monitoring", (("app.kubernetes.io/name", "prometheus"),))) == {9090}


def test_services_are_reached_only_by_their_declared_callers():
    policies = network_policies(PROD, CATALOG)
    addresses = policy(policies, "e-commerce-prod", "addresses")
    callers = {pods[1][1] for namespace, pods in peers(addresses.ingress) if namespace == "e-commerce-prod"}
    assert callers == {"api-gateway", "orders", "deliveries"}
    assert allowed_ports(addresses.ingress, service_pods(PROD, "orders")) == {8080}


def test_data_stores_are_reached_only_by_their_users():
    policies = network_policies(PROD, CATALOG)
    redis = policy(policies, "e-commerce-prod", "redis")
    users = {pods[1][1] for namespace, pods in peers(redis.ingress) if namespace == "e-commerce-prod" and pods}
    # Its users, and the other Redis pods (replication, Sentinel).
    assert users == {s.name for s in CATALOG.redis_users} | {"redis"}
    assert {"auth", "baskets"} <= users and "orders" not in users
    rabbitmq = policy(policies, "e-commerce-messaging", "rabbitmq")
    clients = {pods[1][1] for namespace, pods in peers(rabbitmq.ingress) if namespace == "e-commerce-prod"}
    assert clients == {s.name for s in CATALOG.rabbitmq_users}
    assert "addresses" not in clients
    router = policy(policies, "e-commerce-data", "mysql-router")
    assert allowed_ports(router.ingress, service_pods(PROD, "orders")) == {6446}
    dev_mysql = policy(network_policies(DEV, CATALOG), "e-commerce-data", "mysql")
    assert allowed_ports(dev_mysql.ingress, service_pods(DEV, "orders")) == {3306}


def test_operators_reach_what_they_manage():
    policies = network_policies(PROD, CATALOG)
    server = policy(policies, "e-commerce-data", "mysql-server")
    assert ("mysql-operator", (("name", "mysql-operator"),)) in peers(server.ingress)
    rabbitmq = policy(policies, "e-commerce-messaging", "rabbitmq")
    topology = ("rabbitmq-system", (("app.kubernetes.io/name", "messaging-topology-operator"),))
    assert allowed_ports(rabbitmq.ingress, topology) == {15672}


def test_prometheus_scrapes_metrics_ports_only():
    for p in network_policies(PROD, CATALOG):
        for rule in p.ingress:
            if ("monitoring", (("app.kubernetes.io/name", "prometheus"),)) in peers((rule,)):
                assert {port.port for port in rule.ports} <= {9090, 9104, 9121, 15691}, p.name


@pytest.mark.parametrize("env", list(ENVIRONMENTS.values()), ids=list(ENVIRONMENTS))
def test_prometheus_reaches_every_add_on_it_scrapes(env):
    """The add-ons' own ServiceMonitors and CoreDNS: without these, their alerts never fire and
    TargetDown fires forever."""
    egress = policy(network_policies(env, CATALOG), env.monitoring_namespace, "prometheus").egress
    reached = {(peer.namespace, port.port) for rule in egress for peer in rule.peers for port in rule.ports}
    expected = {("cert-manager", 9402), ("traefik", 9100), ("kube-system", 9153)}
    if env.secrets.external:
        expected.add(("external-secrets", 8080))
    assert expected <= reached
    control_plane = {port.port for rule in egress for port in rule.ports} & {10257, 10259, 2381, 10249}
    assert not control_plane, "a managed control plane exposes none of these"
    self_managed = dataclasses.replace(env, target_cluster=dataclasses.replace(env.target_cluster, managed_control_plane=False))
    egress = policy(network_policies(self_managed, CATALOG), env.monitoring_namespace, "prometheus").egress
    assert {10257, 10259, 2381, 10249} <= {port.port for rule in egress for port in rule.ports}


@pytest.mark.parametrize("env", list(ENVIRONMENTS.values()), ids=list(ENVIRONMENTS))
def test_api_server_and_kubelet_ports_lead_only_to_the_clusters_infrastructure(env):
    """An allowance to 0.0.0.0/0:443 for a whole namespace is a way out to any HTTPS host."""
    infrastructure = set(env.target_cluster.infrastructure)
    for p in network_policies(env, CATALOG):
        for rule in p.egress + p.ingress:
            if {port.port for port in rule.ports} & {443, 6443, 10250}:
                cidrs = {peer.cidr for peer in rule.peers if peer.cidr is not None}
                leaving = {peer.cidr for peer in rule.peers if peer.excluded}
                assert cidrs - leaving <= infrastructure, f"{p.namespace}/{p.name}: {rule.reason}"
    narrowed = dataclasses.replace(env, target_cluster=dataclasses.replace(env.target_cluster, infrastructure=("10.9.0.0/16",)))
    rabbitmq = policy(network_policies(narrowed, CATALOG), env.messaging_namespace, "rabbitmq")
    assert ("10.9.0.0/16", 443) in {
        (peer.cidr, port.port) for rule in rabbitmq.egress for peer in rule.peers for port in rule.ports
    }


def test_only_mail_senders_and_partner_callers_leave_the_cluster():
    leaving: dict[str, set[int]] = {}
    for p in network_policies(PROD, CATALOG):
        if p.namespace == "e-commerce-prod":
            for rule in p.egress:
                for peer in rule.peers:
                    if peer.cidr is not None:
                        leaving.setdefault(p.name, set()).update(port.port for port in rule.ports)
    assert leaving == {"orders": {443}, "deliveries": {443}, "newsletters": {587}, "sav": {587}}


def without_call(caller: str, callee: str) -> Catalog:
    services = tuple(
        dataclasses.replace(s, calls=tuple(c for c in s.calls if c != callee)) if s.name == caller else s
        for s in CATALOG.services
    )
    return Catalog(services)


def test_removing_a_call_from_the_catalog_removes_both_allow_rules():
    before = network_policies(STAGING, CATALOG)
    after = network_policies(STAGING, without_call("baskets", "products"))
    baskets = service_pods(STAGING, "baskets")
    products = service_pods(STAGING, "products")
    assert baskets in peers(policy(before, "e-commerce-staging", "products").ingress)
    assert baskets not in peers(policy(after, "e-commerce-staging", "products").ingress)
    assert products in peers(policy(before, "e-commerce-staging", "baskets").egress)
    assert products not in peers(policy(after, "e-commerce-staging", "baskets").egress)


def test_removing_redis_from_a_service_removes_its_access():
    services = tuple(dataclasses.replace(s, redis=()) if s.name == "products" else s for s in CATALOG.services)
    after = network_policies(PROD, Catalog(services))
    assert service_pods(PROD, "products") not in peers(policy(after, "e-commerce-prod", "redis").ingress)
    assert not [r for r in policy(after, "e-commerce-prod", "products").egress if r.reason == "Redis"]


def test_rendered_policies_match_the_model():
    policies = network_policies(PROD, CATALOG)
    rendered = of_kind(synth(lambda scope: NetworkPolicies(scope, "np", PROD, policies)), "NetworkPolicy")
    assert len(rendered) == len(policies)
    deny = next(
        p for p in rendered if p["metadata"]["name"] == "default-deny" and p["metadata"]["namespace"] == "e-commerce-prod"
    )
    assert deny["spec"] == {"podSelector": {}, "policyTypes": ["Ingress", "Egress"]}
    orders = next(p for p in rendered if p["metadata"]["name"] == "orders")
    assert "calls baskets" in orders["metadata"]["annotations"]["e-commerce/allows"]
    smtp = next(p for p in rendered if p["metadata"]["name"] == "newsletters")["spec"]["egress"][-1]
    assert smtp["to"][0]["ipBlock"]["cidr"] == "0.0.0.0/0"
    assert "10.0.0.0/8" in smtp["to"][0]["ipBlock"]["except"]


@pytest.mark.parametrize("env", [DEV, STAGING, PROD], ids=["dev", "staging", "prod"])
def test_services_reach_rabbitmq_on_the_tls_port_they_are_wired_to_only(env):
    from ecommerce.derived.wiring import wire

    port = int(wire(CATALOG.get("orders"), env, CATALOG).settings["RABBITMQ_PORT"])
    assert port == 5671
    policies = network_policies(env, CATALOG)
    rabbitmq = policy(policies, "e-commerce-messaging", "rabbitmq")
    assert allowed_ports(rabbitmq.ingress, service_pods(env, "orders")) == {port}
    orders = policy(policies, env.namespace, "orders")
    assert allowed_ports(orders.egress, ("e-commerce-messaging", (("app.kubernetes.io/name", "rabbitmq"),))) == {port}


@pytest.mark.parametrize(
    "peer",
    [
        {"cidr": "10.0.0.0/8", "pods": {"app": "x"}},
        {"cidr": "10.0.0.0/8", "namespace": "shop"},
        {"cidr": "10.0.0.0/8", "having": ("batch.kubernetes.io/job-name",)},
    ],
)
def test_a_peer_is_either_pods_or_an_address_block(peer):
    """A NetworkPolicy peer with both would be refused by the API server (ipBlock stands alone)."""
    with pytest.raises(ConfigError, match="network peer: either pods or an address block, not both"):
        Peer(**peer)
