"""Argo CD bootstrap: projects, pinned add-ons with values from the model, the platform app."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from ecommerce.addons import ADD_ONS
from ecommerce.environments import ENVIRONMENTS
from ecommerce.project import REPOSITORY_URL

from .schemas import CRDS, custom_resource_errors, needs_crds

ROOT = Path(__file__).resolve().parent.parent
ENVS = list(ENVIRONMENTS)


def by_name(docs, kind):
    return {doc["metadata"]["name"]: doc for doc in docs if doc["kind"] == kind}


def wave(doc) -> int:
    return int(doc["metadata"]["annotations"]["argocd.argoproj.io/sync-wave"])


@pytest.mark.parametrize("env", ENVS)
def test_projects_root_add_ons_then_platform(bootstrap, env):
    docs = bootstrap[env]
    projects = by_name(docs, "AppProject")
    applications = by_name(docs, "Application")
    assert set(projects) == {f"e-commerce-{env}-bootstrap", f"e-commerce-{env}-operators", f"e-commerce-{env}-platform"}
    root, platform = applications[f"e-commerce-{env}-root"], applications[f"e-commerce-{env}"]
    add_ons = [app for name, app in applications.items() if name not in (f"e-commerce-{env}-root", f"e-commerce-{env}")]
    assert max(map(wave, projects.values())) < wave(root) < min(map(wave, add_ons))
    # The add-ons the platform's objects need come before it; the monitoring stack, whose
    # Grafana reads the platform's grafana-admin Secret, after it (waves wait for health, so
    # the other way round would never finish).
    before = {name.removesuffix(f"-{env}") for name, app in applications.items() if app in add_ons and wave(app) < wave(platform)}
    after = {name.removesuffix(f"-{env}") for name, app in applications.items() if app in add_ons and wave(app) > wave(platform)}
    assert after == {"kube-prometheus-stack"}
    assert {"prometheus-operator-crds", "cert-manager", "traefik"} <= before
    crds = applications[f"prometheus-operator-crds-{env}"]
    assert wave(crds) == min(map(wave, add_ons)), "every ServiceMonitor needs the monitoring CRDs first"
    assert all(doc["metadata"]["namespace"] == "argocd" for doc in docs)


@pytest.mark.parametrize("env", ENVS)
def test_add_ons_sync_themselves_and_the_rest_as_the_environment_says(bootstrap, env):
    """An add-on Application nobody syncs is never installed (prod's used to be manual, and the
    pipeline synced only the platform); the root and the platform follow `auto_sync`."""
    applications = by_name(bootstrap[env], "Application")
    automated = ENVIRONMENTS[env].auto_sync
    for name, app in applications.items():
        policy = app["spec"]["syncPolicy"]
        is_add_on = app["metadata"]["labels"]["app.kubernetes.io/component"] == "add-on"
        expected = {"prune": True, "selfHeal": True} if is_add_on or automated else None
        assert policy.get("automated") == expected, name


@pytest.mark.parametrize("env", ENVS)
def test_each_add_on_namespace_has_one_owner(bootstrap, env):
    """Two Applications creating one namespace fight over its labels and prune it."""
    owners: dict[str, list[str]] = {}
    for name, app in by_name(bootstrap[env], "Application").items():
        if "CreateNamespace=true" in app["spec"]["syncPolicy"]["syncOptions"]:
            owners.setdefault(app["spec"]["destination"]["namespace"], []).append(name)
    assert {namespace: names for namespace, names in owners.items() if len(names) > 1} == {}
    assert not set(owners) & set(ENVIRONMENTS[env].owned_namespaces), "the platform creates its own namespaces"


@pytest.mark.parametrize("env", ENVS)
def test_platform_application_syncs_the_environments_folder(bootstrap, env):
    spec = by_name(bootstrap[env], "Application")[f"e-commerce-{env}"]["spec"]
    environment = ENVIRONMENTS[env]
    assert spec["source"] == {
        "repoURL": REPOSITORY_URL,
        "targetRevision": environment.git_revision,
        "path": f"dist/{env}",
        "directory": {"recurse": False},
    }
    assert spec["destination"] == {"server": environment.target_cluster.server, "namespace": environment.namespace}
    assert ("automated" in spec["syncPolicy"]) == (env != "prod"), "prod is synced by hand or by the pipeline"
    if env != "prod":
        assert spec["syncPolicy"]["automated"] == {"prune": True, "selfHeal": True}


@pytest.mark.parametrize("env", ENVS)
def test_add_ons_come_from_pinned_releases(bootstrap, env):
    for name, app in by_name(bootstrap[env], "Application").items():
        source = app["spec"]["source"]
        if "chart" in source:
            assert re.fullmatch(r"v?\d+\.\d+\.\d+", source["targetRevision"]), f"{name}: {source['targetRevision']}"
        elif "deploy/operators" in source.get("path", ""):
            kustomization = yaml.safe_load((ROOT / source["path"] / "kustomization.yaml").read_text())
            for resource in kustomization["resources"]:
                assert re.search(r"/releases/download/v\d+\.\d+\.\d+/", resource), resource


def test_add_on_versions_match_the_crds_the_code_is_typed_against():
    imports = yaml.safe_load((ROOT / "cdk8s.yaml").read_text())["imports"]
    urls = " ".join(imports)
    crd_tags = {
        "kube-prometheus-stack": "prometheus-operator",
        "prometheus-operator-crds": "prometheus-operator",
        "cert-manager": "cert-manager/cert-manager",
        "external-secrets": "external-secrets/external-secrets",
        "traefik": "traefik/traefik",
        "mysql-operator": "mysql/mysql-operator",
        "rabbitmq-cluster-operator": "rabbitmq/cluster-operator",
        "rabbitmq-messaging-topology-operator": "rabbitmq/messaging-topology-operator",
    }
    for add_on in ADD_ONS:
        assert f"{crd_tags[add_on.name]}/{add_on.app_version}/" in urls, add_on.name
        if add_on.path:
            assert f"/{add_on.app_version}/" in (ROOT / add_on.path / "kustomization.yaml").read_text()


def values(bootstrap, env, name):
    return by_name(bootstrap[env], "Application")[f"{name}-{env}"]["spec"]["source"]["helm"]["valuesObject"]


def test_monitoring_values_follow_the_environment(bootstrap):
    for env, grafana, alertmanager in (("dev", False, False), ("staging", True, False), ("prod", True, True)):
        stack = values(bootstrap, env, "kube-prometheus-stack")
        assert stack["prometheus"]["prometheusSpec"]["retention"] == ENVIRONMENTS[env].monitoring.retention
        assert stack["grafana"]["enabled"] is grafana
        assert stack["alertmanager"]["enabled"] is alertmanager
    assert values(bootstrap, "prod", "kube-prometheus-stack")["prometheus"]["prometheusSpec"]["retention"] == "30d"


def test_operators_only_where_the_environment_needs_them(bootstrap):
    dev = set(by_name(bootstrap["dev"], "Application"))
    assert "mysql-operator-dev" not in dev and "external-secrets-dev" not in dev
    prod = set(by_name(bootstrap["prod"], "Application"))
    assert {f"{add_on.name}-prod" for add_on in ADD_ONS} <= prod
    irsa = values(bootstrap, "prod", "external-secrets")["serviceAccount"]["annotations"]
    assert irsa["eks.amazonaws.com/role-arn"] == ENVIRONMENTS["prod"].secrets.store.role


def test_platform_project_is_restricted_to_our_namespaces_and_repository(bootstrap):
    spec = by_name(bootstrap["prod"], "AppProject")["e-commerce-prod-platform"]["spec"]
    assert spec["sourceRepos"] == [REPOSITORY_URL]
    assert {d["namespace"] for d in spec["destinations"]} == set(ENVIRONMENTS["prod"].owned_namespaces)
    assert {d["server"] for d in spec["destinations"]} == {ENVIRONMENTS["prod"].target_cluster.server}
    assert {(k["group"], k["kind"]) for k in spec["clusterResourceWhitelist"]} == {
        ("", "Namespace"),
        ("cert-manager.io", "ClusterIssuer"),
        ("external-secrets.io", "ClusterSecretStore"),
    }


@needs_crds
@pytest.mark.parametrize("env", ENVS)
def test_bootstrap_objects_match_the_argo_cd_crds(bootstrap, env):
    errors = [f"{d['kind']}/{d['metadata']['name']}: {e}" for d in bootstrap[env] for e in custom_resource_errors(d, CRDS)]
    assert not errors, "\n".join(errors)


def test_traefik_sees_client_addresses_behind_each_kind_of_balancer(bootstrap):
    """The admin IP allow-lists and the per-client rate limits match the client's address: a
    balancer that hides it lets everyone through the allow-list and throttles all clients as one."""
    prod = values(bootstrap, "prod", "traefik")
    annotations = prod["service"]["annotations"]
    assert annotations["service.beta.kubernetes.io/aws-load-balancer-proxy-protocol"] == "*"
    assert annotations["service.beta.kubernetes.io/aws-load-balancer-nlb-target-type"] == "ip"
    trusted = list(ENVIRONMENTS["prod"].target_cluster.trusted_proxies)
    assert prod["ports"]["web"]["proxyProtocol"]["trustedIPs"] == trusted
    assert prod["ports"]["websecure"]["proxyProtocol"]["trustedIPs"] == trusted
    for env in ("dev", "staging"):
        passthrough = values(bootstrap, env, "traefik")
        assert passthrough["service"]["spec"]["externalTrafficPolicy"] == "Local"
        assert "ports" not in passthrough


@pytest.mark.parametrize("env", ENVS)
def test_a_managed_control_plane_is_not_scraped(bootstrap, env):
    """EKS, GKE and AKS expose no scheduler, controller-manager or etcd metrics: their Down
    alerts would fire forever."""
    stack = values(bootstrap, env, "kube-prometheus-stack")
    assert ENVIRONMENTS[env].target_cluster.managed_control_plane
    for component in ("kubeControllerManager", "kubeScheduler", "kubeEtcd", "kubeProxy"):
        assert stack[component] == {"enabled": False}, component
    assert stack["crds"] == {"enabled": False}, "the CRDs have their own Application, first"
    assert values(bootstrap, env, "prometheus-operator-crds")["crds"] == {"enabled": True}
