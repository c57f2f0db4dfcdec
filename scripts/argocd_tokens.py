"""Check the Argo CD tokens the deploy workflow was given, before it uses any of them.

    python3 scripts/argocd_tokens.py prod     (tokens in $ARGOCD_ROOT_TOKEN, $ARGOCD_ADD_ONS_TOKEN, $ARGOCD_PLATFORM_TOKEN)

Each token must be one of the pipeline role of the project whose Applications the workflow
drives with it, in this environment (subject `proj:<project>:pipeline`), and expire within the
environment's `argocd.token_lifetime`. Argo CD checks a token's signature, and would accept what
this refuses: a token of another environment's project (a dev token stored in the production
GitHub environment), of another role, of an account, without expiry or longer-lived. The claims
are read without the signing key: this proves which kind of token was stored, not that it is
genuine. No token is ever printed.
"""

from __future__ import annotations

import base64
import binascii
import json
import os
import sys
import time
from collections.abc import Mapping
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "constructs"))

from ecommerce.errors import ConfigError  # noqa: E402
from ecommerce.model.environments import Environment, get_environment  # noqa: E402
from ecommerce.model.project import PIPELINE_ROLE, PIPELINE_TOKEN_SECRETS  # noqa: E402
from ecommerce_ops.operations import argocd_plan, objects_of  # noqa: E402

# Below this much of its life left, a token is announced as due for renewal.
RENEW_WITHIN_SECONDS = 7 * 24 * 3600


class TokenError(Exception):
    pass


def claims_of(token: str) -> dict:
    """The payload of a JWT, unverified."""
    parts = token.strip().split(".")
    if len(parts) != 3:
        raise TokenError("is not a JWT (an Argo CD token has three dot-separated parts)")
    try:
        payload = base64.urlsafe_b64decode(parts[1] + "=" * (-len(parts[1]) % 4))
        claims = json.loads(payload)
    except (binascii.Error, ValueError) as error:
        raise TokenError(f"is not a JWT: its payload does not decode ({type(error).__name__})") from None
    if not isinstance(claims, dict):
        raise TokenError("is not a JWT: its payload is not an object")
    return claims


def token_projects(env: Environment, folder: Path) -> dict[str, str]:
    """Secret name -> the project of the Applications deploy.yaml drives with that token."""
    plan = argocd_plan(env, folder)
    namespace = env.argocd.apps_namespace
    selector = dict(part.split("=", 1) for part in plan.add_ons_selector.split(","))
    projects: dict[str, set[str]] = {key: set() for key in PIPELINE_TOKEN_SECRETS}
    for obj in objects_of(folder / "argocd" / "bootstrap.k8s.yaml"):
        if obj["kind"] != "Application":
            continue
        name = f"{obj['metadata'].get('namespace', namespace)}/{obj['metadata']['name']}"
        labels = obj["metadata"].get("labels", {})
        if name == plan.root:
            projects["bootstrap"].add(obj["spec"]["project"])
        elif name == plan.app:
            projects["platform"].add(obj["spec"]["project"])
        elif selector.items() <= labels.items():
            projects["operators"].add(obj["spec"]["project"])
    result = {}
    for key, found in projects.items():
        if len(found) != 1:
            raise ConfigError(str(folder / "argocd"), f"the {key} Applications must share one project (got {sorted(found)})")
        result[PIPELINE_TOKEN_SECRETS[key]] = found.pop()
    return result


def check_token(token: str, project: str, lifetime_seconds: int, now: float) -> tuple[list[str], str]:
    """(problems, a description of a good token)."""
    try:
        claims = claims_of(token)
    except TokenError as error:
        return [str(error)], ""
    problems = []
    subject = claims.get("sub")
    expected = f"proj:{project}:{PIPELINE_ROLE}"
    if subject != expected:
        problems.append(f"belongs to {subject!r}, not to {expected!r}")
    issued, expires = claims.get("iat"), claims.get("exp")
    if not isinstance(expires, int | float):
        problems.append("never expires: create it with --expires-in")
    elif not isinstance(issued, int | float):
        problems.append("has no issue time (iat), so its lifetime is unknown")
    else:
        if expires - issued > lifetime_seconds:
            problems.append(f"lives {(expires - issued) / 3600:.0f}h, longer than the {lifetime_seconds // 3600}h allowed")
        if expires <= now:
            problems.append(f"expired at {_when(expires)}")
    return problems, f"{subject}, expires {_when(expires)}" if not problems else ""


def _when(timestamp: float | None) -> str:
    if timestamp is None:
        return "never"
    return datetime.fromtimestamp(timestamp, UTC).strftime("%Y-%m-%d %H:%M UTC")


def main(
    argv: list[str] | None = None, environ: Mapping[str, str] = os.environ, now: float | None = None, dist: Path = ROOT / "dist"
) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1:
        print(__doc__, file=sys.stderr)
        return 2
    now = time.time() if now is None else now
    try:
        env = get_environment(args[0])
        projects = token_projects(env, dist / env.name)
    except ConfigError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    lifetime = int(env.argocd.token_lifetime.removesuffix("h")) * 3600
    failed = False
    for secret, project in sorted(projects.items()):
        renew = f"argocd proj role create-token {project} {PIPELINE_ROLE} --expires-in {env.argocd.token_lifetime}"
        token = environ.get(secret, "")
        if not token:
            problems, good = [f"is not set in the GitHub environment {env.deployment_environment!r}"], ""
        else:
            problems, good = check_token(token, project, lifetime, now)
        if problems:
            failed = True
            print(f"::error::{secret} {'; '.join(problems)}. Store a new one: {renew}", file=sys.stderr)
            continue
        print(f"ok    {secret}: {good}")
        expires = claims_of(token)["exp"]
        if expires - now < min(RENEW_WITHIN_SECONDS, lifetime // 4):
            print(f"::warning::{secret} expires at {_when(expires)}: store a new one ({renew})")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
