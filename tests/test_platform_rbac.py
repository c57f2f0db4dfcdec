"""Who can read Secrets in the assembled platform (our manifests, the rendered add-ons, the
operators' bindings), evaluated as the API server's RBAC authorizer does (tests/platform/rbac.py):
exactly the subjects named here, each for the reason given. The first tests hold the port of
Kubernetes' rule matching, binding resolution and aggregation to the upstream behaviour."""

from __future__ import annotations

from typing import Any

import pytest

from ecommerce.derived.add_on_releases import (
    ADD_ONS,
    GRAFANA_SIDECAR_ROLE,
    MONITORING_STACK_NAMESPACE,
    add_ons,
    traefik_namespaces,
)
from ecommerce.model.environments import ENVIRONMENTS, TlsMode
from tests.platform.addons import incomplete_addons, needs_addons
from tests.platform.assembly import Cluster, namespace_of
from tests.platform.rbac import (
    CLUSTER_WIDE,
    RBAC_GROUP,
    Rbac,
    Subject,
    cluster_rbac,
    effective_cluster_rules,
    non_resource_url_matches,
    rule_allows,
    secret_grants,
    secret_readers,
)

ENVS = list(ENVIRONMENTS)
ADD_ON = {add_on.name: add_on for add_on in ADD_ONS}


def sa(namespace: str, name: str) -> Subject:
    return Subject("ServiceAccount", name, namespace)


# --- the port of Kubernetes' RBAC -----------------------------------------------------------


def test_rules_match_as_the_api_server_matches_them():
    secrets = {"apiGroups": [""], "resources": ["secrets"], "verbs": ["get", "list"]}
    assert rule_allows(secrets, "get", "", "secrets")
    assert not rule_allows(secrets, "watch", "", "secrets")
    assert not rule_allows(secrets, "get", "apps", "secrets"), "the core group only"
    assert not rule_allows(secrets, "get", "", "configmaps")
    everything = {"apiGroups": ["*"], "resources": ["*"], "verbs": ["*"]}
    assert rule_allows(everything, "deletecollection", "", "secrets")
    assert rule_allows(everything, "get", "", "pods", subresource="exec")
    # `*/status` is every resource's status subresource, and only that.
    status = {"apiGroups": ["*"], "resources": ["*/status"], "verbs": ["update"]}
    assert rule_allows(status, "update", "apps", "deployments", subresource="status")
    assert not rule_allows(status, "update", "apps", "deployments")
    assert not rule_allows(secrets, "get", "", "secrets", subresource="status"), "a resource is not its subresources"
    # resourceNames limit a rule to those names; a request without a name (list) is outside.
    named = secrets | {"resourceNames": ["tls"]}
    assert rule_allows(named, "get", "", "secrets", name="tls")
    assert not rule_allows(named, "get", "", "secrets", name="db")
    assert not rule_allows(named, "list", "", "secrets")
    urls = {"nonResourceURLs": ["/metrics", "/debug/*"], "verbs": ["get"]}
    assert non_resource_url_matches(urls, "get", "/metrics") and non_resource_url_matches(urls, "get", "/debug/pprof")
    assert not non_resource_url_matches(urls, "get", "/healthz") and not non_resource_url_matches(urls, "post", "/metrics")


def _cluster_role(name: str, rules: list[dict], labels: dict | None = None, selects: list[dict] | None = None) -> dict:
    role: dict[str, Any] = {
        "apiVersion": f"{RBAC_GROUP}/v1",
        "kind": "ClusterRole",
        "metadata": {"name": name, "labels": labels or {}},
        "rules": rules,
    }
    if selects is not None:
        role["aggregationRule"] = {"clusterRoleSelectors": selects}
    return role


READ_SECRETS = {"apiGroups": [""], "resources": ["secrets"], "verbs": ["get", "list", "watch"]}
READ_PODS = {"apiGroups": [""], "resources": ["pods"], "verbs": ["get"]}


def test_aggregated_cluster_roles_gather_the_rules_of_the_roles_they_select_until_settled():
    roles = [
        # Selects `to-top`; its rules in the manifest are replaced by what it gathers.
        _cluster_role("top", [READ_PODS], selects=[{"matchLabels": {"to-top": "true"}}]),
        # Aggregated into top, and itself aggregating `to-middle`: top gets leaf's rule too.
        _cluster_role("middle", [], {"to-top": "true"}, [{"matchExpressions": [{"key": "to-middle", "operator": "Exists"}]}]),
        _cluster_role("leaf", [READ_SECRETS], {"to-middle": "x"}),
        _cluster_role("other", [READ_PODS], {"to-top": "false"}),
    ]
    rules = effective_cluster_rules(roles)
    assert rules["top"] == [READ_SECRETS]
    assert rules["middle"] == [READ_SECRETS]
    assert rules["other"] == [READ_PODS]


def _binding(kind: str, name: str, ref_kind: str, ref: str, subjects: list[dict], namespace: str | None = None) -> dict:
    metadata = {"name": name} | ({"namespace": namespace} if namespace else {})
    return {
        "apiVersion": f"{RBAC_GROUP}/v1",
        "kind": kind,
        "metadata": metadata,
        "roleRef": {"apiGroup": RBAC_GROUP, "kind": ref_kind, "name": ref},
        "subjects": subjects,
    }


def test_bindings_grant_where_and_to_whom_the_api_server_applies_them():
    reader = _cluster_role("reader", [READ_SECRETS])
    named = {
        "apiVersion": f"{RBAC_GROUP}/v1",
        "kind": "Role",
        "metadata": {"name": "tls", "namespace": "web"},
        "rules": [READ_SECRETS | {"resourceNames": ["tls"]}],
    }
    objects = [
        reader,
        named,
        _binding(
            "ClusterRoleBinding",
            "everywhere",
            "ClusterRole",
            "reader",
            [{"kind": "ServiceAccount", "name": "op", "namespace": "ops"}],
        ),
        # A ClusterRole bound by a RoleBinding applies in the binding's namespace only; a
        # ServiceAccount without a namespace is one of the binding's.
        _binding("RoleBinding", "here", "ClusterRole", "reader", [{"kind": "ServiceAccount", "name": "app"}], "shop"),
        _binding("RoleBinding", "web", "Role", "tls", [{"kind": "Group", "name": "system:serviceaccounts:web"}], "web"),
        # Neither a Role of another namespace nor a missing role grants anything.
        _binding("RoleBinding", "elsewhere", "Role", "tls", [{"kind": "User", "name": "eve"}], "shop"),
        # In a ClusterRoleBinding, a ServiceAccount must name its namespace: this one is nobody.
        _binding("ClusterRoleBinding", "nobody", "ClusterRole", "reader", [{"kind": "ServiceAccount", "name": "ghost"}]),
    ]
    grants, unresolved = Rbac(tuple(("test", obj) for obj in objects)).grants("", "secrets")
    assert {(grant.subject, grant.scope, grant.names) for grant in grants} == {
        (sa("ops", "op"), CLUSTER_WIDE, ()),
        (sa("shop", "app"), "shop", ()),
        (Subject("Group", "system:serviceaccounts:web"), "web", ("tls",)),
    }
    assert all(grant.reads == ("get", "list", "watch") for grant in grants)
    assert unresolved == ["RoleBinding shop/elsewhere (test) -> Role tls"]


# --- the assembled platform -----------------------------------------------------------------


def expected_secret_readers(env_name: str, cluster: Cluster) -> dict[tuple[Subject, str], str]:
    """(subject, CLUSTER_WIDE or a namespace) -> why it reads Secrets there, for the add-ons
    the environment installs."""
    env = ENVIRONMENTS[env_name]
    installed = {add_on.name for add_on in add_ons(env)}
    named = [
        (
            "cert-manager",
            sa("cert-manager", "cert-manager"),
            CLUSTER_WIDE,
            "cert-manager's controller writes each Certificate's Secret and reads the issuers' (the ACME account key)",
        ),
        (
            "cert-manager",
            sa("cert-manager", "cert-manager-cainjector"),
            CLUSTER_WIDE,
            "cert-manager's CA injector copies CA certificates from Secrets into webhook configurations",
        ),
        (
            "cert-manager",
            sa("cert-manager", "cert-manager-webhook"),
            "cert-manager",
            "cert-manager's webhook keeps its own serving CA (the Secret cert-manager-webhook-ca only)",
        ),
        (
            "external-secrets",
            sa("external-secrets", "external-secrets"),
            CLUSTER_WIDE,
            "External Secrets' controller writes the Secret of each ExternalSecret, in every platform namespace",
        ),
        (
            "external-secrets",
            sa("external-secrets", "external-secrets-cert-controller"),
            CLUSTER_WIDE,
            "External Secrets' certificate controller keeps its webhook's certificate Secret (the chart has no narrower role)",
        ),
        (
            "kube-prometheus-stack",
            sa("monitoring", "kube-prometheus-stack-operator"),
            CLUSTER_WIDE,
            "the Prometheus Operator writes Prometheus' and Alertmanager's configuration Secrets, reads those monitors name",
        ),
        (
            "kube-prometheus-stack",
            sa("monitoring", "kube-prometheus-stack-admission"),
            "monitoring",
            "the Prometheus Operator's admission-webhook certificate Job writes and reads its TLS Secret",
        ),
        (
            "mysql-operator",
            sa("mysql-operator", "mysql-operator-sa"),
            CLUSTER_WIDE,
            "the MySQL Operator reads each InnoDBCluster's credentials and writes its own",
        ),
        (
            "rabbitmq-cluster-operator",
            sa("rabbitmq-system", "rabbitmq-cluster-operator"),
            CLUSTER_WIDE,
            "the RabbitMQ Cluster Operator writes each cluster's default-user and Erlang-cookie Secrets",
        ),
        (
            "rabbitmq-messaging-topology-operator",
            sa("rabbitmq-system", "messaging-topology-operator"),
            CLUSTER_WIDE,
            "the Messaging Topology Operator reads each cluster's default-user Secret to reach its API",
        ),
    ]
    expected = {(subject, scope): why for add_on, subject, scope, why in named if add_on in installed}
    for namespace in traefik_namespaces(env):
        expected[(sa("traefik", "traefik"), namespace)] = (
            "Traefik loads the TLS certificates of the routes of the namespaces it serves"
        )
    for server_set in (obj for obj in cluster.ours if obj.get("kind") == "InnoDBCluster"):
        namespace, name = namespace_of(server_set), server_set["metadata"]["name"]
        account = server_set["spec"].get("serviceAccountName") or f"{name}-sidecar-sa"
        expected[(sa(namespace, account), namespace)] = "the MySQL servers' sidecar reads and writes its cluster's Secrets"
    for store in (obj for obj in cluster.ours if obj.get("kind") == "SecretStore"):
        kubernetes = store["spec"]["provider"].get("kubernetes")
        if kubernetes:
            # External Secrets reads as this account (its Kubernetes provider), which our Role limits
            # to the Secrets it copies (test_mysql_tls: the internal CA's certificate).
            account = sa(namespace_of(store), kubernetes["auth"]["serviceAccount"]["name"])
            expected[(account, kubernetes["remoteNamespace"])] = (
                "External Secrets copies the CA certificate for the MySQL Operator"
            )
    return expected


@needs_addons
@pytest.mark.parametrize("env", ENVS)
def test_only_the_named_subjects_can_read_secrets(env, clusters):
    """Every subject that can get, list or watch Secrets, cluster-wide or in a namespace, is one
    named in expected_secret_readers, and each named one is there (else the list is stale)."""
    grants, _ = secret_grants(clusters[env])
    readers = secret_readers(grants)
    expected = expected_secret_readers(env, clusters[env])
    unexpected = [f"{grant}" for key, found in sorted(readers.items()) if key not in expected for grant in found]
    missing = [
        f"{subject} in {scope}: {why}" for (subject, scope), why in sorted(expected.items()) if (subject, scope) not in readers
    ]
    assert not unexpected and not missing, "unexpected:\n" + "\n".join(unexpected) + "\nnamed but absent:\n" + "\n".join(missing)


@needs_addons
@pytest.mark.parametrize("env", ENVS)
def test_the_user_facing_add_ons_read_no_secret(env, clusters):
    """Grafana (published to admins) and kube-state-metrics: no Secret at all, and Grafana's
    sidecars only the ConfigMaps of the namespaces they search, through our Role."""
    lacking = {part for parts in incomplete_addons(env).values() for part in parts} & {"grafana", "kube-state-metrics"}
    if lacking:
        pytest.skip(
            f"not checked: the RBAC of {', '.join(sorted(lacking))} (sub-charts this add-ons copy lacks); "
            "ECOMMERCE_ADDONS_DIR=<a complete copy, `make addons`> checks it"
        )
    cluster = clusters[env]
    grants, _ = secret_grants(cluster)
    accounts = {sa("monitoring", "grafana"), sa("monitoring", "kube-prometheus-stack-kube-state-metrics")}
    assert [str(grant) for grant in grants if grant.subject in accounts] == []
    if ENVIRONMENTS[env].monitoring.dashboards:
        configmaps, _ = cluster_rbac(cluster).grants("", "configmaps")
        scopes = {grant.scope for grant in configmaps if grant.subject == sa("monitoring", "grafana") and grant.reads}
        searched = {MONITORING_STACK_NAMESPACE, ENVIRONMENTS[env].monitoring_namespace}
        assert scopes == searched, "Grafana's sidecars read ConfigMaps where they search, and nowhere else"
        roles = [grant.role for grant in configmaps if grant.subject == sa("monitoring", "grafana")]
        assert set(roles) == {f"Role {namespace}/{GRAFANA_SIDECAR_ROLE}" for namespace in searched}


@needs_addons
@pytest.mark.parametrize("env", ENVS)
def test_every_binding_names_a_role_that_exists(env, clusters):
    """A binding to a missing role grants nothing: the workload it was for fails at run time."""
    _, unresolved = cluster_rbac(clusters[env]).grants("", "secrets")
    assert unresolved == []


@needs_addons
@pytest.mark.parametrize("env", ENVS)
def test_no_role_aggregated_into_view_reads_secrets(env, clusters):
    """Kubernetes' `view` ClusterRole aggregates every ClusterRole labelled aggregate-to-view
    (bootstrappolicy); one of those reading Secrets would give that to every viewer."""
    rbac = cluster_rbac(clusters[env])
    label = "rbac.authorization.k8s.io/aggregate-to-view"
    offending = [
        f"{origin}: ClusterRole {obj['metadata']['name']}"
        for origin, obj in rbac.objects
        if obj.get("kind") == "ClusterRole" and (obj["metadata"].get("labels") or {}).get(label) == "true"
        for rule in obj.get("rules") or []
        if any(rule_allows(rule, verb, "", "secrets") for verb in ("get", "list", "watch"))
    ]
    assert offending == []


# --- Traefik still serves what it must, from the namespaces it watches ------------------------

TRAEFIK_KINDS = {
    "IngressRoute",
    "IngressRouteTCP",
    "IngressRouteUDP",
    "Middleware",
    "MiddlewareTCP",
    "TLSOption",
    "TLSStore",
    "ServersTransport",
    "TraefikService",
}


def _traefik_flags(cluster: Cluster) -> dict[str, str]:
    (deployment,) = [obj for obj in cluster.addons["traefik"] if obj.get("kind") == "Deployment"]
    (container,) = [c for c in deployment["spec"]["template"]["spec"]["containers"] if c["name"] == "traefik"]
    return dict(arg.removeprefix("--").partition("=")[::2] for arg in container.get("args") or [])


def _served_ingress(ingress: dict, flags: dict[str, str]) -> bool:
    """Traefik v3.7.9's choice (pkg/provider/kubernetes/ingress/kubernetes.go,
    shouldProcessIngress): an Ingress naming an IngressClass needs Traefik to have listed
    IngressClasses, which it does not with disableClusterScopeResources; otherwise its
    kubernetes.io/ingress.class annotation must be Traefik's class (`traefik` by default). The
    API server's DefaultIngressClass admission names the default class (ours: traefik) on an
    Ingress that names none, by field or annotation."""
    spec, annotations = ingress.get("spec") or {}, ingress["metadata"].get("annotations") or {}
    annotation = annotations.get("kubernetes.io/ingress.class")
    class_name = spec.get("ingressClassName") or (None if annotation is not None else "traefik")
    if class_name is not None:
        return flags.get("providers.kubernetesingress.disableClusterScopeResources") != "true"
    wanted = flags.get("providers.kubernetesingress.ingressClass", "")
    return annotation == (wanted or "traefik")


@needs_addons
@pytest.mark.parametrize("env", ENVS)
def test_traefik_serves_every_route_of_the_platform(env, clusters):
    """Traefik is the only ingress controller: each of its objects and each Ingress must be in a
    namespace it watches, and each Ingress one it accepts."""
    cluster = clusters[env]
    flags = _traefik_flags(cluster)

    def watched(provider: str) -> set[str] | None:
        value = flags.get(f"providers.{provider}.namespaces")
        return None if value is None else set(value.split(","))

    crd, ingress = watched("kubernetescrd"), watched("kubernetesingress")
    assert crd == ingress == set(traefik_namespaces(ENVIRONMENTS[env]))
    unserved = []
    for origin, obj in cluster.origins():
        where = f"{origin}: {obj.get('kind')} {namespace_of(obj)}/{obj['metadata'].get('name')}"
        if obj.get("kind") in TRAEFIK_KINDS and str(obj.get("apiVersion", "")).startswith("traefik.io/"):
            if namespace_of(obj) not in crd:
                unserved.append(f"{where}: namespace not watched")
        elif obj.get("kind") == "Ingress":
            if namespace_of(obj) not in ingress:
                unserved.append(f"{where}: namespace not watched")
            elif not _served_ingress(obj, flags):
                unserved.append(f"{where}: Traefik does not accept its class")
    assert unserved == []
    solvers = [obj for obj in cluster.runtime if obj.get("kind") == "Ingress"]
    assert solvers or ENVIRONMENTS[env].tls.mode is TlsMode.OFF, "the HTTP-01 solvers' Ingresses are part of the check"
