"""Connectivity of the assembled platform, as network-config-analyzer computes it from the
network policies: every flow the platform needs is allowed, every flow it must not have is
denied. The last tests break one thing on a copy of an assembly and expect the check to say so."""

from __future__ import annotations

import copy
import dataclasses
from collections.abc import Mapping

import pytest

from ecommerce.model.environments import ENVIRONMENTS
from tests.platform.addons import incomplete_addons, needs_addons
from tests.platform.assembly import Cluster, assemble, namespace_of
from tests.platform.connectivity import (
    INTERNET,
    Report,
    Resolver,
    check,
    parse_connections,
    parse_report,
    required_flows,
    selects,
)

# Mutations run on one environment: each is one more NCA run (cached once made).
MUTATED = "staging"


@pytest.fixture(scope="module")
def reports() -> dict[str, Report]:
    """Each environment's report, made once for the tests that read it."""
    return {}


def report_of(env: str, documents: dict[str, list[dict]], reports: dict[str, Report]) -> Report:
    if env not in reports:
        reports[env] = check(assemble(env, documents[env]))
    return reports[env]


# --- reading NCA's report ---------------------------------------------------------------------


def test_connections_read_as_nca_writes_them() -> None:
    dns = parse_connections("{protocols:TCP, UDP,dst_ports:53}")
    assert dns.allows(53, "UDP") and dns.allows(53, "TCP") and not dns.allows(54, "TCP") and not dns.allows(53, "SCTP")
    ranges = parse_connections("{protocols:TCP,dst_ports:443,6443,35672-35682}")
    assert ranges.allows(35677, "TCP") and ranges.allows(6443, "TCP") and not ranges.allows(35683, "TCP")
    several = parse_connections("{protocols:UDP,dst_ports:53},{protocols:TCP,dst_ports:53,9153}")
    assert several.allows(9153, "TCP") and not several.allows(9153, "UDP")
    everything_but = parse_connections("All but {protocols:TCP,dst_ports:22}")
    assert everything_but.allows(80, "TCP") and everything_but.allows(22, "UDP") and not everything_but.allows(22, "TCP")
    assert parse_connections("All connections").allows(None, "TCP")
    with pytest.raises(ValueError, match="src_ports"):
        parse_connections("{protocols:TCP,src_ports:80}")


def test_report_adds_up_lines_and_finds_addresses_in_ranges() -> None:
    report = parse_report(
        "\n".join(
            [
                "a/web-1 => b/db-1 : {protocols:TCP,dst_ports:5432}",
                "a/web-1 => b/db-1 : {protocols:UDP,dst_ports:53}",
                "a/web-1 => 0.0.0.0-9.255.255.255 : {protocols:TCP,dst_ports:443}",
                "a/web-1 => 11.0.0.0/8, 12.0.0.0/8 : {protocols:TCP,dst_ports:443}",
                "0.0.0.0-255.255.255.255 => b/db-1 : All connections",
            ]
        )
    )
    assert report.allows("a/web-1", "b/db-1", 5432, "TCP") and report.allows("a/web-1", "b/db-1", 53, "UDP")
    assert not report.allows("b/db-1", "a/web-1", None, "TCP")
    assert report.allows("a/web-1", "9.1.2.3", 443, "TCP") and report.allows("a/web-1", "12.0.0.1", 443, "TCP")
    assert not report.allows("a/web-1", "10.0.0.1", 443, "TCP")
    assert report.allows(INTERNET, "b/db-1", 1234, "TCP")
    with pytest.raises(ValueError, match="unexpected line"):
        parse_report("a/web-1 -> b/db-1")


# --- the platform -----------------------------------------------------------------------------


@needs_addons
@pytest.mark.parametrize("env", list(ENVIRONMENTS))
def test_every_required_flow_is_permitted(env: str, documents: dict[str, list[dict]], reports: dict[str, Report]) -> None:
    report = report_of(env, documents, reports)
    assert report.required > 100, report
    denied = [failure for failure in report.failures if failure.endswith(": denied")]
    assert not denied, f"{report.required - report.permitted} of {report.required} required flows denied:\n" + "\n".join(denied)


@needs_addons
@pytest.mark.parametrize("env", list(ENVIRONMENTS))
def test_every_other_flow_stays_denied(env: str, documents: dict[str, list[dict]], reports: dict[str, Report]) -> None:
    report = report_of(env, documents, reports)
    assert report.must_deny > 100, report
    permitted = [failure for failure in report.failures if failure.endswith(": permitted")]
    assert not permitted, f"{len(permitted)} of {report.must_deny} flows that must stay denied are permitted:\n" + "\n".join(
        permitted
    )


@needs_addons
@pytest.mark.parametrize("env", list(ENVIRONMENTS))
def test_every_flow_resolves(env: str, documents: dict[str, list[dict]], reports: dict[str, Report]) -> None:
    """A route, monitor or webhook whose Service or pods are missing would drop out of the check."""
    report = report_of(env, documents, reports)
    # What refers to a sub-chart the add-ons folder lacks (Grafana's routes, for one) cannot
    # resolve here; test_platform_addons.py says which parts are missing.
    missing = {part for parts in incomplete_addons(env).values() for part in parts}
    unresolved = [line for line in report.unresolved if not any(f"/{part}" in line for part in missing)]
    assert not unresolved, "\n".join(unresolved)


# --- the check can fail -----------------------------------------------------------------------


def _mutated(cluster: Cluster, policies: list[dict]) -> Cluster:
    """The cluster with its own NetworkPolicies replaced by `policies`."""
    others = [obj for obj in cluster.ours if obj.get("kind") != "NetworkPolicy"]
    return dataclasses.replace(cluster, ours=(*others, *policies))


def _policies(cluster: Cluster) -> list[dict]:
    return [copy.deepcopy(obj) for obj in cluster.ours if obj.get("kind") == "NetworkPolicy"]


def _new_failures(before: Report, after: Report) -> set[str]:
    return set(after.failures) - set(before.failures)


def _labels_of(cluster: Cluster, namespace: str, name: str) -> dict:
    return next(dict(w.labels) for w in cluster.workloads() if (w.namespace, w.name) == (namespace, name))


def _applies(policy: dict, namespace: str, labels: Mapping[str, str]) -> bool:
    return namespace_of(policy) == namespace and selects(policy["spec"].get("podSelector") or {}, labels)


@needs_addons
def test_dropping_a_catalog_edge_ingress_rule_is_caught(documents: dict[str, list[dict]], reports: dict[str, Report]) -> None:
    env = ENVIRONMENTS[MUTATED]
    cluster = assemble(MUTATED, documents[MUTATED])
    products = _labels_of(cluster, env.namespace, "products")
    baskets = _labels_of(cluster, env.namespace, "baskets")
    policies = _policies(cluster)
    dropped = 0
    for policy in policies:
        if not _applies(policy, env.namespace, products) or "ingress" not in policy["spec"]:
            continue
        for rule in policy["spec"].get("ingress") or []:
            peers = rule.get("from") or []
            kept = [peer for peer in peers if not ("podSelector" in peer and selects(peer["podSelector"], baskets))]
            dropped += len(peers) - len(kept)
            rule["from"] = kept
        # A rule left with no peer would let everyone in: drop it instead.
        policy["spec"]["ingress"] = [rule for rule in policy["spec"]["ingress"] if rule["from"]]
    assert dropped, "no ingress rule lets baskets into products"
    after = check(_mutated(cluster, policies))
    expected = f"{env.namespace}/baskets -> {env.namespace}/products:8080/TCP (catalog: baskets calls products): denied"
    assert _new_failures(report_of(MUTATED, documents, reports), after) == {expected}


@needs_addons
def test_dropping_prometheus_scrape_of_cert_manager_is_caught(
    documents: dict[str, list[dict]], reports: dict[str, Report]
) -> None:
    cluster = assemble(MUTATED, documents[MUTATED])
    resolver = Resolver(cluster)
    scrapes = [
        flow
        for flow in required_flows(cluster, resolver)
        if flow.why == "ServiceMonitor cert-manager/cert-manager" and flow.dst.label.startswith("cert-manager/")
    ]
    assert scrapes, "no ServiceMonitor of cert-manager is scraped"
    ports = {flow.port for flow in scrapes}
    prometheus = next(w for w in cluster.workloads() if w.labels.get("app.kubernetes.io/name") == "prometheus")
    policies = _policies(cluster)
    for policy in policies:
        if not _applies(policy, prometheus.namespace, prometheus.labels):
            continue
        rules = []
        for rule in policy["spec"].get("egress") or []:
            if rule.get("ports"):
                rule["ports"] = [port for port in rule["ports"] if port.get("port") not in ports]
                if not rule["ports"]:
                    continue
            rules.append(rule)
        policy["spec"]["egress"] = rules
    after = check(_mutated(cluster, policies))
    new = _new_failures(report_of(MUTATED, documents, reports), after)
    for flow in scrapes:
        assert f"{flow}: denied" in after.failures
    assert all(failure.endswith(": denied") and any(f":{port}/" in failure for port in ports) for failure in new), new


@needs_addons
def test_dropping_dns_egress_is_caught(documents: dict[str, list[dict]], reports: dict[str, Report]) -> None:
    env = ENVIRONMENTS[MUTATED]
    cluster = assemble(MUTATED, documents[MUTATED])
    policies = [
        p for p in _policies(cluster) if not (namespace_of(p) == env.data_namespace and p["metadata"]["name"] == "allow-dns")
    ]
    assert len(policies) == len(_policies(cluster)) - 1
    after = check(_mutated(cluster, policies))
    new = _new_failures(report_of(MUTATED, documents, reports), after)
    data_pods = {w.label for w in cluster.workloads() if w.namespace == env.data_namespace}
    for label in data_pods:
        assert any(f.startswith(f"{label}") and "kube-system/coredns:53/UDP" in f for f in new), (label, new)
    assert all("name resolution" in failure for failure in new), new


@needs_addons
def test_an_allow_all_policy_is_caught(documents: dict[str, list[dict]], reports: dict[str, Report]) -> None:
    env = ENVIRONMENTS[MUTATED]
    cluster = assemble(MUTATED, documents[MUTATED])
    allow_all = {
        "apiVersion": "networking.k8s.io/v1",
        "kind": "NetworkPolicy",
        "metadata": {"name": "allow-all", "namespace": env.namespace},
        "spec": {"podSelector": {}, "policyTypes": ["Ingress", "Egress"], "ingress": [{}], "egress": [{}]},
    }
    before = report_of(MUTATED, documents, reports)
    after = check(_mutated(cluster, [*_policies(cluster), allow_all]))
    new = _new_failures(before, after)
    assert all(failure.endswith(": permitted") for failure in new), new
    assert f"{env.namespace}/orders -> {env.namespace}/auth (catalog: orders does not call auth): permitted" in new
    assert any(f.startswith(f"the internet ({INTERNET}) -> {env.namespace}/api-gateway ") for f in new)
    # Egress is open too: the application namespace now reaches the unguarded add-ons.
    assert any(f.startswith(f"{env.namespace}/orders -> cert-manager/") for f in new)
    assert after.denied < before.denied


@needs_addons
def test_dropping_replication_between_replicas_is_caught(documents: dict[str, list[dict]], reports: dict[str, Report]) -> None:
    """Each workload stands as two pods where it runs several: traffic between replicas counts."""
    env = next(env for env in ENVIRONMENTS.values() if env.cache.replicas > 1)
    cluster = assemble(env.name, documents[env.name])
    redis = _labels_of(cluster, env.namespace, "redis")
    policies = _policies(cluster)
    for policy in policies:
        if not _applies(policy, env.namespace, redis) or "ingress" not in policy["spec"]:
            continue
        for rule in policy["spec"]["ingress"]:
            rule["from"] = [peer for peer in rule.get("from") or [] if not selects(peer.get("podSelector"), redis)]
        policy["spec"]["ingress"] = [rule for rule in policy["spec"]["ingress"] if rule["from"]]
    after = check(_mutated(cluster, policies))
    new = _new_failures(report_of(env.name, documents, reports), after)
    assert new and all(f.startswith(f"{env.namespace}/redis -> {env.namespace}/redis:") for f in new), new
    assert f"{env.namespace}/redis -> {env.namespace}/redis:6379/TCP (replication between Redis pods): denied" in new
