"""Dev's Secrets, made on the cluster's side with random values.

An environment without a secret store (dev) gets no Secret in dist/: a value computed at synth
time is known to anyone with the repository, whatever it looks like. This module makes them
instead, from the same specs (derived/secret_specs.py) that staging and prod render as ExternalSecrets:

    python -m ecommerce_ops.dev_secrets dev [--context NAME] [--dry-run]     (make dev-secrets)

Each remote value is random (`secrets.token_urlsafe`), made once: a value already in the
cluster is kept, so a second run changes nothing and two Secrets that must agree (a service's
RabbitMQ password and the RabbitMQ user's import Secret) keep agreeing. Run it once per cluster,
before the first deploy (README, "Secrets"); Argo CD neither tracks nor prunes these.
"""

from __future__ import annotations

import argparse
import base64
import json
import secrets
import subprocess
import sys
from collections.abc import Callable, Mapping, Sequence

from ecommerce.derived.secret_specs import Derived, Remote, SecretSpec, Value
from ecommerce.errors import ConfigError, require
from ecommerce.model.environments import Environment

DEV_ONLY_LABEL = "e-commerce/dev-only"
FIELD_MANAGER = "e-commerce-dev-secrets"
# Not in Git, so Argo CD must neither report them as extraneous nor prune them.
ARGOCD_KEEP = {
    "argocd.argoproj.io/compare-options": "IgnoreExtraneous",
    "argocd.argoproj.io/sync-options": "Prune=false",
}

# What the synth used to write for dev (sha256 of names in the repository): such a value found
# in the cluster is replaced, never kept.
DERIVABLE = "dev-only-"

Existing = Mapping[tuple[str, str], Mapping[str, str]]


def _token() -> str:
    return secrets.token_urlsafe(24)


def remote_values(specs: Sequence[SecretSpec], existing: Existing, token: Callable[[], str] = _token) -> dict[Remote, str]:
    """One value per remote: the one a Secret in the cluster already holds, else a new one."""
    values: dict[Remote, str] = {}
    for spec in specs:
        held = existing.get((spec.namespace, spec.name), {})
        for key, value in spec.data.items():
            if isinstance(value, Remote) and key in held and value not in values and not held[key].startswith(DERIVABLE):
                values[value] = held[key]
    for spec in specs:
        for remote in spec.remotes:
            if remote not in values:
                values[remote] = token()
    return values


def dev_secrets(
    env: Environment, specs: Sequence[SecretSpec], existing: Existing, token: Callable[[], str] = _token
) -> list[dict]:
    """The Secret manifests of an environment without a secret store."""
    require(not env.secrets.external, f"{env.name}: secrets.mode", "has a secret store: its Secrets are ExternalSecrets")
    from ecommerce.derived.labels import labels

    values = remote_values(specs, existing, token)

    def render(value: Value) -> str:
        if isinstance(value, Remote):
            return values[value]
        if isinstance(value, Derived):
            return value.template.format(value=values[value.source])
        return value

    return [
        {
            "apiVersion": "v1",
            "kind": "Secret",
            "metadata": {
                "name": spec.name,
                "namespace": spec.namespace,
                "labels": labels(env, spec.owner, spec.component) | dict(spec.extra_labels) | {DEV_ONLY_LABEL: "true"},
                "annotations": ARGOCD_KEEP,
            },
            "type": "Opaque",
            "stringData": {key: render(value) for key, value in spec.data.items()},
        }
        for spec in specs
    ]


def existing_secrets(context: str, namespaces: Sequence[str]) -> dict[tuple[str, str], dict[str, str]]:
    """What the cluster holds of them already (decoded)."""
    found: dict[tuple[str, str], dict[str, str]] = {}
    for namespace in sorted(set(namespaces)):
        listed = subprocess.run(
            ["kubectl", "--context", context, "get", "secrets", "-n", namespace, "-l", f"{DEV_ONLY_LABEL}=true", "-o", "json"],
            check=True,
            capture_output=True,
            text=True,
        ).stdout
        for item in json.loads(listed)["items"]:
            data = {key: base64.b64decode(value).decode() for key, value in (item.get("data") or {}).items()}
            found[(namespace, item["metadata"]["name"])] = data
    return found


def main(argv: Sequence[str] | None = None) -> int:
    from ecommerce.derived.secret_specs import secret_specs
    from ecommerce.model.catalog import CATALOG
    from ecommerce.model.environments import get_environment

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("env")
    parser.add_argument("--context", help="kubectl context (default: the environment's target cluster name)")
    parser.add_argument("--dry-run", action="store_true", help="print the manifests instead of applying them")
    args = parser.parse_args(argv)
    try:
        env = get_environment(args.env)
        specs = secret_specs(env, CATALOG)
        require(not env.secrets.external, f"{env.name}: secrets.mode", "has a secret store: its Secrets are ExternalSecrets")
    except ConfigError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    context = args.context or env.target_cluster.name
    existing = {} if args.dry_run else existing_secrets(context, [spec.namespace for spec in specs])
    # The namespaces, by name only (the foundation wave sets their labels): so that this can run
    # before the first deploy, whose data wave waits for these Secrets.
    namespaces = [
        {"apiVersion": "v1", "kind": "Namespace", "metadata": {"name": ns}} for ns in sorted({s.namespace for s in specs})
    ]
    manifest = json.dumps({"apiVersion": "v1", "kind": "List", "items": namespaces + dev_secrets(env, specs, existing)})
    if args.dry_run:
        print(manifest)
        return 0
    apply = ["kubectl", "--context", context, "apply", "--server-side", f"--field-manager={FIELD_MANAGER}", "-f", "-"]
    return subprocess.run(apply, input=manifest, text=True, check=False).returncode


if __name__ == "__main__":
    sys.exit(main())
