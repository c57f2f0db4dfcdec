"""Where the cluster add-ons the platform relies on run, and how their pods are labelled.

They are installed from pinned upstream releases (see argocd.py); network policies and
routes refer to them through these names only.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class AddOn:
    namespace: str
    pods: dict[str, str] = field(default_factory=dict)


KUBE_DNS = AddOn("kube-system", {"k8s-app": "kube-dns"})
# CoreDNS's own metrics, which kube-prometheus-stack scrapes by default.
KUBE_DNS_METRICS_PORT = 9153
MYSQL_OPERATOR = AddOn("mysql-operator", {"name": "mysql-operator"})
RABBITMQ_CLUSTER_OPERATOR = AddOn("rabbitmq-system", {"app.kubernetes.io/name": "rabbitmq-cluster-operator"})
RABBITMQ_TOPOLOGY_OPERATOR = AddOn("rabbitmq-system", {"app.kubernetes.io/name": "messaging-topology-operator"})
# Pods of kube-prometheus-stack in the monitoring namespace.
PROMETHEUS_PODS = {"app.kubernetes.io/name": "prometheus"}
GRAFANA_PODS = {"app.kubernetes.io/name": "grafana"}
ALERTMANAGER_PODS = {"app.kubernetes.io/name": "alertmanager"}
GRAFANA_PORT = 3000
TRAEFIK_PODS = {"app.kubernetes.io/name": "traefik"}
# cert-manager's ACME HTTP-01 solver pods, created beside each Certificate.
ACME_SOLVER_PODS = {"acme.cert-manager.io/http01-solver": "true"}
ACME_SOLVER_PORT = 8089
# kube-prometheus-stack's Grafana, with fullnameOverride "grafana" (argocd.py).
GRAFANA_SERVICE = "grafana"
GRAFANA_SERVICE_PORT = 80


@dataclass(frozen=True)
class MetricsEndpoint:
    """Pods of an add-on (in its namespace) that its own ServiceMonitor scrapes, and the port."""

    pods: dict[str, str]
    port: int


# What each add-on chart's ServiceMonitor scrapes, as rendered at the pinned versions.
CERT_MANAGER_METRICS = MetricsEndpoint({"app.kubernetes.io/instance": "cert-manager"}, 9402)
EXTERNAL_SECRETS_METRICS = MetricsEndpoint({"app.kubernetes.io/instance": "external-secrets"}, 8080)
TRAEFIK_METRICS = MetricsEndpoint(TRAEFIK_PODS, 9100)
# Control-plane components kube-prometheus-stack scrapes where the control plane is our own:
# kube-controller-manager, kube-scheduler, etcd, kube-proxy (on the nodes' addresses).
SELF_MANAGED_CONTROL_PLANE_PORTS = (10257, 10259, 2381, 10249)


# Images of the pinned add-ons that are not pinned by digest (as the platform's own are, in
# releases/*.yaml), each with why. A digest belongs in the add-on's values (cert-manager's
# `*.image.digest`, Traefik's `image.digest` with `versionOverride`, kube-prometheus-stack's
# `*.image.sha`) or in its kustomization's `images:`, and then out of this table; the
# platform check (test_platform_addons) fails on an unpinned image missing from it and on an
# entry no add-on renders any more.
_NO_PUBLISHED_DIGEST = (
    "no digest stated by its publisher could be read offline (its release notes and manifests name tags only, and "
    "neither docker-library/repo-info nor registry.k8s.io's promotion manifests list this version), and a digest "
    "nobody can check here is not pinned: resolve it from a trusted network (`crane digest <image>`) and pin it"
)
UNPINNED_ADD_ON_IMAGES: dict[str, str] = {
    "quay.io/jetstack/cert-manager-acmesolver:v1.21.1": _NO_PUBLISHED_DIGEST,
    "quay.io/jetstack/cert-manager-cainjector:v1.21.1": _NO_PUBLISHED_DIGEST,
    "quay.io/jetstack/cert-manager-controller:v1.21.1": _NO_PUBLISHED_DIGEST,
    "quay.io/jetstack/cert-manager-startupapicheck:v1.21.1": _NO_PUBLISHED_DIGEST,
    "quay.io/jetstack/cert-manager-webhook:v1.21.1": _NO_PUBLISHED_DIGEST,
    "ghcr.io/external-secrets/external-secrets:v2.3.0": _NO_PUBLISHED_DIGEST,
    "docker.io/grafana/grafana:13.1.3": _NO_PUBLISHED_DIGEST,
    "ghcr.io/jkroepke/kube-webhook-certgen:1.8.5": _NO_PUBLISHED_DIGEST,
    "quay.io/kiwigrid/k8s-sidecar:2.10.1": _NO_PUBLISHED_DIGEST,
    "quay.io/prometheus-operator/prometheus-config-reloader:v0.93.0": _NO_PUBLISHED_DIGEST,
    "quay.io/prometheus-operator/prometheus-operator:v0.93.0": _NO_PUBLISHED_DIGEST,
    "quay.io/prometheus/alertmanager:v0.33.1": _NO_PUBLISHED_DIGEST,
    "quay.io/prometheus/prometheus:v3.13.2-distroless": _NO_PUBLISHED_DIGEST,
    # The Prometheus Operator's --thanos-default-base-image: used only for Thanos sidecars and
    # rulers, which the platform does not configure.
    "quay.io/thanos/thanos:v0.42.4": "never run (no Thanos sidecar or ruler is configured); " + _NO_PUBLISHED_DIGEST,
    "registry.k8s.io/kube-state-metrics/kube-state-metrics:v2.19.1": _NO_PUBLISHED_DIGEST,
    "container-registry.oracle.com/mysql/community-operator:9.1.0-2.2.2": _NO_PUBLISHED_DIGEST,
    "ghcr.io/rabbitmq/cluster-operator:2.22.3": _NO_PUBLISHED_DIGEST,
    "ghcr.io/rabbitmq/messaging-topology-operator:1.20.1": _NO_PUBLISHED_DIGEST,
    "docker.io/traefik:v3.7.9": _NO_PUBLISHED_DIGEST,
}


# The Deployments whose availability means an add-on (by its name in addons.py) runs, as its
# pinned release names them: `make deploy` checks them before it applies anything. The
# platform check (tests/test_operations.py) holds this to what each add-on renders.
ADD_ON_DEPLOYMENTS: dict[str, tuple[str, ...]] = {
    "kube-prometheus-stack": ("kube-prometheus-stack-operator",),
    "cert-manager": ("cert-manager", "cert-manager-cainjector", "cert-manager-webhook"),
    "external-secrets": ("external-secrets", "external-secrets-cert-controller", "external-secrets-webhook"),
    "traefik": ("traefik",),
    "mysql-operator": ("mysql-operator",),
    "rabbitmq-cluster-operator": ("rabbitmq-cluster-operator",),
    "rabbitmq-messaging-topology-operator": ("messaging-topology-operator",),
}
