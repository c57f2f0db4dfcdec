"""Argo CD bootstrap: projects, pinned add-ons with values from the model, the platform app."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path
from typing import cast

import pytest
import yaml

from ecommerce.derived.add_on_releases import ADD_ONS
from ecommerce.errors import ConfigError
from ecommerce.model.environments import ENVIRONMENTS, ArgoCd, CommitSigning, GpgMode, check_apart
from ecommerce.model.project import ARGOCD_NAMESPACE, PIPELINE_ROLE, PIPELINE_TOKEN_SECRETS, REPOSITORY_URL
from scripts.addons import kustomization_assets

from .conftest import load_documents
from .schemas import CRDS, custom_resource_errors, needs_crds

ROOT = Path(__file__).resolve().parent.parent
ENVS = list(ENVIRONMENTS)


def by_name(docs, kind):
    return {doc["metadata"]["name"]: doc for doc in docs if doc["kind"] == kind}


def wave(doc) -> int:
    return int(doc["metadata"]["annotations"]["argocd.argoproj.io/sync-wave"])


@pytest.fixture(scope="module")
def projects(synthesized):
    """What the administrator applies for each environment (dist/<env>/argocd-projects)."""
    return {env: load_documents(synthesized / env / "argocd-projects") for env in ENVS}


@pytest.mark.parametrize("env", ENVS)
def test_the_roots_path_holds_applications_only_and_the_projects_are_apart(bootstrap, projects, env):
    """A project in the root's path would be written by the environment's own commits."""
    assert {doc["kind"] for doc in bootstrap[env]} == {"Application"}
    namespace = ENVIRONMENTS[env].argocd.apps_namespace
    assert all(doc["metadata"]["namespace"] == namespace for doc in bootstrap[env])
    assert {(doc["kind"], doc["metadata"]["name"]) for doc in projects[env]} == {
        ("Namespace", namespace),
        ("AppProject", f"e-commerce-{env}-bootstrap"),
        ("AppProject", f"e-commerce-{env}-operators"),
        ("AppProject", f"e-commerce-{env}-platform"),
    }
    assert all(doc["metadata"]["namespace"] == ARGOCD_NAMESPACE for doc in projects[env] if doc["kind"] == "AppProject")


@pytest.mark.parametrize("env", ENVS)
def test_each_project_takes_applications_from_its_environments_namespace_only(projects, env):
    environment = ENVIRONMENTS[env]
    for project in by_name(projects[env], "AppProject").values():
        spec = project["spec"]
        assert spec["sourceNamespaces"] == [environment.argocd.apps_namespace], project["metadata"]["name"]
        servers = {d["server"] for d in spec["destinations"]}
        if project["metadata"]["name"].endswith("-bootstrap"):
            # The root writes Applications, and only them, in that namespace of Argo CD's cluster.
            assert spec["destinations"] == [
                {"server": "https://kubernetes.default.svc", "namespace": environment.argocd.apps_namespace}
            ]
            assert spec["namespaceResourceWhitelist"] == [{"group": "argoproj.io", "kind": "Application"}]
            assert "clusterResourceWhitelist" not in spec
        else:
            assert servers == {environment.target_cluster.server}


@pytest.mark.parametrize("env", ENVS)
def test_the_pipeline_role_reads_its_projects_applications_and_syncs_those_argo_cd_does_not(bootstrap, projects, env):
    environment = ENVIRONMENTS[env]
    applications = by_name(bootstrap[env], "Application")
    for name, project in by_name(projects[env], "AppProject").items():
        (role,) = project["spec"]["roles"]
        assert role["name"] == PIPELINE_ROLE
        assert f"--expires-in {environment.argocd.token_lifetime}" in role["description"]
        granted = {tuple(part.strip() for part in policy.split(",")) for policy in role["policies"]}
        expected = set()
        for app_name, app in applications.items():
            if app["spec"]["project"] != name:
                continue
            actions = ["get"] if app["spec"]["syncPolicy"].get("automated") else ["get", "sync"]
            obj = f"{name}/{environment.argocd.apps_namespace}/{app_name}"
            expected |= {("p", f"proj:{name}:{PIPELINE_ROLE}", "applications", action, obj, "allow") for action in actions}
        assert granted == expected, name
    assert {f"e-commerce-{env}-{role}" for role in PIPELINE_TOKEN_SECRETS} == set(by_name(projects[env], "AppProject"))


@pytest.mark.parametrize("env", ENVS)
def test_commits_must_be_signed_where_the_environment_says(projects, env):
    signing = ENVIRONMENTS[env].argocd.commit_signing
    for project in by_name(projects[env], "AppProject").values():
        integrity = project["spec"].get("sourceIntegrity")
        if signing is None:
            assert integrity is None
            continue
        assert integrity == {
            "git": {"policies": [{"repos": [{"url": "*"}], "gpg": {"mode": str(signing.mode), "keys": list(signing.keys)}}]}
        }
    assert ENVIRONMENTS["prod"].argocd.commit_signing is not None, "prod syncs signed commits only"


def test_the_argo_cd_model_refuses_what_would_join_environments():
    def error(**changes) -> str:
        fields = {"apps_namespace": "argocd-apps-x", **changes}
        with pytest.raises(ConfigError) as caught:
            ArgoCd(**fields).check("argocd")
        return str(caught.value)

    assert "Argo CD's own namespace 'argocd'" in error(apps_namespace="argocd")
    assert error(apps_namespace="Apps_X").startswith("argocd.apps_namespace: not a valid namespace name")
    assert "must expire within 720h" in error(token_lifetime="2160h")
    assert "number of hours" in error(token_lifetime="30d")
    assert "argocd.commit_signing.keys[0]: not a GnuPG key ID" in error(commit_signing=CommitSigning(keys=("4aee18f83afdeb23",)))
    assert "at least one" in error(commit_signing=CommitSigning(keys=()))
    assert "twice" in error(commit_signing=CommitSigning(keys=("4AEE18F83AFDEB23", "4AEE18F83AFDEB23")))
    # A mode the type checker would refuse: the model must refuse it at run time too.
    unknown_mode = cast(GpgMode, "all")
    assert "unknown GpgMode 'all'" in error(commit_signing=CommitSigning(keys=("4AEE18F83AFDEB23",), mode=unknown_mode))
    ArgoCd(
        apps_namespace="argocd-apps-x", commit_signing=CommitSigning(keys=("5DE3E0509C47EA3CF04A42D34AEE18F83AFDEB23",))
    ).check("a")
    dev, prod = ENVIRONMENTS["dev"], ENVIRONMENTS["prod"]
    with pytest.raises(
        ConfigError,
        match=re.escape("prod: argocd.apps_namespace: 'argocd-apps-dev' is already the Applications' namespace of dev"),
    ):
        check_apart((dev, dataclasses.replace(prod, argocd=dev.argocd)))


@pytest.mark.parametrize("env", ENVS)
def test_projects_root_add_ons_then_platform(bootstrap, env):
    docs = bootstrap[env]
    applications = by_name(docs, "Application")
    root, platform = applications[f"e-commerce-{env}-root"], applications[f"e-commerce-{env}"]
    add_ons = [app for name, app in applications.items() if name not in (f"e-commerce-{env}-root", f"e-commerce-{env}")]
    assert wave(root) < min(map(wave, add_ons))
    # The add-ons the platform's objects need come before it; the monitoring stack, whose
    # Grafana reads the platform's grafana-admin Secret, after it (waves wait for health, so
    # the other way round would never finish).
    before = {name.removesuffix(f"-{env}") for name, app in applications.items() if app in add_ons and wave(app) < wave(platform)}
    after = {name.removesuffix(f"-{env}") for name, app in applications.items() if app in add_ons and wave(app) > wave(platform)}
    assert after == {"kube-prometheus-stack"}
    assert {"prometheus-operator-crds", "cert-manager", "traefik"} <= before
    crds = applications[f"prometheus-operator-crds-{env}"]
    assert wave(crds) == min(map(wave, add_ons)), "every ServiceMonitor needs the monitoring CRDs first"


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
            # An upstream folder at a full commit sha: a release asset or a tag can be
            # republished under the same name, a commit cannot.
            remote = [resource for resource in kustomization["resources"] if "://" in resource]
            assert remote, source["path"]
            for resource in remote:
                assert re.fullmatch(r"https://github\.com/[^/]+/[^/]+//[^?]+\?ref=[0-9a-f]{40}", resource), resource


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
            # The commit of the tag app_version (scripts/addons.py refuses any other).
            assert {asset.version for asset in kustomization_assets(add_on)} == {add_on.app_version}, add_on.name


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
    store = ENVIRONMENTS["prod"].secrets.store
    assert store is not None
    assert irsa["eks.amazonaws.com/role-arn"] == store.role


def test_platform_project_is_restricted_to_our_namespaces_and_repository(projects):
    spec = by_name(projects["prod"], "AppProject")["e-commerce-prod-platform"]["spec"]
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
def test_bootstrap_objects_match_the_argo_cd_crds(bootstrap, projects, env):
    assert CRDS is not None  # needs_crds
    docs = [*bootstrap[env], *(d for d in projects[env] if d["kind"] == "AppProject")]
    errors = [f"{d['kind']}/{d['metadata']['name']}: {e}" for d in docs for e in custom_resource_errors(d, CRDS)]
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


@pytest.mark.parametrize("env", ENVS)
def test_deleting_an_application_deletes_what_it_deployed_but_the_root_only_orphans(bootstrap, env):
    """Argo CD cascades a deletion only through its resources finalizer. The root, whose
    Applications are the whole environment, must not cascade: deleting it by mistake would
    take everything down."""
    for app in by_name(bootstrap[env], "Application").values():
        is_root = app["spec"]["source"].get("path") == f"dist/{env}/argocd"
        finalizers = app["metadata"].get("finalizers", [])
        assert finalizers == ([] if is_root else ["resources-finalizer.argocd.argoproj.io"]), app["metadata"]["name"]


def test_readme_registers_each_cluster_under_the_server_its_applications_name(bootstrap):
    """Argo CD finds a destination's cluster by its exact URL: the README's registration table
    must give each environment the server its Applications deploy to."""
    readme = (ROOT / "README.md").read_text()
    rows = {
        cells[0]: cells[1:]
        for line in readme.splitlines()
        if line.startswith("  | ") and len(cells := [c.strip().strip("`") for c in line.strip().strip("|").split("|")]) == 4
    }
    for env, docs in bootstrap.items():
        cluster = ENVIRONMENTS[env].target_cluster
        servers = {app["spec"]["destination"]["server"] for app in by_name(docs, "Application").values()}
        assert servers == {"https://kubernetes.default.svc", cluster.server}
        assert rows.get(env) == [cluster.name, cluster.name, cluster.server], f"README's cluster table, row {env}"
    assert 'argocd cluster add "$env" --name "$env"' in readme
