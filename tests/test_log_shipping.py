"""The optional Fluent Bit log shipper: off everywhere, and when an environment turns it on, valid for
Kubernetes, admitted at its namespace's Pod Security level, read-only in RBAC, fenced in, in a file of
its own that `make deploy` applies after the platform. (Its Argo CD delivery: test_platform_argocd.py.)"""

from __future__ import annotations

import dataclasses
from pathlib import Path

import cdk8s
import pytest
import yaml

from ecommerce.components.log_shipping import CHART, CHART_FILE, LogShipper
from ecommerce.derived.waves import WAVES
from ecommerce.errors import ConfigError
from ecommerce.model.catalog import CATALOG
from ecommerce.model.environments import ENVIRONMENTS, LogShipping
from ecommerce.pipeline.build import build_environment
from ecommerce.pipeline.platform import EcommercePlatform
from ecommerce_ops.operations import cleanup_plan, deploy_plan
from tests.helpers import of_kind, one, release, synth
from tests.platform.admission import pss_violations
from tests.platform.rbac import rule_allows
from tests.schemas import CURRENT_KUBERNETES, OLDEST_KUBERNETES, core_error

# A test value: a digest of the right shape, not that of a published image.
TEST_IMAGE = "docker.io/fluent/fluent-bit:4.0.3@sha256:" + "ab" * 32
SHIPPING = LogShipping(image=TEST_IMAGE, output_host="logs.example.org", output_port=24224, output_cidr="10.20.0.0/24")


@pytest.fixture(scope="module")
def env():
    return dataclasses.replace(ENVIRONMENTS["prod"], log_shipping=SHIPPING)


@pytest.fixture(scope="module")
def objects(env) -> list[dict]:
    return synth(lambda scope: LogShipper(scope, "log-shipping", env))


def test_no_environment_ships_logs_by_default():
    assert all(env.log_shipping is None for env in ENVIRONMENTS.values())


def test_the_platform_builds_it_only_where_the_flag_is_set(synthesized):
    for env in ENVIRONMENTS:
        assert not (synthesized / env / CHART_FILE).exists()
        assert all("fluent-bit" not in path.read_text() for path in (synthesized / env).glob("*.yaml"))


def test_it_is_a_chart_of_its_own(env, tmp_path):
    """Its own file, which the platform's Argo CD Application leaves out and the shipper's takes."""
    app = cdk8s.App(outdir=str(tmp_path))
    EcommercePlatform(app, env, CATALOG, release(env))
    kinds = {chart.node.id: {(obj["kind"], obj["metadata"]["name"]) for obj in chart.to_json()} for chart in app.charts}
    assert ("DaemonSet", "fluent-bit") in kinds[CHART] and ("Namespace", SHIPPING.namespace) in kinds[CHART]
    assert not any(name == "fluent-bit" for charts, objects in kinds.items() if charts != CHART for _, name in objects)


@pytest.fixture(scope="module")
def folder(env, tmp_path_factory) -> Path:
    """dist/prod of the copy of prod with the flag on, as a synth writes it."""
    out = tmp_path_factory.mktemp("shipping") / "prod"
    build_environment(env, CATALOG, release(env), out)
    return out


def test_make_deploy_applies_it_after_the_platforms_waves_namespace_first(env, folder):
    applies = [step for step in deploy_plan(env, folder) if step.description.startswith("apply ")]
    files = [step.description.removeprefix("apply ") for step in applies]
    assert files == sorted(files) and files[-1] == CHART_FILE and len(files) == len(WAVES) + 1
    applied = [doc for doc in yaml.safe_load_all(applies[-1].stdin or "") if doc]
    assert applied[0]["kind"] == "Namespace" and applied[0]["metadata"]["name"] == SHIPPING.namespace
    assert {doc["metadata"].get("namespace") for doc in applied[1:]} <= {None, SHIPPING.namespace}
    # `make cleanup` removes it too, its cluster-wide RBAC included.
    deletes = [step.description for step in cleanup_plan(env, folder, confirm=env.name)]
    assert f"delete {CHART_FILE}" in deletes


@pytest.mark.parametrize("version", [OLDEST_KUBERNETES, CURRENT_KUBERNETES])
def test_every_object_is_valid_in_strict_mode(objects, version):
    errors = [f"{obj['kind']}/{obj['metadata']['name']}: {error}" for obj in objects if (error := core_error(obj, version))]
    assert not errors, "\n".join(errors)


def test_the_image_is_the_environments_digest(objects):
    container = one(objects, "DaemonSet")["spec"]["template"]["spec"]["containers"][0]
    assert container["image"] == TEST_IMAGE


def test_its_namespace_admits_it_and_needs_privileged_only_for_the_host_log_mount(objects):
    namespace = one(objects, "Namespace")
    level = namespace["metadata"]["labels"]["pod-security.kubernetes.io/enforce"]
    template = one(objects, "DaemonSet")["spec"]["template"]
    assert not pss_violations(template["metadata"], template["spec"], level)
    # Baseline rejects it for the host's /var/log only; restricted adds only that it runs as root.
    baseline = {violation.id for violation in pss_violations(template["metadata"], template["spec"], "baseline")}
    restricted = {violation.id for violation in pss_violations(template["metadata"], template["spec"], "restricted")}
    assert baseline == {"hostPathVolumes"}
    # (restricted's volume-type control replaces baseline's hostPath one)
    assert restricted == {"restrictedVolumes", "runAsNonRoot", "runAsUser"}
    assert namespace["metadata"]["labels"]["pod-security.kubernetes.io/warn"] == "restricted"


def test_it_reads_pod_metadata_and_nothing_else(objects):
    (role,) = of_kind(objects, "ClusterRole")
    rules = role["rules"]

    def allows(verb: str, resource: str, group: str = "") -> bool:
        return any(rule_allows(rule, verb, group, resource) for rule in rules)

    for resource in ("pods", "namespaces"):
        assert all(allows(verb, resource) for verb in ("get", "list", "watch"))
    for verb, resource in [
        ("get", "secrets"),
        ("list", "secrets"),
        ("get", "configmaps"),
        ("create", "pods"),
        ("delete", "pods"),
    ]:
        assert not allows(verb, resource), f"{verb} {resource}"
    assert not allows("create", "pods/exec") and not allows("get", "pods/log")
    binding = one(objects, "ClusterRoleBinding")
    assert binding["roleRef"]["name"] == role["metadata"]["name"]
    assert binding["subjects"] == [{"kind": "ServiceAccount", "name": "fluent-bit", "namespace": SHIPPING.namespace}]


def test_it_reaches_its_output_the_api_server_and_dns_only(objects, env):
    policy = one(objects, "NetworkPolicy")
    assert set(policy["spec"]["policyTypes"]) == {"Ingress", "Egress"} and not policy["spec"].get("ingress")
    blocks = {
        (peer["ipBlock"]["cidr"], port["port"])
        for rule in policy["spec"]["egress"]
        for peer in rule["to"]
        if "ipBlock" in peer
        for port in rule["ports"]
    }
    infrastructure = set(env.target_cluster.infrastructure)
    assert {cidr for cidr, _ in blocks} == {SHIPPING.output_cidr} | infrastructure
    assert (SHIPPING.output_cidr, SHIPPING.output_port) in blocks
    assert all(cidr != "0.0.0.0/0" for cidr, _ in blocks)


def test_it_parses_our_json_logs_and_adds_pod_labels(objects):
    data = one(objects, "ConfigMap")["data"]
    parsers, config = data["parsers.conf"], data["fluent-bit.conf"]
    assert "Format      json" in parsers and "Time_Key    timestamp" in parsers
    assert (
        "Name                 kubernetes" in config
        and "K8S-Logging.Parser   On" in config
        and "Labels               On" in config
    )
    assert f"Host          {SHIPPING.output_host}" in config and "tls.verify    On" in config


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"image": "docker.io/fluent/fluent-bit:4.0.3"}, "log_shipping.image"),
        ({"output_cidr": "10.20.0.1"}, "log_shipping.output_cidr"),
        ({"output_port": 0}, "log_shipping.output_port"),
        ({"output_host": "not a host"}, "log_shipping.output_host"),
    ],
)
def test_a_bad_setting_is_refused_naming_its_field(changes, field):
    with pytest.raises(ConfigError, match=field.replace(".", r"\.")):
        dataclasses.replace(ENVIRONMENTS["prod"], log_shipping=dataclasses.replace(SHIPPING, **changes))


def test_make_deploy_waits_for_the_shipper_to_run_on_every_node(env, folder):
    names = [step.description for step in deploy_plan(env, folder)]
    assert names.index(f"DaemonSet {SHIPPING.namespace}/fluent-bit is ready") > names.index(f"apply {CHART_FILE}")
