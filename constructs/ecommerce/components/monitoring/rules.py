"""Recording rules, and the rule groups of an environment, as data.

The same groups become the PrometheusRule objects and the rule file that `promtool check
rules` and `promtool test rules` (tests/alerts/) check. The alerts are in alerts.py.
"""

from __future__ import annotations

from dataclasses import dataclass

from ecommerce.components.monitoring.alerts import alerts
from ecommerce.model.environments import Environment


@dataclass(frozen=True)
class Recording:
    record: str
    expr: str


def recordings(env: Environment) -> tuple[Recording, ...]:
    app = f'namespace="{env.namespace}"'
    return (
        Recording("service:http_requests:rate5m", f"sum by (namespace, service) (rate(http_requests_total{{{app}}}[5m]))"),
        Recording(
            "service:http_errors:rate5m",
            f'sum by (namespace, service) (rate(http_requests_total{{{app}, status=~"5.."}}[5m]))',
        ),
        Recording("service:http_errors:ratio_rate5m", "service:http_errors:rate5m / service:http_requests:rate5m"),
        Recording(
            "service:http_request_duration_seconds:p95_5m",
            "histogram_quantile(0.95, sum by (namespace, service, le) "
            f"(rate(http_request_duration_seconds_bucket{{{app}}}[5m])))",
        ),
        *(
            Recording(f"site:shop_{name}:increase1h", f"sum by (site) (increase(shop_{name}_total{{{app}}}[1h]))")
            for name in (
                "orders_placed",
                "order_revenue_euros",
                "visits",
                "checkouts_started",
                "baskets_created",
                "baskets_abandoned",
            )
        ),
        Recording("site:shop_conversion:ratio1h", "site:shop_orders_placed:increase1h / site:shop_visits:increase1h"),
        Recording(
            "site:shop_average_order_value_euros:1h",
            "site:shop_order_revenue_euros:increase1h / site:shop_orders_placed:increase1h",
        ),
        Recording(
            "site:shop_basket_abandonment:ratio1h",
            "site:shop_baskets_abandoned:increase1h / site:shop_baskets_created:increase1h",
        ),
        Recording(
            "shop:checkout_failures:ratio10m",
            f"sum(rate(shop_checkout_failures_total{{{app}}}[10m])) / sum(rate(shop_checkouts_started_total{{{app}}}[10m]))",
        ),
    )


def rule_groups(env: Environment, alerting: bool) -> list[dict]:
    """The Prometheus rule groups of an environment, as a rule file holds them."""
    groups = [
        {
            "name": "e-commerce.recording",
            "rules": [{"record": rule.record, "expr": rule.expr} for rule in recordings(env)],
        }
    ]
    if alerting:
        groups.append(
            {
                "name": "e-commerce.alerts",
                "rules": [
                    {
                        "alert": alert.name,
                        "expr": alert.expr,
                        "for": alert.duration,
                        "labels": {"severity": alert.severity, "environment": env.name},
                        "annotations": {
                            "summary": alert.summary,
                            "description": alert.description,
                            "runbook_url": alert.runbook_url,
                        },
                    }
                    for alert in alerts(env)
                ],
            }
        )
    return groups
