"""The monitoring stack's network policies: Prometheus scrapes every metrics port of the
platform, the add-ons, CoreDNS, the kubelets (and the control plane where it is ours);
Alertmanager reaches its receivers; the API server calls the operator's webhook; Grafana is
reached through Traefik where admins may reach it."""

from __future__ import annotations

from ecommerce.derived.add_on_releases import add_ons
from ecommerce.derived.endpoints import MYSQL_EXPORTER_PORT, RABBITMQ_PROMETHEUS_PORT, REDIS_EXPORTER_PORT
from ecommerce.derived.flows import KUBELET_PORT, Peer, Policy, Rule, api_server, infrastructure, outside, ports, traefik
from ecommerce.model.catalog import Catalog
from ecommerce.model.environments import Environment
from ecommerce.model.installed_add_ons import (
    ALERTMANAGER_PODS,
    GRAFANA_PODS,
    GRAFANA_PORT,
    KUBE_DNS,
    KUBE_DNS_METRICS_PORT,
    PROMETHEUS_PODS,
    SELF_MANAGED_CONTROL_PLANE_PORTS,
)


def monitoring_policies(env: Environment, catalog: Catalog) -> list[Policy]:
    monitoring = env.monitoring_namespace
    service_ports = {service.metrics_port for service in catalog}
    metrics_ports = sorted(service_ports | {MYSQL_EXPORTER_PORT, REDIS_EXPORTER_PORT, RABBITMQ_PROMETHEUS_PORT})
    scraped = tuple(Peer(namespace) for namespace in (env.namespace, env.data_namespace, env.messaging_namespace))
    stack = Peer(monitoring)
    policies = [
        # The stack's own components (Prometheus, Alertmanager, Grafana, operator,
        # kube-state-metrics) talk to each other and to the API server.
        Policy(
            "monitoring-stack",
            monitoring,
            {},
            ingress=(Rule((stack,), (), "between the monitoring stack's components"),),
            egress=(
                Rule((stack,), (), "between the monitoring stack's components"),
                api_server(env, "service discovery and the operator use the API"),
            ),
            component="monitoring",
            owner="monitoring",
        ),
        Policy(
            "prometheus",
            monitoring,
            PROMETHEUS_PODS,
            egress=(
                Rule(scraped, ports(*metrics_ports), "scrapes the platform's metrics ports"),
                *_addon_scrape_rules(env),
                Rule((Peer(KUBE_DNS.namespace, KUBE_DNS.pods),), ports(KUBE_DNS_METRICS_PORT), "scrapes CoreDNS"),
                # node-exporter is not installed (derived/add_on_releases.py): only the kubelets' cAdvisor.
                Rule(infrastructure(env), ports(KUBELET_PORT), "scrapes the kubelets' container metrics"),
                *(
                    ()
                    if env.target_cluster.managed_control_plane
                    else (Rule(infrastructure(env), ports(*SELF_MANAGED_CONTROL_PLANE_PORTS), "scrapes the control plane"),)
                ),
            ),
            component="monitoring",
            owner="prometheus",
            types=("Egress",),
        ),
        Policy(
            "alertmanager",
            monitoring,
            ALERTMANAGER_PODS,
            egress=(Rule((outside(),), ports(443, 587), "Slack, webhooks and the SMTP relay"),),
            component="monitoring",
            owner="alertmanager",
            types=("Egress",),
        ),
        # The operator's admission webhook is called by the API server.
        Policy(
            "prometheus-operator-webhook",
            monitoring,
            {"app": "kube-prometheus-stack-operator"},
            ingress=(Rule(infrastructure(env), ports(10250), "admission webhook calls from the API server"),),
            component="monitoring",
            owner="prometheus-operator",
            types=("Ingress",),
        ),
    ]
    if env.admin_source_ranges:
        policies.append(
            Policy(
                "grafana",
                monitoring,
                GRAFANA_PODS,
                ingress=(Rule((traefik(env),), ports(GRAFANA_PORT), "Grafana UI, through Traefik's IP allow-list"),),
                component="monitoring",
                owner="grafana",
                types=("Ingress",),
            )
        )
    return policies


def _addon_scrape_rules(env: Environment) -> tuple[Rule, ...]:
    """The add-ons' own ServiceMonitors: their alerts fire only if Prometheus reaches them."""
    return tuple(
        Rule((Peer(add_on.namespace, endpoint.pods),), ports(endpoint.port), f"scrapes {add_on.name}")
        for add_on in add_ons(env)
        for endpoint in add_on.metrics
    )
