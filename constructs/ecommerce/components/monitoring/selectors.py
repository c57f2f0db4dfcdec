"""Labels by which kube-prometheus-stack finds what the platform gives it (components/argocd.py sets
the matching selectors in the stack's values)."""

# Prometheus selects ServiceMonitors and PrometheusRules by this label.
PROMETHEUS_SELECTOR = {"release": "kube-prometheus-stack"}
# Alertmanager selects AlertmanagerConfigs by this one.
ALERTMANAGER_SELECTOR = {"alertmanagerconfig": "e-commerce"}
# The Grafana sidecar loads ConfigMaps carrying this label as dashboards.
DASHBOARD_LABEL = {"grafana_dashboard": "1"}
DASHBOARD_FOLDER = "E-commerce"
