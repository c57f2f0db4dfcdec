"""README's "Adding a service", followed to the letter on a copy of the project: one catalog entry
and one image line per environment, nothing else. The 13th service is routed by the gateway,
reachable through the network policies, wired to what it uses, and the platform checks pass."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

import ecommerce.model.catalog
from ecommerce.derived.wiring import wire
from ecommerce.model.catalog import CATALOG, Catalog
from ecommerce.model.environments import ENVIRONMENTS
from ecommerce.pipeline.platform import network_policies
from tests.conftest import load_documents
from tests.platform.addons import needs_addons
from tests.platform.assembly import assemble
from tests.platform.connectivity import Resolver, check, required_flows
from tests.project_copy import copy_project, run_main

# Step 1 of README: the entry, as a user would write it in CATALOG.
ENTRY = """Service(
            name="loyalty",
            summary="Loyalty points earned on orders",
            route_prefix="/api/loyalty",
            consumes=("order.placed",),
            calls=("orders",),
        ),"""
# Step 2: its image in each releases/<env>.yaml (pinned by digest, which every environment takes).
IMAGE = "ghcr.io/e-commerce-back/loyalty:1.0.0@sha256:" + "ab" * 32
NAME = "loyalty"


def thirteenth() -> Catalog:
    """The catalog with the entry added, in process."""
    entry = eval(ENTRY.rstrip(","), vars(ecommerce.model.catalog))  # the entry above, as written into the copy
    return Catalog((*CATALOG.services, entry))


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the project after steps 1 and 2, synthesised with `main.py` (step 3's `make synth`)."""
    project = copy_project(tmp_path_factory.mktemp("thirteen") / "project")
    catalog = project / "constructs" / "ecommerce" / "model" / "catalog.py"
    source = catalog.read_text()
    # The last entry of CATALOG closes with "),\n    )\n)": the new one goes after it.
    assert source.endswith("        ),\n    )\n)\n")
    catalog.write_text(source.removesuffix("    )\n)\n") + f"        {ENTRY}\n    )\n)\n")
    for release in (project / "releases").glob("*.yaml"):
        text = release.read_text()
        assert text.count("\nimages:\n") == 1
        release.write_text(text.replace("\nimages:\n", f"\nimages:\n  {NAME}: {IMAGE}\n"))
    result = run_main(project)
    assert result.returncode == 0, result.stderr
    return project


@pytest.fixture(scope="module")
def documents(project: Path) -> dict[str, list[dict]]:
    return {env: load_documents(project / "dist" / env) for env in ENVIRONMENTS}


def find(documents: list[dict], kind: str, name: str) -> dict:
    matches = [doc for doc in documents if doc["kind"] == kind and doc["metadata"]["name"] == name]
    assert len(matches) == 1, f"{kind} {name}: {len(matches)}"
    return matches[0]


@pytest.mark.parametrize("env", list(ENVIRONMENTS))
def test_the_gateway_routes_to_it(env: str, documents: dict[str, list[dict]]) -> None:
    namespace = ENVIRONMENTS[env].namespace
    settings = find(documents[env], "ConfigMap", f"{CATALOG.gateway.name}-config")["data"]
    assert json.loads(settings["ROUTES"])["/api/loyalty"] == f"http://loyalty.{namespace}.svc"
    assert settings["LOYALTY_URL"] == f"http://loyalty.{namespace}.svc"


@pytest.mark.parametrize("env", list(ENVIRONMENTS))
def test_it_runs_with_its_image_and_wiring(env: str, documents: dict[str, list[dict]]) -> None:
    deployment = find(documents[env], "Deployment", NAME)
    assert deployment["spec"]["template"]["spec"]["containers"][0]["image"] == IMAGE
    settings = find(documents[env], "ConfigMap", f"{NAME}-config")["data"]
    assert settings == wire(thirteenth().get(NAME), ENVIRONMENTS[env], thirteenth()).settings
    assert settings["DATABASE_NAME"] == NAME and settings["RABBITMQ_QUEUE"] == "loyalty.events"
    assert settings["ORDERS_URL"] == f"http://orders.{ENVIRONMENTS[env].namespace}.svc"
    bindings = [doc for doc in documents[env] if doc["kind"] == "Binding" and doc["spec"].get("destination") == "loyalty.events"]
    assert [binding["spec"]["routingKey"] for binding in bindings] == ["order.placed"]


@pytest.mark.parametrize("env", list(ENVIRONMENTS))
def test_the_policy_model_lets_the_gateway_in_and_it_out_to_orders(env: str) -> None:
    environment, catalog = ENVIRONMENTS[env], thirteenth()
    policies = {(policy.namespace, policy.name): policy for policy in network_policies(environment, catalog)}
    gateway, orders = CATALOG.gateway.name, catalog.get("orders")

    def pods(service: str) -> dict[str, str]:
        return dict(policies[(environment.namespace, service)].pods)

    def admits(rules, peer_pods: dict[str, str], port: int) -> bool:
        return any(
            any(peer.pods is not None and dict(peer.pods) == peer_pods for peer in rule.peers)
            and any(p.port == port for p in rule.ports)
            for rule in rules
        )

    http = catalog.get(NAME).http_port
    assert admits(policies[(environment.namespace, NAME)].ingress, pods(gateway), http)
    assert admits(policies[(environment.namespace, gateway)].egress, pods(NAME), http)
    assert admits(policies[(environment.namespace, NAME)].egress, pods("orders"), orders.http_port)
    assert admits(policies[(environment.namespace, "orders")].ingress, pods(NAME), orders.http_port)


@needs_addons
def test_network_config_analyzer_permits_every_flow_of_it(documents: dict[str, list[dict]]) -> None:
    """The whole assembled platform of one environment, checked with the catalog that made it."""
    cluster = assemble("staging", documents["staging"])
    flows = [str(flow) for flow in required_flows(cluster, Resolver(cluster), thirteenth())]
    assert any(re.match(rf"\S+/{CATALOG.gateway.name} -> \S+/{NAME}:8080/TCP", flow) for flow in flows)
    assert any(re.match(rf"\S+/{NAME} -> \S+/orders:8080/TCP", flow) for flow in flows)
    report = check(cluster, thirteenth())
    assert not report.failures, "\n".join(report.failures)
    assert report.permitted == report.required
