"""deploy / verify / cleanup plans: order, readiness checks, refusals; and their runner."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from ecommerce.environments import DEV, PROD
from ecommerce.errors import ConfigError
from ecommerce.operations import Step, cleanup_plan, deploy_plan, run, verify_plan

ROOT = Path(__file__).resolve().parent.parent


def commands(steps):
    return [" ".join(step.args) for step in steps]


def test_deploy_applies_waves_in_order_and_waits_before_the_next(synthesized):
    steps = deploy_plan(PROD, synthesized / "prod")
    described = [step.description for step in steps]
    applies = [d for d in described if d.startswith("apply ")]
    assert applies == [
        "apply 00-foundation.k8s.yaml",
        "apply 10-secrets.k8s.yaml",
        "apply 20-data.k8s.yaml",
        "apply 30-services.k8s.yaml",
        "apply 40-edge.k8s.yaml",
        "apply 50-monitoring.k8s.yaml",
    ]
    # The data stores are ready before any service starts.
    cluster_ready = described.index("InnoDBCluster e-commerce-data/mysql is ready")
    assert described.index("RabbitmqCluster e-commerce-messaging/rabbitmq is ready") < described.index(
        "apply 30-services.k8s.yaml"
    )
    assert cluster_ready < described.index("apply 30-services.k8s.yaml")
    assert described.index("Deployment e-commerce-prod/orders is ready") < described.index("apply 40-edge.k8s.yaml")
    assert "Certificate e-commerce-prod/api-tls is ready" in described
    assert all("--context prod" in c for c in commands(steps))
    apply = next(c for c in commands(steps) if c.endswith("00-foundation.k8s.yaml"))
    assert "apply --server-side --field-manager=e-commerce-platform --force-conflicts" in apply


def test_jobs_are_replaced_then_awaited(synthesized):
    described = [step.description for step in deploy_plan(DEV, synthesized / "dev")]
    replace = described.index("replace Job e-commerce-data/mysql-accounts")
    assert replace < described.index("apply 20-data.k8s.yaml") < described.index("Job e-commerce-data/mysql-accounts completes")


def test_verify_only_checks(synthesized):
    steps = verify_plan(DEV, synthesized / "dev", context="kind-dev")
    assert steps and all(step.check for step in steps)
    assert not [c for c in commands(steps) if " apply " in c or " delete " in c]
    assert all(c.startswith("kubectl --context kind-dev ") for c in commands(steps))
    assert "StatefulSet e-commerce-data/mysql is ready" in [s.description for s in steps]


def test_cleanup_deletes_last_wave_first_and_refuses_prod_without_confirmation(synthesized):
    steps = cleanup_plan(DEV, synthesized / "dev", confirm=None)
    assert steps[0].description == "delete 50-monitoring.k8s.yaml"
    assert steps[-1].description == "delete 00-foundation.k8s.yaml"
    with pytest.raises(ConfigError, match="refusing to delete a production-like environment; confirm with --confirm prod"):
        cleanup_plan(PROD, synthesized / "prod", confirm=None)
    with pytest.raises(ConfigError):
        cleanup_plan(PROD, synthesized / "prod", confirm="staging")
    assert cleanup_plan(PROD, synthesized / "prod", confirm="prod")


def test_plans_need_synthesised_manifests(tmp_path):
    with pytest.raises(ConfigError, match="no manifests: run `make synth` first"):
        deploy_plan(DEV, tmp_path)


def fake(results: dict[str, int]):
    def execute(args):
        code = results.get(args[-1], 0)
        return subprocess.CompletedProcess(args, code, "", "" if code == 0 else f"error from {args[-1]}")

    return execute


def test_run_stops_at_a_failed_action(capsys):
    steps = [Step("apply a", ("kubectl", "a")), Step("apply b", ("kubectl", "b")), Step("apply c", ("kubectl", "c"))]
    assert run(steps, fake({"b": 1})) == 1
    out, err = capsys.readouterr()
    assert "ok    apply a" in out and "apply c" not in out
    assert "FAIL  apply b: error from b" in err


def test_run_reports_every_failed_check(capsys):
    steps = [
        Step("x ready", ("kubectl", "x"), True),
        Step("y ready", ("kubectl", "y"), True),
        Step("z ready", ("kubectl", "z"), True),
    ]
    assert run(steps, fake({"x": 1, "z": 1})) == 1
    _, err = capsys.readouterr()
    assert "FAIL  x ready" in err and "FAIL  z ready" in err and "2 of 3 checks failed" in err
    assert run(steps, fake({})) == 0


def test_cli_dry_run_prints_the_commands():
    result = subprocess.run(
        [sys.executable, "scripts/platformctl.py", "verify", "staging", "--dry-run"], cwd=ROOT, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    assert "kubectl --context staging wait innodbcluster/mysql -n e-commerce-data" in result.stdout
    refused = subprocess.run(
        [sys.executable, "scripts/platformctl.py", "cleanup", "prod"], cwd=ROOT, capture_output=True, text=True
    )
    assert refused.returncode == 2
    assert refused.stderr.startswith("error: cleanup prod: refusing")


def test_autoscaled_environments_first_require_the_resource_metrics_api(synthesized):
    """Without metrics-server the HPAs never scale: prod's deploy stops before applying anything."""
    deploy = deploy_plan(PROD, synthesized / "prod")
    first = deploy[0]
    assert "metrics-server" in first.description and not first.check
    assert "apiservice/v1beta1.metrics.k8s.io" in " ".join(first.args)
    assert any("apiservice/v1beta1.metrics.k8s.io" in c for c in commands(verify_plan(PROD, synthesized / "prod")))
    # dev has no autoscaler, so it does not depend on the metrics API.
    assert not any("metrics.k8s.io" in c for c in commands(deploy_plan(DEV, synthesized / "dev")))
