"""Dev's Secrets: random values made on the cluster's side, none in dist/ nor computable from the repository."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from ecommerce.derived.secret_specs import secret_specs
from ecommerce.errors import ConfigError
from ecommerce.model.catalog import CATALOG
from ecommerce.model.environments import DEV, PROD
from ecommerce_ops.dev_secrets import dev_secrets

ROOT = Path(__file__).resolve().parent.parent
SPECS = secret_specs(DEV, CATALOG)
# Literal, non-secret keys: user names and the root account's host.
LITERALS = {"rootUser", "rootHost", "username", "admin-user", "config"}


def by_name(manifests: list[dict]) -> dict[tuple[str, str], dict[str, str]]:
    return {(m["metadata"]["namespace"], m["metadata"]["name"]): m["stringData"] for m in manifests}


def secret_values(manifests: list[dict]) -> set[str]:
    return {value for m in manifests for key, value in m["stringData"].items() if key not in LITERALS and "\n" not in value}


def test_dev_output_holds_no_secret_at_all(documents):
    # test_secrets.py proves no Secret carries data; nor does anything else name a dev Secret's value.
    assert not [doc for doc in documents["dev"] if doc["kind"] == "Secret"]


def test_values_are_random_and_none_is_computable_from_the_repository(documents):
    first, second = dev_secrets(DEV, SPECS, {}), dev_secrets(DEV, SPECS, {})
    values = secret_values(first)
    assert len(values) == len({r for spec in SPECS for r in spec.remotes}), "one distinct value per remote value"
    assert not values & secret_values(second), "two clusters never share a value"
    assert all(len(value) >= 32 for value in values)
    # Nothing synthesised from the repository contains them (they were drawn after the synth).
    dumped = json.dumps(documents["dev"])
    assert not [value for value in values if value in dumped]


def test_values_that_must_agree_come_from_the_same_place():
    secrets = by_name(dev_secrets(DEV, SPECS, {}))
    orders = secrets[("e-commerce-dev", "orders-credentials")]
    assert orders["RABBITMQ_PASSWORD"] == secrets[("e-commerce-messaging", "rabbitmq-user-orders")]["password"]
    assert orders["DATABASE_PASSWORD"] == secrets[("e-commerce-data", "mysql-accounts")]["orders"]
    gateway = secrets[("e-commerce-dev", "api-gateway-credentials")]
    assert gateway["JWT_PUBLIC_KEY"] == secrets[("e-commerce-dev", "auth-credentials")]["JWT_PUBLIC_KEY"]
    assert orders["APP_SECRET"] != gateway["APP_SECRET"]
    # A file built around a value (the exporter's my.cnf) holds the same value as the accounts Secret.
    exporter = secrets[("e-commerce-data", "mysql-accounts")]["exporter"]
    assert f"password={exporter}\n" in secrets[("e-commerce-data", "mysql-exporter")]["my.cnf"]


def test_a_second_run_keeps_what_the_cluster_holds():
    first = by_name(dev_secrets(DEV, SPECS, {}))
    # The cluster lost one Secret (deleted by hand): it comes back with the values its partners hold.
    existing = {ref: data for ref, data in first.items() if ref != ("e-commerce-messaging", "rabbitmq-user-orders")}
    again = by_name(dev_secrets(DEV, SPECS, existing))
    assert again == first


def test_generated_secrets_are_labelled_and_kept_out_of_argo_cds_pruning():
    for manifest in dev_secrets(DEV, SPECS, {}):
        assert manifest["metadata"]["labels"]["e-commerce/dev-only"] == "true"
        assert manifest["metadata"]["annotations"]["argocd.argoproj.io/sync-options"] == "Prune=false"
    user = next(m for m in dev_secrets(DEV, SPECS, {}) if m["metadata"]["name"] == "rabbitmq-user-orders")
    assert user["metadata"]["labels"]["rabbitmq.com/topology-operator"] == "true"


def test_refused_where_a_secret_store_exists():
    with pytest.raises(ConfigError, match=r"secrets\.mode"):
        dev_secrets(PROD, secret_specs(PROD, CATALOG), {})


def test_command_line_dry_run_prints_the_secrets():
    result = subprocess.run(
        [sys.executable, "-m", "ecommerce_ops.dev_secrets", "dev", "--dry-run"],
        cwd=ROOT / "constructs",
        capture_output=True,
        text=True,
        check=True,
    )
    items = json.loads(result.stdout)["items"]
    secrets = [i for i in items if i["kind"] == "Secret"]
    assert {(i["metadata"]["namespace"], i["metadata"]["name"]) for i in secrets} == {(s.namespace, s.name) for s in SPECS}
    # Their namespaces come first, by name only: it runs before the first deploy.
    namespaces = [i["metadata"] for i in items[: len(items) - len(secrets)]]
    assert namespaces == [{"name": ns} for ns in sorted({s.namespace for s in SPECS})]
    refused = subprocess.run(
        [sys.executable, "-m", "ecommerce_ops.dev_secrets", "prod", "--dry-run"],
        cwd=ROOT / "constructs",
        capture_output=True,
        text=True,
    )
    assert refused.returncode == 2 and "secrets.mode" in refused.stderr


def test_values_computed_from_the_repository_by_earlier_synths_are_replaced():
    first = by_name(dev_secrets(DEV, SPECS, {}))
    # A dev cluster deployed before: its Secrets hold `dev-only-<sha256 of names>` values.
    old = {ref: {key: f"dev-only-{abs(hash((ref, key))):024x}"[:33] for key in data} for ref, data in first.items()}
    again = by_name(dev_secrets(DEV, SPECS, old))
    assert not [value for data in again.values() for value in data.values() if value.startswith("dev-only-")]
