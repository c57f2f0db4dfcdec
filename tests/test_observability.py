"""Scraping, dashboards and alert routing, per monitoring level."""

from __future__ import annotations

import json

import pytest

from ecommerce.components.monitoring.dashboards import DASHBOARDS, dashboard_json, panel_expressions
from ecommerce.components.monitoring.metrics import SERIES_NAMES
from ecommerce.components.monitoring.rules import recordings
from ecommerce.components.monitoring.stack import Observability, ObservabilityProps
from ecommerce.model.catalog import CATALOG
from ecommerce.model.environments import DEV, PROD, STAGING

from .helpers import of_kind, one, synth
from .promql import check_rules, metric_names, substitute_grafana_variables


def build(env):
    return synth(lambda scope: Observability(scope, "observability", env, ObservabilityProps(CATALOG)))


def documents(env):
    return [json.loads(dashboard_json(build_dashboard(env))) for build_dashboard in DASHBOARDS]


def test_every_service_and_data_store_is_scraped_on_its_metrics_port():
    monitors = {(m["metadata"]["namespace"], m["metadata"]["name"]): m for m in of_kind(build(DEV), "ServiceMonitor")}
    expected = {("e-commerce-dev", s.name) for s in CATALOG} | {
        ("e-commerce-dev", "redis"),
        ("e-commerce-data", "mysql"),
        ("e-commerce-messaging", "rabbitmq"),
    }
    assert set(monitors) == expected
    for monitor in monitors.values():
        assert monitor["metadata"]["labels"]["release"] == "kube-prometheus-stack"
    orders = monitors[("e-commerce-dev", "orders")]["spec"]
    assert orders["endpoints"] == [{"interval": "60s", "path": "/metrics", "port": "metrics", "scrapeTimeout": "10s"}]
    assert orders["selector"]["matchLabels"]["app.kubernetes.io/name"] == "orders"
    rabbitmq = monitors[("e-commerce-messaging", "rabbitmq")]["spec"]["endpoints"]
    assert [e["path"] for e in rabbitmq] == ["/metrics", "/metrics/detailed"]
    assert rabbitmq[1]["params"]["family"] == ["queue_coarse_metrics", "queue_consumer_count"]


def test_mysql_is_scraped_where_each_mode_exposes_it():
    dev = one(build(DEV), "ServiceMonitor", "mysql")["spec"]["selector"]["matchLabels"]
    assert dev["app.kubernetes.io/name"] == "mysql"
    assert one(build(DEV), "ServiceMonitor", "mysql")["spec"]["endpoints"][0]["path"] == "/metrics"
    prod = one(build(PROD), "ServiceMonitor", "mysql")["spec"]
    assert prod["selector"]["matchLabels"] == {"tier": "mysql", "mysql.oracle.com/cluster": "mysql"}
    # The operator's sidecar config names its socket as a URL, which mysqld_exporter's /metrics
    # takes for a path (and never connects); its multi-target /probe parses it.
    (endpoint,) = prod["endpoints"]
    assert endpoint["path"] == "/probe"
    assert endpoint["params"] == {"target": ["unix:///var/run/mysqld/mysql.sock"]}


@pytest.mark.parametrize(("env", "dashboards", "alerting"), [(DEV, False, False), (STAGING, True, False), (PROD, True, True)])
def test_the_monitoring_level_decides_what_exists(env, dashboards, alerting):
    objects = build(env)
    rules = of_kind(objects, "PrometheusRule")
    assert bool(rules) == dashboards
    if rules:
        groups = [g["name"] for g in rules[0]["spec"]["groups"]]
        assert groups == (["e-commerce.recording", "e-commerce.alerts"] if alerting else ["e-commerce.recording"])
    maps = [m for m in of_kind(objects, "ConfigMap") if m["metadata"]["labels"].get("grafana_dashboard") == "1"]
    assert len(maps) == (3 if dashboards else 0)
    assert bool(of_kind(objects, "AlertmanagerConfig")) == alerting


def test_dashboards_are_shipped_for_the_grafana_sidecar():
    maps = [m for m in of_kind(build(STAGING), "ConfigMap")]
    names = {m["metadata"]["name"] for m in maps}
    assert names == {"dashboard-e-commerce-overview", "dashboard-e-commerce-business", "dashboard-e-commerce-infrastructure"}
    for config_map in maps:
        assert config_map["metadata"]["namespace"] == "monitoring"
        assert config_map["metadata"]["annotations"]["grafana_folder"] == "E-commerce"
        (content,) = config_map["data"].values()
        assert json.loads(content)["uid"] in config_map["metadata"]["name"]


def titles(document):
    return {panel["title"] for panel in document["panels"]}


def test_dashboards_cover_the_users_list():
    overview, business, infrastructure = documents(PROD)
    assert overview["title"] == "E-commerce Overview"
    assert {
        "Orders (last hour)",
        "Orders (24h)",
        "Revenue (24h)",
        "Conversion (1h)",
        "Cart abandonment (1h)",
        "Average order value (1h)",
        "Active users",
        "Top products (24h)",
        "Performance per site (1h)",
    } <= titles(overview)
    assert business["title"] == "Business Metrics"
    assert {"Conversion funnel (selected range)", "Revenue per site (hourly)", "Average order value per site"} <= titles(business)
    assert infrastructure["title"] == "Infrastructure"
    assert {
        "CPU per service",
        "Memory per service",
        "Network",
        "Disk I/O of the data stores",
        "Latency p95",
        "HTTP error rate (5xx)",
        "RabbitMQ queues (ready messages)",
        "MySQL connections",
        "Load balancing: api-gateway requests per pod",
    } <= titles(infrastructure)


def all_panel_expressions():
    return [(doc["uid"], expr) for doc in documents(PROD) for expr in panel_expressions(doc)]


def test_every_panel_query_parses_with_promtool(tmp_path):
    rules = [
        {"record": f"dashboard:{uid.replace('-', '_')}:panel{index}", "expr": substitute_grafana_variables(expr)}
        for index, (uid, expr) in enumerate(all_panel_expressions())
    ]
    assert len(rules) > 30
    result = check_rules([{"name": "dashboards", "rules": rules}], tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr


def test_every_panel_uses_metrics_that_are_exported():
    recorded = {rule.record for rule in recordings(PROD)}
    for uid, expr in all_panel_expressions():
        unknown = metric_names(substitute_grafana_variables(expr)) - SERIES_NAMES - recorded
        assert not unknown, f"{uid}: {unknown} in {expr}"


def test_alerts_are_routed_by_severity():
    config = one(build(PROD), "AlertmanagerConfig")
    assert config["metadata"]["labels"]["alertmanagerconfig"] == "e-commerce"
    route = config["spec"]["route"]
    children = {(tuple(m["value"] for m in r.get("matchers", [])), r["receiver"]) for r in route["routes"]}
    assert children == {((), "webhook"), (("critical",), "critical"), (("warning",), "email")}
    assert all(r["continue"] for r in route["routes"])
    receivers = {r["name"]: r for r in config["spec"]["receivers"]}
    assert set(receivers["critical"]) == {"name", "slackConfigs", "emailConfigs"}
    assert set(receivers["email"]) == {"name", "emailConfigs"}
    slack = receivers["critical"]["slackConfigs"][0]
    assert slack["apiURL"] == {"name": "alertmanager-receivers", "key": "slack-webhook-url"}
    email = receivers["email"]["emailConfigs"][0]
    assert email["authPassword"] == {"name": "alertmanager-receivers", "key": "smtp-password"}
    assert receivers["webhook"]["webhookConfigs"][0]["urlSecret"]["key"] == "webhook-url"
