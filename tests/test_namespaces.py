"""Namespaces construct: one per area, each under the restricted Pod Security Standard."""

from __future__ import annotations

import cdk8s

from ecommerce.environments import PROD
from ecommerce.namespaces import Namespaces


def test_three_namespaces_enforce_restricted():
    chart = cdk8s.Testing.chart()
    Namespaces(chart, "namespaces", PROD)
    objects = cdk8s.Testing.synth(chart)
    assert [o["metadata"]["name"] for o in objects] == ["e-commerce-prod", "e-commerce-messaging", "monitoring"]
    for namespace in objects:
        labels = namespace["metadata"]["labels"]
        assert labels["pod-security.kubernetes.io/enforce"] == "restricted"
        assert labels["pod-security.kubernetes.io/enforce-version"] == "v1.27"
        assert labels["pod-security.kubernetes.io/audit"] == "restricted"
        assert labels["pod-security.kubernetes.io/warn"] == "restricted"
        assert labels["kubernetes.io/metadata.name"] == namespace["metadata"]["name"]


def test_no_sync_wave_outside_a_wave_chart():
    chart = cdk8s.Testing.chart()
    Namespaces(chart, "namespaces", PROD)
    assert all("annotations" not in o["metadata"] for o in cdk8s.Testing.synth(chart))
