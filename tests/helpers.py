"""Helpers for construct unit tests."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import cdk8s
from constructs import Construct

from ecommerce.model.catalog import CATALOG
from ecommerce.model.environments import Environment
from ecommerce.model.releases import Release, load_release


def synth(build: Callable[[Construct], Any]) -> list[dict]:
    """The objects that `build(scope)` synthesises inside a test chart."""
    chart = cdk8s.Testing.chart()
    build(chart)
    return cdk8s.Testing.synth(chart)


def of_kind(objects: list[dict], kind: str) -> list[dict]:
    return [obj for obj in objects if obj["kind"] == kind]


def one(objects: list[dict], kind: str, name: str | None = None) -> dict:
    matches = [obj for obj in of_kind(objects, kind) if name is None or obj["metadata"]["name"] == name]
    assert len(matches) == 1, f"expected one {kind} {name or ''}, found {len(matches)}"
    return matches[0]


def release(env: Environment) -> Release:
    return load_release(env, CATALOG)


def pod_templates(objects: list[dict]) -> list[tuple[str, dict]]:
    """(kind/name, pod template: metadata and spec) of every pod template in `objects`."""
    templates = []
    for obj in objects:
        spec = obj.get("spec", {})
        name = f"{obj['kind']}/{obj['metadata']['name']}"
        if obj["kind"] in ("Deployment", "StatefulSet", "DaemonSet", "Job"):
            templates.append((name, spec["template"]))
        elif obj["kind"] == "CronJob":
            templates.append((name, spec["jobTemplate"]["spec"]["template"]))
        elif obj["kind"] == "Pod":
            templates.append((name, {"metadata": obj["metadata"], "spec": spec}))
    return templates
