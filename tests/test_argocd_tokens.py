"""scripts/argocd_tokens.py: the deploy workflow refuses an Argo CD token of the wrong project,
role or lifetime before it uses any."""

from __future__ import annotations

import base64
import json

import pytest

from ecommerce.model.environments import ENVIRONMENTS
from ecommerce.model.project import PIPELINE_ROLE, PIPELINE_TOKEN_SECRETS
from scripts.argocd_tokens import claims_of, main, token_projects

from .conftest import load_documents

NOW = 1_800_000_000
PROD_LIFETIME = ENVIRONMENTS["prod"].argocd.token_lifetime
HOUR = 3600


def jwt(claims: dict) -> str:
    """A token shaped as Argo CD signs them (HS256); the check reads claims only, so the signature is filler."""

    def part(data: dict) -> str:
        return base64.urlsafe_b64encode(json.dumps(data).encode()).rstrip(b"=").decode()

    return f"{part({'alg': 'HS256', 'typ': 'JWT'})}.{part(claims)}.c2lnbmF0dXJl"


def project_token(project: str, hours: int, issued: int = NOW - HOUR, role: str = PIPELINE_ROLE) -> str:
    # The claims Argo CD's SessionManager.Create writes for `proj role create-token --expires-in`.
    claims = {"iss": "argocd", "sub": f"proj:{project}:{role}", "iat": issued, "nbf": issued, "jti": "5f0c"}
    return jwt(claims | {"exp": issued + hours * HOUR})


def good_tokens(env: str, projects: dict[str, str]) -> dict[str, str]:
    hours = int(ENVIRONMENTS[env].argocd.token_lifetime.removesuffix("h"))
    return {secret: project_token(project, hours) for secret, project in projects.items()}


@pytest.fixture(scope="module")
def projects(synthesized) -> dict[str, dict[str, str]]:
    return {env: token_projects(ENVIRONMENTS[env], synthesized / env) for env in ENVIRONMENTS}


def run(synthesized, capsys, env: str, tokens: dict[str, str]) -> tuple[int, str]:
    status = main([env], environ=tokens, now=NOW, dist=synthesized)
    out = capsys.readouterr()
    return status, out.out + out.err


@pytest.mark.parametrize("env", ENVIRONMENTS)
def test_each_token_is_for_the_project_whose_pipeline_role_may_do_what_the_workflow_does(synthesized, projects, env):
    """The chain the deploy depends on: the workflow drives the root, the add-ons and the platform
    each with one secret; that secret's project must be the one whose pipeline role may read the
    Applications, and sync those the pipeline syncs."""
    assert set(projects[env]) == set(PIPELINE_TOKEN_SECRETS.values())
    roles = {
        doc["metadata"]["name"]: {role["name"]: role["policies"] for role in doc["spec"].get("roles", [])}
        for doc in load_documents(synthesized / env / "argocd-projects")
        if doc["kind"] == "AppProject"
    }
    applications = [doc for doc in load_documents(synthesized / env / "argocd") if doc["kind"] == "Application"]
    for app in applications:
        project = app["spec"]["project"]
        policies = roles[project][PIPELINE_ROLE]
        target = f"{project}/{app['metadata']['namespace']}/{app['metadata']['name']}"
        assert f"p, proj:{project}:{PIPELINE_ROLE}, applications, get, {target}, allow" in policies
    assert len(set(projects[env].values())) == len(projects[env])


@pytest.mark.parametrize("env", ENVIRONMENTS)
def test_tokens_of_the_environments_projects_pass_and_are_never_printed(synthesized, projects, capsys, env):
    tokens = good_tokens(env, projects[env])
    status, output = run(synthesized, capsys, env, tokens)
    assert status == 0, output
    assert all(f"ok    {secret}" in output for secret in tokens)
    assert not any(token in output or token.split(".")[1] in output for token in tokens.values())


def test_a_dev_token_stored_in_production_is_refused(synthesized, projects, capsys):
    tokens = good_tokens("prod", projects["prod"])
    tokens["ARGOCD_PLATFORM_TOKEN"] = good_tokens("dev", projects["dev"])["ARGOCD_PLATFORM_TOKEN"]
    status, output = run(synthesized, capsys, "prod", tokens)
    assert status == 1
    (error,) = [line for line in output.splitlines() if line.startswith("::error::")]
    dev_project = projects["dev"]["ARGOCD_PLATFORM_TOKEN"]
    assert error.startswith(f"::error::ARGOCD_PLATFORM_TOKEN belongs to 'proj:{dev_project}:{PIPELINE_ROLE}'")
    assert f"argocd proj role create-token {projects['prod']['ARGOCD_PLATFORM_TOKEN']} {PIPELINE_ROLE}" in error


@pytest.mark.parametrize(
    ("token", "problem"),
    [
        (lambda project: project_token(project, 24, role="admin"), "not to 'proj:"),
        (lambda project: jwt({"iss": "argocd", "sub": "admin", "iat": NOW, "exp": NOW + HOUR}), "belongs to 'admin'"),
        (lambda project: jwt({"iss": "argocd", "sub": f"proj:{project}:{PIPELINE_ROLE}", "iat": NOW}), "never expires"),
        (lambda project: project_token(project, 24 * 365), f"longer than the {PROD_LIFETIME} allowed"),
        (lambda project: project_token(project, 24, issued=NOW - 48 * HOUR), "expired at"),
        (lambda project: "not-a-token", "is not a JWT"),
        (lambda project: "", "is not set in the GitHub environment 'production'"),
    ],
    ids=["other-role", "account", "no-expiry", "long-lived", "expired", "garbage", "missing"],
)
def test_tokens_that_argo_cd_might_accept_but_the_pipeline_must_not_use(synthesized, projects, capsys, token, problem):
    tokens = good_tokens("prod", projects["prod"])
    tokens["ARGOCD_ROOT_TOKEN"] = token(projects["prod"]["ARGOCD_ROOT_TOKEN"])
    status, output = run(synthesized, capsys, "prod", tokens)
    assert status == 1
    assert problem in next(line for line in output.splitlines() if line.startswith("::error::ARGOCD_ROOT_TOKEN"))


def test_a_token_close_to_expiry_passes_with_a_warning(synthesized, projects, capsys):
    tokens = good_tokens("dev", projects["dev"])
    tokens["ARGOCD_ADD_ONS_TOKEN"] = project_token(projects["dev"]["ARGOCD_ADD_ONS_TOKEN"], 720, issued=NOW - 700 * HOUR)
    status, output = run(synthesized, capsys, "dev", tokens)
    assert status == 0
    assert [line.split(" ")[0] for line in output.splitlines() if line.startswith("::warning::")] == [
        "::warning::ARGOCD_ADD_ONS_TOKEN"
    ]


def test_claims_are_read_from_the_payload():
    assert claims_of(jwt({"sub": "proj:p:r", "exp": 5}))["sub"] == "proj:p:r"
