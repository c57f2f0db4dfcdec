"""Where the cluster add-ons the platform relies on run, and how their pods are labelled.

They are installed from pinned upstream releases (see components/argocd.py); network policies and
routes refer to them through these names only.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from ecommerce.errors import ConfigError, require
from ecommerce.model.project import PROJECT_ROOT


@dataclass(frozen=True)
class InstalledAddOn:
    namespace: str
    pods: dict[str, str] = field(default_factory=dict)


KUBE_DNS = InstalledAddOn("kube-system", {"k8s-app": "kube-dns"})
# CoreDNS's own metrics, which kube-prometheus-stack scrapes by default.
KUBE_DNS_METRICS_PORT = 9153
MYSQL_OPERATOR = InstalledAddOn("mysql-operator", {"name": "mysql-operator"})
RABBITMQ_CLUSTER_OPERATOR = InstalledAddOn("rabbitmq-system", {"app.kubernetes.io/name": "rabbitmq-cluster-operator"})
RABBITMQ_TOPOLOGY_OPERATOR = InstalledAddOn("rabbitmq-system", {"app.kubernetes.io/name": "messaging-topology-operator"})
# Pods of kube-prometheus-stack in the monitoring namespace.
PROMETHEUS_PODS = {"app.kubernetes.io/name": "prometheus"}
GRAFANA_PODS = {"app.kubernetes.io/name": "grafana"}
ALERTMANAGER_PODS = {"app.kubernetes.io/name": "alertmanager"}
GRAFANA_PORT = 3000
TRAEFIK_PODS = {"app.kubernetes.io/name": "traefik"}
# cert-manager's ACME HTTP-01 solver pods, created beside each Certificate.
ACME_SOLVER_PODS = {"acme.cert-manager.io/http01-solver": "true"}
ACME_SOLVER_PORT = 8089
# kube-prometheus-stack's Grafana, with fullnameOverride "grafana" (components/argocd.py).
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


# The add-ons' images pinned by digest, as the platform's own are (releases/*.yaml): image
# reference (as its chart or manifest names it) -> digest, from addon-images.lock.json, which
# also says where each digest was corroborated. No registry is reachable where they were
# pinned: each is the digest at least two independent public repositories pin for that same
# reference. A registry serves an image by its content hash and only from the publisher's
# repository, so a wrong digest can at worst fail to pull (or name another image the
# publisher pushed there), never run someone else's; `make image-digests` asks the registries.
ADD_ON_IMAGES_LOCK = PROJECT_ROOT / "addon-images.lock.json"
_DIGEST = re.compile(r"^sha256:[0-9a-f]{64}$")


def _pinned_digests(lock: Path) -> dict[str, str]:
    """image -> digest from the lock; a lock that cannot be read or is malformed is bad input."""
    try:
        images = json.loads(lock.read_text(encoding="utf-8"))["images"]
        digests = {str(image): entry["digest"] for image, entry in images.items()}
    except OSError as error:
        raise ConfigError(lock.name, f"cannot be read: {error.strerror}") from None
    except (ValueError, KeyError, TypeError, AttributeError):
        raise ConfigError(
            lock.name, 'must be JSON: {"images": {"<image>:<tag>": {"digest": "sha256:<64 hex digits>", ...}}}'
        ) from None
    for image, digest in digests.items():
        require(
            isinstance(digest, str) and bool(_DIGEST.match(digest)),
            f"{lock.name}: {image}",
            f"digest must be sha256:<64 hex digits> (got {digest!r})",
        )
    return digests


ADD_ON_IMAGE_DIGESTS: dict[str, str] = _pinned_digests(ADD_ON_IMAGES_LOCK)


def image_digest(image: str) -> str:
    """The pinned digest (`sha256:<hex>`) of an add-on image, by its reference with tag."""
    return ADD_ON_IMAGE_DIGESTS[image]


# Images of the pinned add-ons that are not pinned by digest, each with why. A digest belongs
# in addon-images.lock.json and in the add-on's values (cert-manager's `*.image.digest`,
# Traefik's `image.digest` with `versionOverride`, kube-prometheus-stack's `*.image.sha`) or
# its kustomization's `images:`, and then out of this table; the platform check
# (test_platform_addons) fails on an unpinned image missing from it, on an entry no add-on
# renders any more, and on a pinned image rendered with another digest than the lock's.
_NOT_CORROBORATED = (
    "no public repository the search index holds pins a digest for this tag (its publisher's release notes and "
    "manifests name tags only), and no digest is pinned that two independent sources do not agree on: resolve it "
    "from a network that reaches the registry (`crane digest <image>`), record it in addon-images.lock.json and pin it"
)
UNPINNED_ADD_ON_IMAGES: dict[str, str] = {
    "quay.io/jetstack/cert-manager-acmesolver:v1.21.1": (
        "one public repository only (OpenAgentsInc/openagents) pins a digest for it, where two independent ones are "
        "required; " + _NOT_CORROBORATED
    ),
    "ghcr.io/external-secrets/external-secrets:v2.3.0": _NOT_CORROBORATED,
    "ghcr.io/jkroepke/kube-webhook-certgen:1.8.5": _NOT_CORROBORATED,
    "container-registry.oracle.com/mysql/community-operator:9.1.0-2.2.2": _NOT_CORROBORATED,
    "ghcr.io/rabbitmq/cluster-operator:2.22.3": _NOT_CORROBORATED,
    "ghcr.io/rabbitmq/messaging-topology-operator:1.20.1": _NOT_CORROBORATED,
}


# The Deployments whose availability means an add-on (by its name in derived/add_on_releases.py) runs, as its
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
