"""Namespaces construct: one per area, each under the restricted Pod Security Standard."""

from __future__ import annotations

import cdk8s

from ecommerce.components.namespaces import Namespaces
from ecommerce.model.environments import DEV, PROD, STAGING


def synth_namespaces(env):
    chart = cdk8s.Testing.chart()
    Namespaces(chart, "namespaces", env)
    return {o["metadata"]["name"]: o for o in cdk8s.Testing.synth(chart)}


def test_four_namespaces_under_pod_security_standards():
    objects = synth_namespaces(PROD)
    assert list(objects) == ["e-commerce-prod", "e-commerce-data", "e-commerce-messaging", "monitoring"]
    for namespace in objects.values():
        labels = namespace["metadata"]["labels"]
        assert labels["pod-security.kubernetes.io/enforce-version"] == "v1.27"
        assert labels["pod-security.kubernetes.io/audit"] == "restricted"
        assert labels["pod-security.kubernetes.io/warn"] == "restricted"
        assert labels["kubernetes.io/metadata.name"] == namespace["metadata"]["name"]


def enforced(env):
    return {name: o["metadata"]["labels"]["pod-security.kubernetes.io/enforce"] for name, o in synth_namespaces(env).items()}


def test_restricted_is_enforced_wherever_the_platform_runs_its_own_pods():
    assert set(enforced(DEV).values()) == {"restricted"}
    assert set(enforced(STAGING).values()) == {"restricted"}


def test_prod_data_namespace_is_baseline_for_the_operators_backup_jobs():
    levels = enforced(PROD)
    assert levels.pop("e-commerce-data") == "baseline"
    assert set(levels.values()) == {"restricted"}


def test_no_sync_wave_outside_a_wave_chart():
    chart = cdk8s.Testing.chart()
    Namespaces(chart, "namespaces", PROD)
    assert all("annotations" not in o["metadata"] for o in cdk8s.Testing.synth(chart))
