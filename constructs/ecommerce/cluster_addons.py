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
