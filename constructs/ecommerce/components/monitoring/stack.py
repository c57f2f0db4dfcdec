"""What the environment's monitoring level asks for, for kube-prometheus-stack to pick up.

- basic: a ServiceMonitor for every service and data store.
- dashboards: also the recording rules and the three Grafana dashboards.
- alerting: also the alert rules and the Alertmanager routing.
"""

from __future__ import annotations

from dataclasses import dataclass

from cdk8s_plus_27 import k8s
from constructs import Construct

from ecommerce.components.meta import Part
from ecommerce.components.monitoring.dashboards import DASHBOARDS, dashboard_json
from ecommerce.components.monitoring.rules import rule_groups
from ecommerce.components.mysql.server import OPERATOR_EXPORTER_TARGET
from ecommerce.derived.endpoints import CA_KEY, CA_SECRET, MYSQL, RABBITMQ, REDIS, rabbitmq_host
from ecommerce.derived.labels import (
    ALERTMANAGER_SELECTOR,
    DASHBOARD_FOLDER,
    DASHBOARD_LABEL,
    PROMETHEUS_SELECTOR,
    labels,
    selector,
)
from ecommerce.derived.secret_specs import ALERTMANAGER_SECRET
from ecommerce.model.catalog import Catalog
from ecommerce.model.environments import Environment
from imports.monitoring_alertmanagerconfigs.com.coreos import monitoring as alertmanager
from imports.monitoring_prometheusrules.com.coreos import monitoring as rules_crd
from imports.monitoring_servicemonitors.com.coreos import monitoring as scraping


@dataclass(frozen=True)
class ObservabilityProps:
    """catalog: the services whose metrics are scraped and whose names the dashboards list;
    what else is built (rules, dashboards, alert routing) follows the environment's
    monitoring level."""

    catalog: Catalog


class Observability(Part):
    """ServiceMonitors for everything the platform runs; rules and dashboards from the
    `dashboards` level, alerting and its routing at `alerting`."""

    def __init__(self, scope: Construct, id: str, env: Environment, props: ObservabilityProps) -> None:
        super().__init__(scope, id, env)
        self.catalog = props.catalog
        self._service_monitors()
        monitoring = env.monitoring
        if monitoring.dashboards:
            self._rules(alerting=monitoring.alerting)
            self._dashboards()
        if monitoring.alerting:
            self._alert_routing()

    def _monitor(
        self, name: str, namespace: str, match: dict[str, str], endpoints: list[scraping.ServiceMonitorSpecEndpoints]
    ) -> None:
        env = self.env
        scraping.ServiceMonitor(
            self,
            f"{namespace}-{name}",
            metadata=self.cr_meta(name, labels(env, name, "monitoring") | PROMETHEUS_SELECTOR, namespace),
            spec=scraping.ServiceMonitorSpec(
                selector=scraping.ServiceMonitorSpecSelector(match_labels=match),
                namespace_selector=scraping.ServiceMonitorSpecNamespaceSelector(match_names=[namespace]),
                endpoints=endpoints,
            ),
        )

    def _endpoint(
        self, port: str, path: str = "/metrics", params: dict[str, list[str]] | None = None, server_name: str | None = None
    ) -> scraping.ServiceMonitorSpecEndpoints:
        """With `server_name`: over TLS, verifying the internal CA's certificate under that name."""
        tls = None
        if server_name is not None:
            tls = scraping.ServiceMonitorSpecEndpointsTlsConfig(
                ca=scraping.ServiceMonitorSpecEndpointsTlsConfigCa(
                    secret=scraping.ServiceMonitorSpecEndpointsTlsConfigCaSecret(name=CA_SECRET, key=CA_KEY)
                ),
                server_name=server_name,
            )
        return scraping.ServiceMonitorSpecEndpoints(
            port=port,
            path=path,
            params=params,
            interval=self.env.monitoring.scrape_interval,
            scrape_timeout="10s",
            scheme=None if tls is None else scraping.ServiceMonitorSpecEndpointsScheme.HTTPS,
            tls_config=tls,
        )

    def _service_monitors(self) -> None:
        env = self.env
        for service in self.catalog:
            self._monitor(
                service.name, env.namespace, selector(env, service.name), [self._endpoint("metrics", service.metrics_path)]
            )
        if self.catalog.redis_users:
            self._monitor(REDIS, env.namespace, selector(env, REDIS), [self._endpoint("metrics")])
        # The operator exposes each member's metrics sidecar on the "<cluster>-instances" Service.
        if env.database.operator_managed:
            mysql_services = {"tier": "mysql", "mysql.oracle.com/cluster": MYSQL}
            mysql_endpoint = self._endpoint("metrics", "/probe", {"target": [OPERATOR_EXPORTER_TARGET]})
        else:
            mysql_services, mysql_endpoint = selector(env, MYSQL), self._endpoint("metrics")
        self._monitor(MYSQL, env.data_namespace, mysql_services, [mysql_endpoint])
        # Aggregated node metrics, plus per-queue depth and consumers from the detailed endpoint.
        # With TLS on, the operator's Service publishes the metrics port over TLS only.
        rabbitmq_name = rabbitmq_host(env)
        self._monitor(
            RABBITMQ,
            env.messaging_namespace,
            {"app.kubernetes.io/name": RABBITMQ, "app.kubernetes.io/component": RABBITMQ},
            [
                self._endpoint("prometheus-tls", server_name=rabbitmq_name),
                self._endpoint(
                    "prometheus-tls",
                    "/metrics/detailed",
                    {"family": ["queue_coarse_metrics", "queue_consumer_count"], "vhost": ["e-commerce"]},
                    server_name=rabbitmq_name,
                ),
            ],
        )

    def _rules(self, alerting: bool) -> None:
        env = self.env
        groups = []
        for group in rule_groups(env, alerting):
            rules = []
            for rule in group["rules"]:
                rules.append(
                    rules_crd.PrometheusRuleSpecGroupsRules(
                        expr=rules_crd.PrometheusRuleSpecGroupsRulesExpr.from_string(rule["expr"]),
                        record=rule.get("record"),
                        alert=rule.get("alert"),
                        for_=rule.get("for"),
                        labels=rule.get("labels"),
                        annotations=rule.get("annotations"),
                    )
                )
            groups.append(rules_crd.PrometheusRuleSpecGroups(name=group["name"], rules=rules))
        rules_crd.PrometheusRule(
            self,
            "rules",
            metadata=self.cr_meta(
                "e-commerce", labels(env, "e-commerce", "monitoring") | PROMETHEUS_SELECTOR, env.monitoring_namespace
            ),
            spec=rules_crd.PrometheusRuleSpec(groups=groups),
        )

    def _dashboards(self) -> None:
        env = self.env
        for build in DASHBOARDS:
            dashboard = build(env)
            uid = dashboard.build().uid
            k8s.KubeConfigMap(
                self,
                f"dashboard-{uid}",
                metadata=self.meta(
                    f"dashboard-{uid}",
                    labels(env, "grafana", "monitoring") | DASHBOARD_LABEL,
                    env.monitoring_namespace,
                    annotations={"grafana_folder": DASHBOARD_FOLDER},
                ),
                data={f"{uid}.json": dashboard_json(dashboard)},
            )

    def _alert_routing(self) -> None:

        env = self.env
        routing = env.monitoring.alert_routing
        assert routing is not None
        a = alertmanager
        email = a.AlertmanagerConfigSpecReceiversEmailConfigs(
            to=routing.email_to,
            from_=routing.email_from,
            smarthost=routing.smtp_smarthost,
            auth_username=routing.email_from,
            auth_password=a.AlertmanagerConfigSpecReceiversEmailConfigsAuthPassword(
                name=ALERTMANAGER_SECRET, key="smtp-password"
            ),
            require_tls=True,
            send_resolved=True,
        )
        slack = a.AlertmanagerConfigSpecReceiversSlackConfigs(
            api_url=a.AlertmanagerConfigSpecReceiversSlackConfigsApiUrl(name=ALERTMANAGER_SECRET, key="slack-webhook-url"),
            channel=routing.slack_channel,
            send_resolved=True,
            title="[{{ .Status | toUpper }}] {{ .CommonLabels.alertname }} ({{ .CommonLabels.environment }})",
            text=(
                "{{ range .Alerts }}{{ .Annotations.summary }}: {{ .Annotations.description }}"
                " {{ .Annotations.runbook_url }}\n{{ end }}"
            ),
        )
        webhook = a.AlertmanagerConfigSpecReceiversWebhookConfigs(
            url_secret=a.AlertmanagerConfigSpecReceiversWebhookConfigsUrlSecret(name=ALERTMANAGER_SECRET, key="webhook-url"),
            send_resolved=True,
        )

        def child(receiver: str, severity: str | None) -> dict:
            route: dict = {"receiver": receiver, "continue": True}
            if severity:
                # Without matchType the match is exact ("="), which YAML 1.1 readers would
                # otherwise take for a tag.
                route["matchers"] = [{"name": "severity", "value": severity}]
            return route

        a.AlertmanagerConfig(
            self,
            "alert-routing",
            metadata=self.cr_meta(
                "e-commerce", labels(env, "alertmanager", "monitoring") | ALERTMANAGER_SELECTOR, env.monitoring_namespace
            ),
            spec=a.AlertmanagerConfigSpec(
                route=a.AlertmanagerConfigSpecRoute(
                    receiver="webhook",
                    group_by=["alertname", "service", "queue", "pod"],
                    group_wait="30s",
                    group_interval="5m",
                    repeat_interval="4h",
                    # Everything goes to the webhook; critical alerts also to Slack and
                    # e-mail; warnings also to e-mail.
                    routes=[child("webhook", None), child("critical", "critical"), child("email", "warning")],
                ),
                receivers=[
                    a.AlertmanagerConfigSpecReceivers(name="webhook", webhook_configs=[webhook]),
                    a.AlertmanagerConfigSpecReceivers(name="critical", slack_configs=[slack], email_configs=[email]),
                    a.AlertmanagerConfigSpecReceivers(name="email", email_configs=[email]),
                ],
                # A critical alert silences the warnings of the same service.
                inhibit_rules=[
                    a.AlertmanagerConfigSpecInhibitRules(
                        source_match=[a.AlertmanagerConfigSpecInhibitRulesSourceMatch(name="severity", value="critical")],
                        target_match=[a.AlertmanagerConfigSpecInhibitRulesTargetMatch(name="severity", value="warning")],
                        equal=["service"],
                    )
                ],
            ),
        )
