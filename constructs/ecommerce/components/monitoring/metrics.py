"""Every metric the rules and dashboards use, and who exposes it.

The PHP services must export the `service` metrics below on their metrics port (see
README, "Metrics the services export"); the others come from the exporters and
components the platform deploys. A test parses every rule and panel expression and fails
on a metric that is not listed here.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Metric:
    name: str
    type: str
    labels: tuple[str, ...]
    # "all services", a service name, or the exporter/component exposing it.
    source: str
    help: str

    @property
    def series_names(self) -> tuple[str, ...]:
        if self.type == "histogram":
            return (f"{self.name}_bucket", f"{self.name}_sum", f"{self.name}_count")
        return (self.name,)


ALL_SERVICES = "all services"

SERVICE_METRICS = (
    Metric("http_requests_total", "counter", ("method", "route", "status"), ALL_SERVICES, "HTTP requests handled"),
    Metric("http_request_duration_seconds", "histogram", ("method", "route"), ALL_SERVICES, "HTTP request latency"),
    Metric("shop_events_published_total", "counter", ("event",), ALL_SERVICES, "Domain events published to RabbitMQ"),
    Metric(
        "shop_events_consumed_total",
        "counter",
        ("event", "result"),
        ALL_SERVICES,
        "Domain events handled (result: ok, retry, dead_letter)",
    ),
    Metric("shop_visits_total", "counter", ("site",), "api-gateway", "New visitor sessions"),
    Metric("shop_logins_total", "counter", ("result",), "auth", "Login attempts (result: success, failure)"),
    Metric("shop_active_sessions", "gauge", ("site",), "auth", "Sessions active in the last 15 minutes"),
    Metric("shop_product_searches_total", "counter", ("site",), "products", "Product searches"),
    Metric("shop_product_views_total", "counter", ("site",), "products", "Product page views"),
    Metric("shop_baskets_created_total", "counter", ("site",), "baskets", "Baskets created"),
    Metric("shop_basket_items_added_total", "counter", ("site",), "baskets", "Items added to baskets"),
    Metric("shop_baskets_abandoned_total", "counter", ("site",), "baskets", "Baskets left without checkout"),
    Metric("shop_checkouts_started_total", "counter", ("site",), "baskets", "Checkouts started"),
    Metric(
        "shop_checkout_failures_total",
        "counter",
        ("site", "reason"),
        "orders",
        "Checkouts that failed (reason: payment, stock, error)",
    ),
    Metric("shop_orders_placed_total", "counter", ("site", "payment_method"), "orders", "Orders placed"),
    Metric("shop_order_revenue_euros_total", "counter", ("site",), "orders", "Revenue of placed orders, in euros"),
    Metric("shop_order_items_total", "counter", ("site", "product"), "orders", "Items sold, by product"),
    Metric("shop_addresses_saved_total", "counter", (), "addresses", "Addresses created or updated"),
    Metric("shop_deliveries_shipped_total", "counter", ("carrier",), "deliveries", "Parcels handed to a carrier"),
    Metric("shop_emails_sent_total", "counter", ("type",), "newsletters", "E-mails sent (type: transactional, campaign)"),
    Metric("shop_support_tickets_opened_total", "counter", ("channel",), "sav", "Support tickets opened"),
)

EXPORTER_METRICS = (
    Metric("up", "gauge", (), "Prometheus", "Whether the last scrape succeeded"),
    Metric("kube_deployment_status_replicas_unavailable", "gauge", ("deployment",), "kube-state-metrics", ""),
    Metric("kube_deployment_spec_replicas", "gauge", ("deployment",), "kube-state-metrics", ""),
    Metric("kube_pod_container_status_restarts_total", "counter", ("pod", "container"), "kube-state-metrics", ""),
    Metric("kube_pod_container_status_waiting_reason", "gauge", ("pod", "container", "reason"), "kube-state-metrics", ""),
    Metric(
        "kube_horizontalpodautoscaler_status_current_replicas", "gauge", ("horizontalpodautoscaler",), "kube-state-metrics", ""
    ),
    Metric("kube_horizontalpodautoscaler_spec_max_replicas", "gauge", ("horizontalpodautoscaler",), "kube-state-metrics", ""),
    Metric("kube_job_status_completion_time", "gauge", ("job_name",), "kube-state-metrics", "When a Job succeeded (Unix time)"),
    Metric("kube_cronjob_created", "gauge", ("cronjob",), "kube-state-metrics", "When a CronJob was created (Unix time)"),
    Metric("container_cpu_usage_seconds_total", "counter", ("pod", "container"), "cAdvisor (kubelet)", ""),
    Metric("container_memory_working_set_bytes", "gauge", ("pod", "container"), "cAdvisor (kubelet)", ""),
    Metric("container_network_receive_bytes_total", "counter", ("pod",), "cAdvisor (kubelet)", ""),
    Metric("container_network_transmit_bytes_total", "counter", ("pod",), "cAdvisor (kubelet)", ""),
    Metric("container_fs_reads_bytes_total", "counter", ("pod", "container"), "cAdvisor (kubelet)", ""),
    Metric("container_fs_writes_bytes_total", "counter", ("pod", "container"), "cAdvisor (kubelet)", ""),
    Metric("mysql_up", "gauge", (), "mysqld_exporter", ""),
    Metric("mysql_global_status_threads_connected", "gauge", (), "mysqld_exporter", ""),
    Metric("mysql_global_variables_max_connections", "gauge", (), "mysqld_exporter", ""),
    Metric("mysql_global_status_queries", "counter", (), "mysqld_exporter", ""),
    Metric(
        "mysql_perf_schema_transactions_in_queue", "gauge", ("member_id",), "mysqld_exporter", "Group replication apply backlog"
    ),
    Metric("redis_up", "gauge", (), "redis_exporter", ""),
    Metric("redis_memory_used_bytes", "gauge", (), "redis_exporter", ""),
    Metric("redis_memory_max_bytes", "gauge", (), "redis_exporter", ""),
    Metric("redis_evicted_keys_total", "counter", (), "redis_exporter", ""),
    Metric("redis_connected_clients", "gauge", (), "redis_exporter", ""),
    Metric("rabbitmq_detailed_queue_messages_ready", "gauge", ("vhost", "queue"), "rabbitmq_prometheus (detailed)", ""),
    Metric("rabbitmq_detailed_queue_consumers", "gauge", ("vhost", "queue"), "rabbitmq_prometheus (detailed)", ""),
    Metric("rabbitmq_alarms_memory_used_watermark", "gauge", (), "rabbitmq_prometheus", "1 while the memory alarm is raised"),
    Metric("rabbitmq_process_resident_memory_bytes", "gauge", (), "rabbitmq_prometheus", ""),
    Metric("rabbitmq_resident_memory_limit_bytes", "gauge", (), "rabbitmq_prometheus", ""),
    Metric("certmanager_certificate_expiration_timestamp_seconds", "gauge", ("name", "namespace"), "cert-manager", ""),
    Metric("externalsecret_status_condition", "gauge", ("name", "namespace", "condition", "status"), "external-secrets", ""),
)

METRICS = SERVICE_METRICS + EXPORTER_METRICS
SERIES_NAMES = frozenset(name for metric in METRICS for name in metric.series_names)
