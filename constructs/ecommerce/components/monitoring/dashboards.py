"""The three Grafana dashboards, built with the official grafana-foundation-sdk.

Panels use the metrics in metrics.py and the recording rules in rules.py; a test checks
every expression with promtool and every metric name against metrics.py.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from grafana_foundation_sdk.builders import bargauge, common, stat, table, timeseries
from grafana_foundation_sdk.builders import dashboard as builder
from grafana_foundation_sdk.builders import prometheus as query
from grafana_foundation_sdk.cog.encoder import JSONEncoder
from grafana_foundation_sdk.models import common as common_models
from grafana_foundation_sdk.models import dashboard as models
from grafana_foundation_sdk.models import prometheus as query_models

from ecommerce.model.environments import Environment

# kube-prometheus-stack provisions its Prometheus data source under this uid.
DATASOURCE = models.DataSourceRef(type_val="prometheus", uid="prometheus")
SITE = 'site=~"$site"'


@dataclass(frozen=True)
class Target:
    expr: str
    legend: str = ""
    instant: bool = False


def _queries(targets: list[Target]) -> list[query.Dataquery]:
    result = []
    for index, target in enumerate(targets):
        q = query.Dataquery().expr(target.expr).ref_id(chr(ord("A") + index)).legend_format(target.legend or "__auto")
        result.append(q.instant() if target.instant else q.range())
    return result


def _stat(title: str, expr: str, unit: str, description: str = "") -> stat.Panel:
    panel = stat.Panel().title(title).datasource(DATASOURCE).unit(unit).height(4).span(4)
    panel = panel.reduce_options(common.ReduceDataOptions().calcs(["lastNotNull"]))
    panel = panel.graph_mode(common_models.BigValueGraphMode.AREA)
    for q in _queries([Target(expr)]):
        panel = panel.with_target(q)
    return panel.description(description) if description else panel


def _series(title: str, targets: list[Target], unit: str, span: int = 12, stacked: bool = False) -> timeseries.Panel:
    panel = timeseries.Panel().title(title).datasource(DATASOURCE).unit(unit).height(8).span(span)
    if stacked:
        panel = panel.stacking(common.StackingConfig().mode(common_models.StackingMode.NORMAL)).fill_opacity(40)
    for q in _queries(targets):
        panel = panel.with_target(q)
    return panel


def _bars(title: str, targets: list[Target], unit: str, span: int = 12) -> bargauge.Panel:
    panel = bargauge.Panel().title(title).datasource(DATASOURCE).unit(unit).height(8).span(span)
    panel = panel.orientation(common_models.VizOrientation.HORIZONTAL)
    panel = panel.reduce_options(common.ReduceDataOptions().calcs(["lastNotNull"]))
    for q in _queries(targets):
        panel = panel.with_target(q)
    return panel


def _table(title: str, targets: list[Target], span: int = 12) -> table.Panel:
    panel = table.Panel().title(title).datasource(DATASOURCE).height(8).span(span)
    for q in _queries(targets):
        panel = panel.with_target(q.format(query_models.PromQueryFormat.TABLE))
    return panel


def _site_variable(env: Environment) -> builder.QueryVariable:
    return (
        builder.QueryVariable("site")
        .label("Site")
        .datasource(DATASOURCE)
        .query(f'label_values(shop_orders_placed_total{{namespace="{env.namespace}"}}, site)')
        .multi(True)
        .include_all(True)
        .all_value(".*")
        .current(models.VariableOption(selected=True, text="All", value="$__all"))
    )


def _dashboard(uid: str, title: str, description: str, env: Environment) -> builder.Dashboard:
    return (
        builder.Dashboard(title)
        .uid(uid)
        .description(description)
        .tags(["e-commerce", env.name])
        .timezone("browser")
        .time("now-24h", "now")
        .refresh("1m")
        .readonly()
    )


def overview(env: Environment) -> builder.Dashboard:
    orders_1h = f"sum(site:shop_orders_placed:increase1h{{{SITE}}})"
    app = f'namespace="{env.namespace}"'
    return (
        _dashboard("e-commerce-overview", "E-commerce Overview", "The shop's KPIs at a glance.", env)
        .with_variable(_site_variable(env))
        .with_row(builder.Row("KPIs"))
        .with_panel(_stat("Orders (last hour)", orders_1h, "short"))
        .with_panel(_stat("Orders (24h)", f"sum(increase(shop_orders_placed_total{{{app}, {SITE}}}[24h]))", "short"))
        .with_panel(_stat("Revenue (24h)", f"sum(increase(shop_order_revenue_euros_total{{{app}, {SITE}}}[24h]))", "currencyEUR"))
        .with_panel(
            _stat(
                "Conversion (1h)",
                f"sum(site:shop_orders_placed:increase1h{{{SITE}}}) / sum(site:shop_visits:increase1h{{{SITE}}})",
                "percentunit",
                "Orders per visit.",
            )
        )
        .with_panel(
            _stat(
                "Cart abandonment (1h)",
                f"sum(site:shop_baskets_abandoned:increase1h{{{SITE}}}) / sum(site:shop_baskets_created:increase1h{{{SITE}}})",
                "percentunit",
            )
        )
        .with_panel(
            _stat(
                "Average order value (1h)",
                f"sum(site:shop_order_revenue_euros:increase1h{{{SITE}}}) / {orders_1h}",
                "currencyEUR",
            )
        )
        .with_panel(
            _stat("Active users", f"sum(shop_active_sessions{{{app}, {SITE}}})", "short", "Sessions active in the last 15 min.")
        )
        .with_row(builder.Row("Trends"))
        .with_panel(
            _series("Orders per hour", [Target(f"site:shop_orders_placed:increase1h{{{SITE}}}", "{{site}}")], "short", 12, True)
        )
        .with_panel(
            _series(
                "Revenue per hour",
                [Target(f"site:shop_order_revenue_euros:increase1h{{{SITE}}}", "{{site}}")],
                "currencyEUR",
                12,
                True,
            )
        )
        .with_row(builder.Row("Products and sites"))
        .with_panel(
            _bars(
                "Top products (24h)",
                [
                    Target(
                        f"topk(10, sum by (product) (increase(shop_order_items_total{{{app}, {SITE}}}[24h])))",
                        "{{product}}",
                        True,
                    )
                ],
                "short",
            )
        )
        .with_panel(
            _table(
                "Performance per site (1h)",
                [
                    Target(f"sum by (site) (site:shop_orders_placed:increase1h{{{SITE}}})", "orders", True),
                    Target(f"sum by (site) (site:shop_order_revenue_euros:increase1h{{{SITE}}})", "revenue", True),
                    Target(f"site:shop_conversion:ratio1h{{{SITE}}}", "conversion", True),
                    Target(f"site:shop_average_order_value_euros:1h{{{SITE}}}", "average order value", True),
                ],
            )
        )
    )


def business(env: Environment) -> builder.Dashboard:
    app = f'namespace="{env.namespace}"'

    def over_range(metric: str) -> str:
        return f"sum(increase({metric}{{{app}, {SITE}}}[$__range]))"

    funnel = [
        Target(over_range("shop_visits_total"), "1. visits", True),
        Target(over_range("shop_product_views_total"), "2. product views", True),
        Target(over_range("shop_baskets_created_total"), "3. baskets", True),
        Target(over_range("shop_checkouts_started_total"), "4. checkouts", True),
        Target(over_range("shop_orders_placed_total"), "5. orders", True),
    ]

    def activity(metric: str, legend: str) -> Target:
        return Target(f"sum(rate({metric}{{{app}}}[$__rate_interval]))", legend)

    return (
        _dashboard(
            "e-commerce-business", "Business Metrics", "Conversion funnel, revenue and average order value, per site.", env
        )
        .with_variable(_site_variable(env))
        .with_row(builder.Row("Funnel"))
        .with_panel(_bars("Conversion funnel (selected range)", funnel, "short", 12))
        .with_panel(
            _series("Conversion per site", [Target(f"site:shop_conversion:ratio1h{{{SITE}}}", "{{site}}")], "percentunit", 12)
        )
        .with_row(builder.Row("Revenue"))
        .with_panel(
            _series(
                "Revenue per site (hourly)",
                [Target(f"site:shop_order_revenue_euros:increase1h{{{SITE}}}", "{{site}}")],
                "currencyEUR",
                12,
            )
        )
        .with_panel(
            _series(
                "Average order value per site",
                [Target(f"site:shop_average_order_value_euros:1h{{{SITE}}}", "{{site}}")],
                "currencyEUR",
                12,
            )
        )
        .with_panel(
            _bars(
                "Orders by payment method (selected range)",
                [
                    Target(
                        f"sum by (payment_method) (increase(shop_orders_placed_total{{{app}, {SITE}}}[$__range]))",
                        "{{payment_method}}",
                        True,
                    )
                ],
                "short",
                12,
            )
        )
        .with_panel(
            _series(
                "Checkout failures by reason",
                [
                    Target(
                        f"sum by (reason) (rate(shop_checkout_failures_total{{{app}, {SITE}}}[$__rate_interval]))", "{{reason}}"
                    )
                ],
                "reqps",
                12,
                True,
            )
        )
        .with_row(builder.Row("Activity"))
        .with_panel(
            _series(
                "Customer activity (per second)",
                [
                    activity("shop_logins_total", "logins"),
                    activity("shop_basket_items_added_total", "items added to baskets"),
                    activity("shop_orders_placed_total", "orders created"),
                    activity("shop_product_searches_total", "product searches"),
                    activity("shop_addresses_saved_total", "addresses saved"),
                ],
                "reqps",
                12,
            )
        )
        .with_panel(
            _series(
                "Messages and support (per second)",
                [
                    activity("shop_emails_sent_total", "e-mails sent"),
                    activity("shop_support_tickets_opened_total", "support tickets"),
                    activity("shop_deliveries_shipped_total", "parcels shipped"),
                ],
                "reqps",
                12,
            )
        )
    )


def infrastructure(env: Environment) -> builder.Dashboard:
    app = f'namespace="{env.namespace}"'
    ours = f'namespace=~"{"|".join(env.owned_namespaces)}"'
    # Deployment pods are named <service>-<replicaset hash>-<pod hash>.
    by_service = 'label_replace({expr}, "service", "$1", "pod", "(.+)-[a-z0-9]+-[a-z0-9]{{5}}")'

    def per_service(expr: str) -> str:
        return f"sum by (service) ({by_service.format(expr=expr)})"

    return (
        _dashboard("e-commerce-infrastructure", "Infrastructure", "Resources, traffic, errors, latency and data stores.", env)
        .with_row(builder.Row("Resources"))
        .with_panel(
            _series(
                "CPU per service",
                [
                    Target(
                        per_service(f'rate(container_cpu_usage_seconds_total{{{app}, container="app"}}[$__rate_interval])'),
                        "{{service}}",
                    )
                ],
                "cores",
                12,
            )
        )
        .with_panel(
            _series(
                "Memory per service",
                [Target(per_service(f'container_memory_working_set_bytes{{{app}, container="app"}}'), "{{service}}")],
                "bytes",
                12,
            )
        )
        .with_panel(
            _series(
                "Network",
                [
                    Target(f"sum(rate(container_network_receive_bytes_total{{{ours}}}[$__rate_interval]))", "received"),
                    Target(f"sum(rate(container_network_transmit_bytes_total{{{ours}}}[$__rate_interval]))", "sent"),
                ],
                "Bps",
                12,
            )
        )
        .with_panel(
            _series(
                "Disk I/O of the data stores",
                [
                    Target(f"sum by (pod) (rate(container_fs_reads_bytes_total{{{ours}}}[$__rate_interval]))", "{{pod}} read"),
                    Target(f"sum by (pod) (rate(container_fs_writes_bytes_total{{{ours}}}[$__rate_interval]))", "{{pod}} write"),
                ],
                "Bps",
                12,
            )
        )
        .with_row(builder.Row("Traffic"))
        .with_panel(_series("Requests per service", [Target("service:http_requests:rate5m", "{{service}}")], "reqps", 8))
        .with_panel(
            _series("HTTP error rate (5xx)", [Target("service:http_errors:ratio_rate5m", "{{service}}")], "percentunit", 8)
        )
        .with_panel(_series("Latency p95", [Target("service:http_request_duration_seconds:p95_5m", "{{service}}")], "s", 8))
        .with_panel(
            _series(
                "Load balancing: api-gateway requests per pod",
                [
                    Target(
                        f'sum by (pod) (rate(http_requests_total{{{app}, service="api-gateway"}}[$__rate_interval]))', "{{pod}}"
                    )
                ],
                "reqps",
                24,
            )
        )
        .with_row(builder.Row("Data stores"))
        .with_panel(
            _series(
                "RabbitMQ queues (ready messages)",
                [
                    Target(
                        f'sum by (queue) (rabbitmq_detailed_queue_messages_ready{{namespace="{env.messaging_namespace}"}})',
                        "{{queue}}",
                    )
                ],
                "short",
                12,
            )
        )
        .with_panel(
            _series(
                "RabbitMQ consumers per queue",
                [
                    Target(
                        f'sum by (queue) (rabbitmq_detailed_queue_consumers{{namespace="{env.messaging_namespace}"}})',
                        "{{queue}}",
                    )
                ],
                "short",
                12,
            )
        )
        .with_panel(
            _series(
                "MySQL connections",
                [
                    Target(
                        f'sum by (pod) (mysql_global_status_threads_connected{{namespace="{env.data_namespace}"}})',
                        "{{pod}} connected",
                    ),
                    Target(f'max(mysql_global_variables_max_connections{{namespace="{env.data_namespace}"}})', "max_connections"),
                ],
                "short",
                12,
            )
        )
        .with_panel(
            _series(
                "Redis memory",
                [
                    Target(f"sum by (pod) (redis_memory_used_bytes{{{app}}})", "{{pod}} used"),
                    Target(f"max(redis_memory_max_bytes{{{app}}})", "maxmemory"),
                ],
                "bytes",
                12,
            )
        )
    )


DASHBOARDS = (overview, business, infrastructure)


def dashboard_json(build: builder.Dashboard) -> str:
    """The dashboard as Grafana's JSON model, with stable key order."""
    return json.dumps(build.build(), cls=JSONEncoder, sort_keys=True, indent=2) + "\n"


def panel_expressions(document: dict) -> list[str]:
    """Every PromQL expression of a dashboard's JSON model (panels and variables)."""
    expressions: list[str] = []
    for panel in document.get("panels", []):
        expressions.extend(target["expr"] for target in panel.get("targets", []) if "expr" in target)
    return expressions
