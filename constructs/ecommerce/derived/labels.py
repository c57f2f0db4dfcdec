"""Names, labels and annotations shared by every object the platform synthesises, as plain data
(no jsii): network flows and the model's derivations select pods by them too."""

from __future__ import annotations

from ecommerce.model.environments import Environment

PART_OF = "e-commerce"
MANAGED_BY = "cdk8s"
SYNC_WAVE = "argocd.argoproj.io/sync-wave"
# Custom resources whose CRD an earlier wave installs: Argo CD must not dry-run them first.
SKIP_DRY_RUN = {"argocd.argoproj.io/sync-options": "SkipDryRunOnMissingResource=true"}


def labels(env: Environment, name: str, component: str, version: str | None = None) -> dict[str, str]:
    """The recommended app.kubernetes.io labels plus the environment, for objects and pods alike."""
    result = {
        "app.kubernetes.io/name": name,
        "app.kubernetes.io/instance": instance(env),
        "app.kubernetes.io/component": component,
        "app.kubernetes.io/part-of": PART_OF,
        "app.kubernetes.io/managed-by": MANAGED_BY,
        "environment": env.name,
    }
    if version:
        result["app.kubernetes.io/version"] = version
    return result


def selector(env: Environment, name: str) -> dict[str, str]:
    """The stable subset of labels that selects one workload's pods."""
    return {"app.kubernetes.io/name": name, "app.kubernetes.io/instance": instance(env)}


def instance(env: Environment) -> str:
    """One installation of the platform: the same value on everything of an environment."""
    return f"{PART_OF}-{env.name}"


# Labels by which kube-prometheus-stack finds what the platform gives it; the stack's values
# (derived/add_on_releases.py) set the matching selectors.

# Prometheus selects ServiceMonitors and PrometheusRules by this label.
PROMETHEUS_SELECTOR = {"release": "kube-prometheus-stack"}
# Alertmanager selects AlertmanagerConfigs by this one.
ALERTMANAGER_SELECTOR = {"alertmanagerconfig": "e-commerce"}
# The Grafana sidecar loads ConfigMaps carrying this label as dashboards.
DASHBOARD_LABEL = {"grafana_dashboard": "1"}
DASHBOARD_FOLDER = "E-commerce"
