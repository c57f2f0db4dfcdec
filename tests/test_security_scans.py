"""Real scanners over the synthesised output: checkov (in its own venv) and detect-secrets."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
CHECKOV = ROOT / ".venv-checkov" / "bin" / "checkov"
SCAN_SECRETS = ROOT / "scripts" / "scan_secrets.py"
# What dev fails by design: it runs release candidates by tag (see .checkov.yaml).
DEV_BY_DESIGN = {"CKV_K8S_15", "CKV_K8S_43"}
WORKLOAD_KINDS = {"Deployment", "StatefulSet", "DaemonSet", "CronJob", "Job"}


def checkov(directory: Path, scratch: Path) -> dict:
    """The project's checkov settings, except that passed checks are reported too (the
    settings are `quiet` for people), to show what checkov read."""
    if not CHECKOV.exists():
        pytest.fail("checkov is not installed in .venv-checkov: run `make setup`")
    config = yaml.safe_load((ROOT / ".checkov.yaml").read_text()) | {"quiet": False}
    (scratch / "checkov.yaml").write_text(yaml.safe_dump(config))
    result = subprocess.run(
        [str(CHECKOV), "--config-file", str(scratch / "checkov.yaml"), "--directory", str(directory), "-o", "json"],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode in (0, 1), result.stderr
    report = json.loads(result.stdout)
    return report if isinstance(report, dict) else {"results": {"failed_checks": []}, "summary": {"passed": 0}}


@pytest.fixture(scope="module")
def findings(synthesized, tmp_path_factory) -> dict:
    return checkov(synthesized, tmp_path_factory.mktemp("checkov"))


def in_env(check: dict, env: str) -> bool:
    return check["file_path"].lstrip("/").split("/")[0] == env


def failed_in(report: dict, env: str) -> list[dict]:
    return [f for f in report["results"]["failed_checks"] if in_env(f, env)]


@pytest.mark.parametrize("env", ["staging", "prod"])
def test_checkov_finds_nothing_in_staging_and_prod(findings, synthesized, env):
    failed = [f"{f['check_id']} {f['resource']}" for f in failed_in(findings, env)]
    assert not failed, "\n".join(failed)
    assert findings["summary"]["skipped"] == 0
    # checkov read the manifests: every workload of the environment was checked.
    checked = {check["resource"] for check in findings["results"]["passed_checks"] if in_env(check, env)}
    workloads = {
        f"{doc['kind']}.{doc['metadata']['namespace']}.{doc['metadata']['name']}"
        for path in (synthesized / env).glob("*.yaml")
        for doc in yaml.safe_load_all(path.read_text())
        if doc and doc["kind"] in WORKLOAD_KINDS
    }
    assert workloads and workloads <= checked, f"not checked by checkov: {sorted(workloads - checked)}"


def test_dev_fails_only_what_tags_imply(findings):
    failed = failed_in(findings, "dev")
    assert {f["check_id"] for f in failed} <= DEV_BY_DESIGN
    assert all(f["resource"].startswith("Deployment.e-commerce-dev.") for f in failed)


def test_no_check_is_skipped_by_configuration():
    config = (ROOT / ".checkov.yaml").read_text()
    assert "skip-check" not in config and "soft-fail" not in config


def test_checkov_catches_a_privileged_pod(tmp_path):
    (tmp_path / "manifests").mkdir()
    (tmp_path / "manifests" / "bad.yaml").write_text(
        "apiVersion: v1\nkind: Pod\nmetadata: {name: bad, namespace: shop}\n"
        "spec:\n  containers:\n  - name: app\n    image: nginx\n    securityContext: {privileged: true}\n"
    )
    failed = {f["check_id"] for f in checkov(tmp_path / "manifests", tmp_path)["results"]["failed_checks"]}
    assert {"CKV_K8S_16", "CKV_K8S_14"} <= failed


def detect_secrets(*files: Path) -> subprocess.CompletedProcess[str]:
    """detect-secrets with the committed configuration (.secrets.baseline)."""
    return subprocess.run(
        [sys.executable, str(SCAN_SECRETS), *map(str, files)], capture_output=True, text=True, timeout=120, cwd=ROOT
    )


@pytest.mark.parametrize("env", ["staging", "prod"])
def test_no_secret_value_in_staging_or_prod(synthesized, env):
    files = sorted((synthesized / env).rglob("*.yaml"))
    result = detect_secrets(*files)
    assert result.returncode == 0, result.stdout + result.stderr
    assert not [f for f in files if "dev-only-" in f.read_text()]


def test_references_to_secrets_are_not_findings(tmp_path):
    references = tmp_path / "references.yaml"
    references.write_text(
        "volumes:\n- secret:\n    secretName: orders-credentials\n"
        "data:\n- secretKey: mysql_users_orders_password\n"
        "  remoteRef: {key: e-commerce/prod/mysql/users/orders, property: password}\n"
        "grafana:\n  existingSecret: grafana-admin\n  passwordKey: admin-password\n"
        "env:\n  DATABASE_PASSWORD_FILE: /run/secrets/app/DATABASE_PASSWORD\n"
        'template:\n  DATABASE_PASSWORD: "{{ .mysql_users_orders_password }}"\n'
    )
    result = detect_secrets(references)
    assert result.returncode == 0, result.stdout


def test_real_values_still_are(tmp_path):
    # Fake values, split so that no detector matches this file's own lines.
    values = {
        "pass" + "word": "Zq3" + "!kX9#pLm2vR",
        "secret" + "Key": "c2VjcmV0LXZhbHVl" + "LXRoYXQtbGVha3M=",
        "aws_access_key_id": "AKIA" + "IOSFODNN7EXAMPLE",
        "secret" + "Name": "prod-" + "Tk9yeXN0ZXJzQ2F0Y2g",
    }
    leaky = tmp_path / "leaky.yaml"
    leaky.write_text("".join(f"{key}: {value}\n" for key, value in values.items()))
    result = detect_secrets(leaky)
    assert result.returncode == 1
    for line in range(1, len(values) + 1):
        assert f"{leaky}:{line}: " in result.stdout, result.stdout


def test_the_repository_holds_no_unaudited_secret():
    result = detect_secrets()
    assert result.returncode == 0, result.stdout + result.stderr
