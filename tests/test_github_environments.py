"""scripts/github_environments.py: each environment's credentials are reachable from its branch only."""

from __future__ import annotations

import dataclasses
import json
import re

import pytest

from ecommerce.errors import ConfigError
from ecommerce.model.environments import ENVIRONMENTS
from scripts.github_environments import (
    Call,
    Reviewer,
    apply,
    deploy_secrets,
    main,
    repository,
    rules_for,
    stale_policies,
)

REVIEWERS = [Reviewer("Team", "e-commerce-back/release-managers")]


def test_each_github_environment_admits_the_branch_argo_cd_deploys_its_environment_from():
    rules = {rule.platform: rule for rule in rules_for(ENVIRONMENTS.values(), REVIEWERS)}
    assert set(rules) == set(ENVIRONMENTS)
    for name, env in ENVIRONMENTS.items():
        rule = rules[name]
        assert (rule.environment, rule.branch) == (env.deployment_environment, env.git_revision)
        body = rule.body({reviewer: 7 for reviewer in REVIEWERS})
        # Only the named branch: neither "any protected branch" nor a tag.
        assert body["deployment_branch_policy"] == {"protected_branches": False, "custom_branch_policies": True}
        assert rule.wanted_policy() == {"name": env.git_revision, "type": "branch"}
        # Synced by the pipeline after approval: someone else than the author approves.
        assert bool(body["reviewers"]) == (not env.auto_sync) == body["prevent_self_review"]
    assert rules["dev"].branch != rules["prod"].branch


def test_a_github_environment_name_is_checked_where_it_is_set():
    prod = ENVIRONMENTS["prod"]
    with pytest.raises(ConfigError, match=r"prod: github_environment: .*'prod env'"):
        dataclasses.replace(prod, github_environment="prod env")
    assert dataclasses.replace(prod, github_environment="").deployment_environment == "prod"


def test_an_environment_approved_by_nobody_is_refused():
    with pytest.raises(ConfigError, match=r"--reviewer: prod is synced only by the pipeline after approval"):
        rules_for(ENVIRONMENTS.values(), [])


@pytest.mark.parametrize("text", ["alice", "user:", "user:org/alice", "team:org", "team:/slug", "group:x"])
def test_a_reviewer_is_a_user_or_an_organisation_team(text):
    with pytest.raises(ConfigError, match="--reviewer"):
        Reviewer.parse(text)


def test_reviewers_are_looked_up_by_id():
    assert Reviewer.parse("user:alice").lookup() == Call("GET", "users/alice")
    assert Reviewer.parse("team:org/ops").lookup() == Call("GET", "orgs/org/teams/ops")


def test_every_other_branch_rule_is_stale():
    (rule,) = [r for r in rules_for(ENVIRONMENTS.values(), REVIEWERS) if r.platform == "dev"]
    existing = [
        {"id": 1, "name": "develop", "type": "branch"},
        {"id": 2, "name": "*", "type": "branch"},
        {"id": 3, "name": "main", "type": "branch"},
        {"id": 4, "name": "develop", "type": "tag"},
    ]
    assert [policy["id"] for policy in stale_policies(existing, rule)] == [2, 3, 4]


def test_the_secrets_checked_are_those_deploy_yaml_takes():
    assert "ARGOCD_PLATFORM_TOKEN" in deploy_secrets()
    assert repository() == "e-commerce-back/platform"


def test_the_dry_run_prints_the_calls_and_makes_none(capsys):
    assert main(["--reviewer", "team:e-commerce-back/release-managers", "--repo", "o/r"]) == 0
    out = capsys.readouterr().out
    for env in ENVIRONMENTS.values():
        put = re.search(
            rf"gh api --method PUT repos/o/r/environments/{env.deployment_environment} --input - <<'JSON'\n(.*?)\nJSON", out, re.S
        )
        assert put, env.name
        assert json.loads(put.group(1))["deployment_branch_policy"]["custom_branch_policies"] is True
        post = f"gh api --method POST repos/o/r/environments/{env.deployment_environment}/deployment-branch-policies"
        assert f'{post} --input - <<\'JSON\'\n{{\n  "name": "{env.git_revision}",\n  "type": "branch"\n}}' in out
    assert "gh api --method GET orgs/e-commerce-back/teams/release-managers --jq .id" in out
    assert "repos/o/r/actions/secrets?per_page=100" in out


class FakeGitHub:
    """The few endpoints the script calls, over in-memory state."""

    def __init__(self, repository_secrets=(), policies=None):
        self.repository_secrets = list(repository_secrets)
        self.policies = policies or {}
        self.calls: list[Call] = []

    def __call__(self, call: Call):
        self.calls.append(call)
        path = call.path.split("?")[0]
        if path.endswith("actions/secrets"):
            return {"secrets": [{"name": name} for name in self.repository_secrets]}
        if path.endswith("actions/organization-secrets"):
            return {"secrets": []}
        if path.startswith(("users/", "orgs/")):
            return {"id": 42}
        environment = path.split("/")[4]
        if call.method == "GET":
            return {"branch_policies": self.policies.get(environment, [])}
        if call.method == "POST":
            assert call.body is not None, f"{call.path}: a new branch rule needs a body"
            self.policies.setdefault(environment, []).append({"id": 99, **call.body})
        if call.method == "DELETE":
            wanted = int(path.rsplit("/", 1)[1])
            self.policies[environment] = [p for p in self.policies[environment] if p["id"] != wanted]
        return None


def test_apply_leaves_each_environment_with_its_branch_only(capsys):
    github = FakeGitHub(
        policies={"dev": [{"id": 1, "name": "*", "type": "branch"}], "staging": [{"id": 2, "name": "main", "type": "branch"}]}
    )
    rules = rules_for(ENVIRONMENTS.values(), REVIEWERS)
    apply("o/r", rules, deploy_secrets(), api=github)
    assert {env: [(p["name"], p["type"]) for p in policies] for env, policies in github.policies.items()} == {
        env.deployment_environment: [(env.git_revision, "branch")] for env in ENVIRONMENTS.values()
    }
    production = next(c for c in github.calls if c.method == "PUT" and c.path.endswith("/production"))
    assert production.body is not None
    assert production.body["reviewers"] == [{"type": "Team", "id": 42}]
    assert "dev: deleted branch rule branch '*'" in capsys.readouterr().out


def test_apply_refuses_deploy_credentials_kept_at_repository_level():
    github = FakeGitHub(repository_secrets=["ARGOCD_ROOT_TOKEN", "CODECOV_TOKEN"])
    with pytest.raises(ConfigError, match=r"actions/secrets: ARGOCD_ROOT_TOKEN must live only in the GitHub environments"):
        apply("o/r", rules_for(ENVIRONMENTS.values(), REVIEWERS), deploy_secrets(), api=github)
    assert not [call for call in github.calls if call.method != "GET"]
