"""Tie each environment's deploy credentials to its branch: the GitHub deployment environments.

    .venv/bin/python scripts/github_environments.py --reviewer team:ORG/SLUG      print the `gh api` calls (dry run)
    .venv/bin/python scripts/github_environments.py --reviewer user:LOGIN --apply make them (gh, as a repository admin)

For every environment of the model, its GitHub environment (`deployment_environment`) gets one
deployment branch rule, the branch Argo CD deploys it from (`git_revision`): a job of any other
branch, a pull request's included, that names the environment is refused before it starts, and
never sees the environment's secrets. An environment synced only by the pipeline (`auto_sync`
false) also requires one of the reviewers, who may not approve their own run. Stale branch rules
are deleted. Finally, no secret that deploy.yaml takes may exist at repository or organisation
level, where a workflow of any branch could read it.
"""

from __future__ import annotations

import argparse
import json
import shlex
import subprocess
import sys
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TextIO

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "constructs"))

from ecommerce.errors import ConfigError  # noqa: E402
from ecommerce.model.environments import ENVIRONMENTS, Environment  # noqa: E402
from ecommerce.model.project import REPOSITORY_URL  # noqa: E402

DEPLOY_WORKFLOW = ROOT / ".github" / "workflows" / "deploy.yaml"
# GitHub takes at most six required reviewers per environment.
MAX_REVIEWERS = 6
PAGE = "per_page=100"


@dataclass(frozen=True)
class Call:
    """One `gh api` request."""

    method: str
    path: str
    body: Mapping[str, Any] | None = None

    def args(self) -> list[str]:
        args = ["gh", "api", "--method", self.method, self.path]
        return args if self.body is None else [*args, "--input", "-"]

    def shell(self) -> str:
        line = shlex.join(self.args())
        return line if self.body is None else f"{line} <<'JSON'\n{json.dumps(self.body, indent=2)}\nJSON"


@dataclass(frozen=True)
class Reviewer:
    kind: str  # "User" or "Team", as the API names them
    ref: str  # a login, or org/slug

    @classmethod
    def parse(cls, text: str) -> Reviewer:
        kind, _, ref = text.partition(":")
        if kind == "user" and ref and "/" not in ref:
            return cls("User", ref)
        org, _, slug = ref.partition("/")
        if kind == "team" and org and slug:
            return cls("Team", ref)
        raise ConfigError("--reviewer", f"expected user:LOGIN or team:ORG/SLUG (got {text!r})")

    def lookup(self) -> Call:
        """The call whose answer carries the reviewer's numeric id, which the environment API takes."""
        if self.kind == "User":
            return Call("GET", f"users/{self.ref}")
        org, slug = self.ref.split("/", 1)
        return Call("GET", f"orgs/{org}/teams/{slug}")


@dataclass(frozen=True)
class Rules:
    """What one GitHub environment must enforce."""

    environment: str  # the GitHub environment
    platform: str  # the model's environment it deploys
    branch: str
    reviewers: tuple[Reviewer, ...]

    def body(self, ids: Mapping[Reviewer, int | str]) -> dict[str, Any]:
        return {
            "wait_timer": 0,
            "prevent_self_review": bool(self.reviewers),
            "reviewers": [{"type": r.kind, "id": ids[r]} for r in self.reviewers],
            "deployment_branch_policy": {"protected_branches": False, "custom_branch_policies": True},
        }

    def policies_path(self, repo: str) -> str:
        return f"repos/{repo}/environments/{self.environment}/deployment-branch-policies"

    def wanted_policy(self) -> dict[str, str]:
        return {"name": self.branch, "type": "branch"}


def rules_for(environments: Iterable[Environment], reviewers: Sequence[Reviewer]) -> list[Rules]:
    reviewers = tuple(dict.fromkeys(reviewers))
    if len(reviewers) > MAX_REVIEWERS:
        raise ConfigError("--reviewer", f"GitHub takes at most {MAX_REVIEWERS} reviewers (got {len(reviewers)})")
    rules = []
    for env in environments:
        approval = not env.auto_sync
        if approval and not reviewers:
            raise ConfigError(
                "--reviewer",
                f"{env.name} is synced only by the pipeline after approval: name who approves"
                " (user:LOGIN or team:ORG/SLUG, repeatable)",
            )
        rules.append(Rules(env.deployment_environment, env.name, env.git_revision, reviewers if approval else ()))
    names = [rule.environment for rule in rules]
    if len(set(names)) != len(names):
        raise ConfigError("github_environment", f"two environments deploy through one GitHub environment: {names}")
    return rules


def stale_policies(existing: Iterable[Mapping[str, Any]], rules: Rules) -> list[Mapping[str, Any]]:
    """The branch rules an environment has beyond the one it must have (a wildcard, another branch, a tag)."""
    wanted = rules.wanted_policy()
    return [policy for policy in existing if {"name": policy.get("name"), "type": policy.get("type")} != wanted]


def deploy_secrets(workflow: Path = DEPLOY_WORKFLOW) -> list[str]:
    """The secrets deploy.yaml takes (its `on.workflow_call.secrets`)."""
    document = yaml.safe_load(workflow.read_text())
    # YAML 1.1 reads a bare `on` key as true.
    triggers = document.get("on", document.get(True))
    return sorted(triggers["workflow_call"]["secrets"])


def leaked_secrets(names: Iterable[str], deploy: Iterable[str]) -> list[str]:
    return sorted(set(names) & set(deploy))


def repository(url: str = REPOSITORY_URL) -> str:
    owner_name = url.removeprefix("https://github.com/").removesuffix(".git").strip("/")
    if owner_name.count("/") != 1:
        raise ConfigError("--repo", f"cannot tell OWNER/NAME from {url!r}")
    return owner_name


def dry_run(repo: str, rules: list[Rules], secrets: list[str], out: TextIO | None = None) -> None:
    out = out or sys.stdout
    reviewers = list(dict.fromkeys(r for rule in rules for r in rule.reviewers))
    if reviewers:
        print("# Reviewers' ids (the environment API takes numbers):", file=out)
        for reviewer in reviewers:
            print(f"{reviewer.lookup().shell()} --jq .id", file=out)
    placeholders = {r: f"<id of {r.kind.lower()} {r.ref}>" for r in reviewers}
    for rule in rules:
        approval = f", approved by {', '.join(r.ref for r in rule.reviewers)}" if rule.reviewers else ""
        where = f"GitHub environment {rule.environment!r}, deployed from branch {rule.branch!r} only"
        print(f"\n# {rule.platform}: {where}{approval}", file=out)
        print(Call("PUT", f"repos/{repo}/environments/{rule.environment}", rule.body(placeholders)).shell(), file=out)
        print(f"# then delete every branch rule listed here but branch {rule.branch!r}:", file=out)
        print(Call("GET", f"{rule.policies_path(repo)}?{PAGE}").shell(), file=out)
        print(Call("DELETE", f"{rule.policies_path(repo)}/<id>").shell(), file=out)
        print("# and create that one if it is not there:", file=out)
        print(Call("POST", rule.policies_path(repo), rule.wanted_policy()).shell(), file=out)
    print(f"\n# Refused if any of {', '.join(secrets)} is listed here (readable from any branch):", file=out)
    for path in ("actions/secrets", "actions/organization-secrets"):
        print(Call("GET", f"repos/{repo}/{path}?{PAGE}").shell(), file=out)


def gh(call: Call) -> Any:
    result = subprocess.run(
        call.args(), input=None if call.body is None else json.dumps(call.body), capture_output=True, text=True
    )
    if result.returncode != 0:
        raise ConfigError(f"gh api {call.method} {call.path}", (result.stderr or result.stdout).strip() or "failed")
    return json.loads(result.stdout) if result.stdout.strip() else None


def apply(repo: str, rules: list[Rules], secrets: list[str], api: Callable[[Call], Any] = gh, out: TextIO | None = None) -> None:
    out = out or sys.stdout
    for path, key in (("actions/secrets", "secrets"), ("actions/organization-secrets", "secrets")):
        names = [secret["name"] for secret in api(Call("GET", f"repos/{repo}/{path}?{PAGE}"))[key]]
        leaked = leaked_secrets(names, secrets)
        if leaked:
            raise ConfigError(
                f"{repo}: {path}",
                f"{', '.join(leaked)} must live only in the GitHub environments (any branch's workflow can read these)",
            )
    ids = {r: api(r.lookup())["id"] for rule in rules for r in rule.reviewers}
    for rule in rules:
        api(Call("PUT", f"repos/{repo}/environments/{rule.environment}", rule.body(ids)))
        existing = api(Call("GET", f"{rule.policies_path(repo)}?{PAGE}"))["branch_policies"]
        stale = stale_policies(existing, rule)
        for policy in stale:
            api(Call("DELETE", f"{rule.policies_path(repo)}/{policy['id']}"))
            print(f"{rule.environment}: deleted branch rule {policy.get('type')} {policy.get('name')!r}", file=out)
        if len(stale) == len(existing):
            api(Call("POST", rule.policies_path(repo), rule.wanted_policy()))
        reviewed = f", approved by {', '.join(r.ref for r in rule.reviewers)}" if rule.reviewers else ""
        print(f"{rule.environment}: deploys {rule.platform} from branch {rule.branch!r} only{reviewed}", file=out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repo", help="OWNER/NAME (default: REPOSITORY_URL's, in constructs/ecommerce/model/project.py)")
    parser.add_argument("--reviewer", action="append", default=[], help="user:LOGIN or team:ORG/SLUG (repeatable)")
    parser.add_argument("--apply", action="store_true", help="make the calls (default: print them)")
    args = parser.parse_args(argv)
    try:
        repo = args.repo or repository()
        rules = rules_for(ENVIRONMENTS.values(), [Reviewer.parse(text) for text in args.reviewer])
        secrets = deploy_secrets()
        if args.apply:
            apply(repo, rules, secrets)
        else:
            dry_run(repo, rules, secrets)
    except ConfigError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
