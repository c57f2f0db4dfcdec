"""Observability of the assembled platform: every monitor scrapes something, and every rule's
metrics are served by an exporter we deploy, in its version and with its flags."""

from __future__ import annotations

import copy

import pytest

from ecommerce.model.environments import ENVIRONMENTS
from tests.platform.addons import incomplete_addons, needs_addons
from tests.platform.assembly import applied
from tests.platform.observability import (
    EXPORTERS,
    Family,
    image_name,
    labels_match,
    monitor_failures,
    rule_metric_failures,
    served_metrics,
)

ENVS = list(ENVIRONMENTS)


@needs_addons
@pytest.mark.parametrize("env", ENVS)
def test_every_monitor_scrapes_a_port_something_serves(clusters, env):
    failures = monitor_failures(applied(clusters[env]), clusters[env].namespaces())
    assert not failures, "\n".join(failures)


@needs_addons
@pytest.mark.parametrize("env", ENVS)
def test_every_rule_metric_is_served_by_a_scraped_exporter(clusters, env):
    # Sub-charts the add-ons folder lacks are not rendered: their metrics cannot be judged here
    # (test_platform_addons.py says which parts are missing).
    unrendered = {part for parts in incomplete_addons(env).values() for part in parts}
    failures = rule_metric_failures(applied(clusters[env]), clusters[env].namespaces(), unrendered)
    assert not failures, "\n".join(failures)


# --- the checks fail on a broken copy -------------------------------------------------------------


@needs_addons
def test_a_renamed_service_monitor_port_is_caught(clusters):
    objects = copy.deepcopy(applied(clusters["prod"]))
    (monitor,) = [o for o in objects if o["kind"] == "ServiceMonitor" and o["metadata"]["name"] == "orders"]
    monitor["spec"]["endpoints"][0]["port"] = "http-metrics"
    failures = monitor_failures(objects, clusters["prod"].namespaces())
    assert any(line.startswith("e-commerce-prod/ServiceMonitor/orders: endpoint port 'http-metrics'") for line in failures), (
        failures
    )


@needs_addons
def test_an_exporter_collector_left_off_is_caught(clusters):
    """MySQLReplicationLag reads a metric of a collector mysqld_exporter leaves off by default."""
    objects = copy.deepcopy(applied(clusters["prod"]))
    (server,) = [o for o in objects if o["kind"] == "StatefulSet" and o["metadata"]["name"] == "mysql"]
    (exporter,) = [
        c for c in server["spec"]["template"]["spec"]["containers"] if image_name(c["image"]) == "prom/mysqld-exporter"
    ]
    exporter["args"] = [a for a in exporter["args"] if a != "--collect.perf_schema.replication_group_member_stats"]
    failures = rule_metric_failures(objects, clusters["prod"].namespaces())
    assert any(
        "rule MySQLReplicationLag: mysql_perf_schema_transactions_in_queue: mysqld_exporter v0.19.0" in line
        and "needs --collect.perf_schema.replication_group_member_stats" in line
        for line in failures
    ), failures


@needs_addons
def test_a_control_plane_component_a_managed_cluster_hides_is_caught(clusters):
    """kube-prometheus-stack's kube-scheduler monitor: its Service selects pods a managed control plane never shows."""
    objects = copy.deepcopy(applied(clusters["prod"]))
    service = {
        "apiVersion": "v1",
        "kind": "Service",
        "metadata": {"name": "kps-kube-scheduler", "namespace": "kube-system", "labels": {"app": "kps-kube-scheduler"}},
        "spec": {"selector": {"component": "kube-scheduler"}, "ports": [{"name": "http-metrics", "port": 10259}]},
    }
    monitor = {
        "apiVersion": "monitoring.coreos.com/v1",
        "kind": "ServiceMonitor",
        "metadata": {"name": "kps-kube-scheduler", "namespace": "monitoring"},
        "spec": {
            "namespaceSelector": {"matchNames": ["kube-system"]},
            "selector": {"matchLabels": {"app": "kps-kube-scheduler"}},
            "endpoints": [{"port": "http-metrics"}],
        },
    }
    rule = {
        "apiVersion": "monitoring.coreos.com/v1",
        "kind": "PrometheusRule",
        "metadata": {"name": "scheduler", "namespace": "monitoring"},
        "spec": {"groups": [{"name": "g", "rules": [{"alert": "Slow", "expr": "scheduler_pending_pods > 0"}]}]},
    }
    objects += [service, monitor, rule]
    namespaces = clusters["prod"].namespaces()
    assert any(
        line.startswith("monitoring/ServiceMonitor/kps-kube-scheduler: endpoint port 'http-metrics'")
        for line in monitor_failures(objects, namespaces)
    )
    assert "monitoring/PrometheusRule/scheduler group g rule Slow: scheduler_pending_pods: no scraped exporter serves it" in (
        rule_metric_failures(objects, namespaces)
    )


def exporter_pod(args: list[str], config: str | None = None) -> list[dict]:
    labels = {"app": "db"}
    container = {
        "name": "metrics",
        "image": "docker.io/prom/mysqld-exporter:v0.19.0",
        "args": [*args, "--config.my-cnf=/tmp/metrics/metrics.cnf"],
        "ports": [{"name": "metrics", "containerPort": 9104}],
        "volumeMounts": [{"name": "cnf", "mountPath": "/tmp/metrics/metrics.cnf", "subPath": "metrics.cnf"}],
    }
    pod = {
        "apiVersion": "v1",
        "kind": "Pod",
        "metadata": {"name": "db-0", "namespace": "data", "labels": labels},
        "spec": {"containers": [container], "volumes": [{"name": "cnf", "configMap": {"name": "db-metricsconf"}}]},
    }
    service = {
        "apiVersion": "v1",
        "kind": "Service",
        "metadata": {"name": "db", "namespace": "data", "labels": labels},
        "spec": {"selector": labels, "ports": [{"name": "metrics", "port": 9104, "targetPort": "metrics"}]},
    }
    objects = [pod, service]
    if config is not None:
        objects.append(
            {
                "apiVersion": "v1",
                "kind": "ConfigMap",
                "metadata": {"name": "db-metricsconf", "namespace": "data"},
                "data": {"metrics.cnf": config},
            }
        )
    return objects


def mysql_monitor(path: str = "/metrics", params: dict | None = None) -> dict:
    endpoint = {"port": "metrics", "path": path, **({"params": params} if params else {})}
    return {
        "apiVersion": "monitoring.coreos.com/v1",
        "kind": "ServiceMonitor",
        "metadata": {"name": "db", "namespace": "data"},
        "spec": {"selector": {"matchLabels": {"app": "db"}}, "endpoints": [endpoint]},
    }


def test_the_exporters_flags_decide_its_metrics():
    wanted = {"mysql_up", "mysql_global_status_threads_connected", "mysql_perf_schema_transactions_in_queue"}
    served = served_metrics([*exporter_pod([]), mysql_monitor()], {}, wanted)
    assert set(served.by) == {"mysql_up", "mysql_global_status_threads_connected"}
    assert (
        "needs --collect.perf_schema.replication_group_member_stats"
        in served.withheld["mysql_perf_schema_transactions_in_queue"][0]
    )
    on = served_metrics([*exporter_pod(["--collect.perf_schema.replication_group_member_stats"]), mysql_monitor()], {}, wanted)
    assert set(on.by) == wanted
    off = served_metrics([*exporter_pod(["--no-collect.global_status"]), mysql_monitor()], {}, wanted)
    assert "mysql_global_status_threads_connected" not in off.by


def test_a_unix_url_in_the_exporters_my_cnf_socket_leaves_only_mysql_up():
    """The MySQL Operator writes `socket=unix:///...` into the exporter's my.cnf; mysqld_exporter
    v0.19.0 dials it as a file path on /metrics, and strips the scheme only from /probe's target."""
    config = "[client]\nuser=mysqlmetrics\nsocket=unix:///var/run/mysqld/mysql.sock\n"
    wanted = {"mysql_up", "mysql_global_status_threads_connected"}
    served = served_metrics([*exporter_pod([], config), mysql_monitor()], {}, wanted)
    assert set(served.by) == {"mysql_up"}
    assert "my.cnf socket is 'unix:///var/run/mysqld/mysql.sock'" in served.withheld["mysql_global_status_threads_connected"][0]
    probe = mysql_monitor("/probe", {"target": ["unix:///var/run/mysqld/mysql.sock"]})
    assert set(served_metrics([*exporter_pod([], config), probe], {}, wanted).by) == wanted
    plain = "[client]\nuser=mysqlmetrics\nsocket=/var/run/mysqld/mysql.sock\n"
    assert set(served_metrics([*exporter_pod([], plain), mysql_monitor()], {}, wanted).by) == wanted


def test_a_deployed_version_other_than_the_evidence_is_reported():
    objects = exporter_pod([])
    objects[0]["spec"]["containers"][0]["image"] = "prom/mysqld-exporter:v0.20.0"
    served = served_metrics([*objects, mysql_monitor()], {}, {"mysql_up"})
    (problem,) = served.problems
    assert "runs mysqld_exporter v0.20.0, whose metrics were read at v0.19.0" in problem


def test_metric_relabelings_that_drop_a_metric_withhold_it():
    monitor = mysql_monitor()
    monitor["spec"]["endpoints"][0]["metricRelabelings"] = [{"sourceLabels": ["__name__"], "regex": "mysql_up", "action": "drop"}]
    served = served_metrics([*exporter_pod([]), monitor], {}, {"mysql_up"})
    assert not served.by and "dropped by the endpoint's metricRelabelings" in served.withheld["mysql_up"][0]


def test_scrape_parameters_choose_rabbitmqs_detailed_families():
    (rabbitmq,) = [e for e in EXPORTERS if e.name == "rabbitmq_prometheus"]
    detailed = next(f for f in rabbitmq.families if f.serves("rabbitmq_detailed_queue_consumers"))
    assert detailed.enabled([], "/metrics/detailed", {"family": ["queue_consumer_count"]}) is None
    # None (enabled) fails these: each must say why the family is off.
    assert "family=queue_consumer_count" in (
        detailed.enabled([], "/metrics/detailed", {"family": ["queue_coarse_metrics"]}) or ""
    )
    assert "served on /metrics/detailed" in (detailed.enabled([], "/metrics", {}) or "")
    assert Family(list_flag=("resources", "pods"), list_default=("pods",)).enabled(["--resources=nodes"], "/metrics", {})


def test_label_selectors_follow_kubernetes():
    assert labels_match({"matchExpressions": [{"key": "a", "operator": "In", "values": ["x"]}]}, {"a": "x"})
    assert not labels_match({"matchExpressions": [{"key": "a", "operator": "NotIn", "values": ["x"]}]}, {"a": "x"})
    assert labels_match({}, {"a": "x"}) and not labels_match(None, {"a": "x"})
    assert image_name("docker.io/library/rabbitmq:4.1.8-management@sha256:abc") == "rabbitmq"
    assert image_name("registry.k8s.io/kube-state-metrics/kube-state-metrics:v2.19.1") == "kube-state-metrics/kube-state-metrics"


@needs_addons
def test_the_mysql_operators_socket_url_breaks_a_plain_metrics_scrape(clusters):
    """The operator writes `socket=unix:///...` into its exporter's my.cnf (modelled from its
    source): scraped on /metrics rather than /probe, MySQLDown would fire forever."""
    objects = copy.deepcopy(applied(clusters["prod"]))
    (monitor,) = [o for o in objects if o["kind"] == "ServiceMonitor" and o["metadata"]["name"] == "mysql"]
    endpoint = monitor["spec"]["endpoints"][0]
    assert endpoint["path"] == "/probe"
    endpoint["path"] = "/metrics"
    del endpoint["params"]
    failures = rule_metric_failures(objects, clusters["prod"].namespaces(), ("kube-state-metrics",))
    socket = "unix:///var/run/mysqld/mysql.sock"
    assert any("mysql_global_status_threads_connected" in line and socket in line for line in failures), failures
