"""Alert and recording rules: promtool checks them and runs their unit tests (tests/alerts/)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

from ecommerce.components.monitoring.alerts import DOMAINS, alerts
from ecommerce.components.monitoring.metrics import SERIES_NAMES
from ecommerce.components.monitoring.rules import recordings, rule_groups
from ecommerce.model.environments import PROD, STAGING

from .promql import check_rules, metric_names, require_promtool

UNIT_TESTS = sorted((Path(__file__).parent / "alerts").glob("*.test.yaml"))


def test_every_alert_has_a_unique_name_severity_summary_description_and_runbook():
    rules = alerts(PROD)
    assert len({alert.name for alert in rules}) == len(rules)
    for alert in rules:
        assert alert.severity in ("critical", "warning")
        assert alert.summary and alert.description and alert.runbook
        assert alert.runbook_url.endswith(f"docs/runbooks.md#{alert.name.lower()}")


def test_the_alerts_the_shop_needs_exist():
    names = {alert.name for alert in alerts(PROD)}
    assert {
        "ServiceDown",
        "HighErrorRate",
        "HighLatency",
        "PodCrashLooping",
        "DeploymentReplicasUnavailable",
        "HPAAtMaximum",
        "MySQLDown",
        "MySQLReplicationLag",
        "MySQLConnectionsNearLimit",
        "RabbitMQQueueBacklog",
        "RabbitMQQueueWithoutConsumers",
        "RabbitMQMemoryAlarm",
        "RedisMemoryNearLimit",
        "RedisEvictions",
        "CertificateExpiringSoon",
        "ExternalSecretSyncFailing",
        "OrdersCollapsed",
        "CartAbandonmentSpike",
        "CheckoutErrors",
    } <= names


def test_rules_use_only_known_metrics():
    recorded = {rule.record for rule in recordings(PROD)}
    for expr in [rule.expr for rule in recordings(PROD)] + [alert.expr for alert in alerts(PROD)]:
        unknown = metric_names(expr) - SERIES_NAMES - recorded
        assert not unknown, f"{unknown} in {expr}"


def test_staging_records_without_alerting():
    (group,) = rule_groups(STAGING, alerting=False)
    assert group["name"] == "e-commerce.recording"


def test_promtool_accepts_the_rules(tmp_path):
    result = check_rules(rule_groups(PROD, alerting=True), tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert f"SUCCESS: {len(recordings(PROD)) + len(alerts(PROD))} rules found" in result.stdout


def test_promtool_rejects_a_broken_rule(tmp_path):
    groups = [{"name": "broken", "rules": [{"alert": "Broken", "expr": "sum(rate(x[5m])"}]}]
    assert check_rules(groups, tmp_path).returncode != 0


def test_each_domain_shows_each_of_its_alerts_firing_and_quiet_in_its_own_file():
    """tests/alerts/ mirrors alerts.DOMAINS: one file per domain, testing exactly that domain's alerts."""
    assert sorted(path.name for path in UNIT_TESTS) == sorted(f"{domain}.test.yaml" for domain in DOMAINS)
    for domain, domain_alerts in DOMAINS.items():
        fires: set[str] = set()
        quiet: set[str] = set()
        path = UNIT_TESTS[0].parent / f"{domain}.test.yaml"
        for test in yaml.safe_load(path.read_text())["tests"]:
            for case in test["alert_rule_test"]:
                (fires if case["exp_alerts"] else quiet).add(case["alertname"])
        names = {alert.name for alert in domain_alerts(PROD)}
        assert fires == names, f"{path.name}: shown to fire {sorted(fires)}, the domain's alerts are {sorted(names)}"
        assert quiet == names, f"{path.name}: shown to stay quiet {sorted(quiet)}, the domain's alerts are {sorted(names)}"


@pytest.mark.parametrize("path", UNIT_TESTS, ids=[p.name for p in UNIT_TESTS])
def test_promtool_unit_tests(tmp_path, path):
    check_rules(rule_groups(PROD, alerting=True), tmp_path)
    shutil.copy(path, tmp_path / path.name)
    result = subprocess.run(
        [require_promtool(), "test", "rules", str(tmp_path / path.name)], capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 0, result.stdout + result.stderr
