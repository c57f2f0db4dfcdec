"""Argo CD over the assembled platform: every Application permitted by its AppProject, every
namespace owned once, every Application synced by something, the pipeline's commands valid for
the sync policy they act on, and sync waves that wait for what they order."""

from __future__ import annotations

import copy
from pathlib import Path

import pytest

from ecommerce.environments import ENVIRONMENTS
from ecommerce.operations import argocd_plan
from tests.platform.addons import crd_scopes, needs_addons
from tests.platform.argocd import (
    Command,
    application_health_assessed,
    applied_by_argocd,
    evaluate,
    load_workflows,
    namespace_owner_failures,
    pipeline_commands,
    pipeline_policy_failures,
    project_failures,
    rendered_by_application,
    sync_failures,
    wave_failures,
)
from tests.platform.assembly import assemble
from tests.schemas import CRDS, load_crd

ROOT = Path(__file__).resolve().parent.parent
ENVS = list(ENVIRONMENTS)
# Argo CD's own kinds, whose CRDs come with Argo CD itself.
ARGO_CD_SCOPES = {("argoproj.io", "Application"): "Namespaced", ("argoproj.io", "AppProject"): "Namespaced"}


@pytest.fixture(scope="module")
def clusters(documents):
    return {env: assemble(env, documents[env]) for env in ENVS}


def rendered(cluster, bootstrap_docs):
    addons = {name: [o for o in objects if applied_by_argocd(o)] for name, objects in cluster.addons.items()}
    return rendered_by_application(bootstrap_docs, list(cluster.ours), addons)


def scopes(cluster):
    """Scopes of the custom kinds: the add-ons' CRDs, and the pinned CRDs in ../shared/crds (the
    external-secrets chart's CRDs are generated when it is packaged: its source tree has none)."""
    pinned = [load_crd(path) for path in sorted(CRDS.glob("*.yaml"))] if CRDS is not None else []
    return ARGO_CD_SCOPES | crd_scopes(pinned) | crd_scopes([o for objects in cluster.addons.values() for o in objects])


@pytest.fixture(scope="module")
def commands(synthesized):
    """The pipeline's `argocd app` commands, the plan step's outputs computed by the project's own code."""

    def outputs(environment: str) -> dict[str, str]:
        if environment not in ENVIRONMENTS:
            return {}
        plan = argocd_plan(ENVIRONMENTS[environment], synthesized / environment).outputs()
        return {f"steps.plan.outputs.{k}": v for k, v in (line.split("=", 1) for line in plan.splitlines())}

    return pipeline_commands(load_workflows(ROOT / ".github" / "workflows"), outputs)


@needs_addons
@pytest.mark.parametrize("env", ENVS)
def test_every_application_and_what_it_renders_is_permitted_by_its_project(clusters, bootstrap, env):
    failures = project_failures(bootstrap[env], rendered(clusters[env], bootstrap[env]), scopes(clusters[env]))
    assert not failures, "\n".join(failures)


@needs_addons
@pytest.mark.parametrize("env", ENVS)
def test_every_namespace_has_exactly_one_owning_application(clusters, bootstrap, env):
    failures = namespace_owner_failures(bootstrap[env], rendered(clusters[env], bootstrap[env]))
    assert not failures, "\n".join(failures)


@pytest.mark.parametrize("env", ENVS)
def test_every_application_is_synced_by_something(bootstrap, commands, env):
    failures = sync_failures(bootstrap[env], commands, env)
    assert not failures, "\n".join(failures)


@needs_addons
@pytest.mark.parametrize("env", ENVS)
def test_the_pipelines_commands_suit_the_sync_policy_they_act_on(clusters, bootstrap, commands, env):
    assert [c for c in commands if c.environment == env], f"no argocd command runs for {env}"
    failures = pipeline_policy_failures(bootstrap[env], rendered(clusters[env], bootstrap[env]), commands, env)
    assert not failures, "\n".join(failures)


@needs_addons
@pytest.mark.parametrize("env", ENVS)
def test_sync_waves_between_applications_wait_for_their_health(clusters, bootstrap, env):
    documentation = [path.read_text() for path in (ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md")))]
    assessed = application_health_assessed(clusters[env].ours, documentation)
    failures = wave_failures(bootstrap[env], rendered(clusters[env], bootstrap[env]), assessed)
    assert not failures, "\n".join(failures)


# --- the checks fail on a broken copy -------------------------------------------------------------


@needs_addons
def test_a_missing_whitelist_entry_is_caught(clusters, bootstrap):
    docs = copy.deepcopy(bootstrap["prod"])
    (project,) = [d for d in docs if d["kind"] == "AppProject" and d["metadata"]["name"] == "e-commerce-prod-operators"]
    project["spec"]["clusterResourceWhitelist"] = [
        e for e in project["spec"]["clusterResourceWhitelist"] if e["kind"] != "ValidatingWebhookConfiguration"
    ]
    failures = project_failures(docs, rendered(clusters["prod"], docs), scopes(clusters["prod"]))
    refused = "cluster-scoped kind admissionregistration.k8s.io/ValidatingWebhookConfiguration is not permitted"
    assert any(refused in line and "clusterResourceWhitelist" in line for line in failures), failures


def app(name: str, namespace: str, *, create: bool = False, automated: dict | None = None, **labels: str) -> dict:
    policy: dict = {"syncOptions": ["CreateNamespace=true"] if create else []}
    if automated is not None:
        policy["automated"] = automated
    return {
        "apiVersion": "argoproj.io/v1alpha1",
        "kind": "Application",
        "metadata": {"name": name, "namespace": "argocd", "labels": labels},
        "spec": {
            "project": "p",
            "source": {"repoURL": "https://example.com/repo", "path": name, "targetRevision": "main"},
            "destination": {"server": "https://k8s", "namespace": namespace},
            "syncPolicy": policy,
        },
    }


def namespace(name: str) -> dict:
    return {"apiVersion": "v1", "kind": "Namespace", "metadata": {"name": name}}


def test_two_applications_creating_one_namespace_is_caught():
    docs = [app("a", "shared", create=True), app("b", "shared")]
    (line,) = namespace_owner_failures(docs, {"a": [], "b": [namespace("shared")]})
    assert line == "namespace shared: created by 2 Applications: a (CreateNamespace=true), b (Namespace object)"
    assert namespace_owner_failures(docs, {"a": [], "b": []}) == []
    (line,) = namespace_owner_failures([app("c", "orphan")], {"c": []})
    assert line == "namespace orphan: used by c, created by no Application"


def test_projects_refuse_kinds_and_destinations_as_argo_cd_does():
    project = {
        "apiVersion": "argoproj.io/v1alpha1",
        "kind": "AppProject",
        "metadata": {"name": "p"},
        "spec": {
            "sourceRepos": ["https://example.com/repo"],
            "destinations": [{"server": "https://k8s", "namespace": "team-*"}],
            "clusterResourceWhitelist": [{"group": "", "kind": "Namespace"}],
            "namespaceResourceBlacklist": [{"group": "", "kind": "ResourceQuota"}],
        },
    }
    docs = [project, app("a", "team-a")]
    role = {"apiVersion": "rbac.authorization.k8s.io/v1", "kind": "ClusterRole", "metadata": {"name": "r"}}
    quota = {"apiVersion": "v1", "kind": "ResourceQuota", "metadata": {"name": "q", "namespace": "team-a"}}
    elsewhere = {"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "c", "namespace": "kube-system"}}
    lines = project_failures(docs, {"a": [namespace("team-a"), role, quota, elsewhere]}, {})
    assert lines == [
        "Application a (AppProject p): ClusterRole/r: cluster-scoped kind rbac.authorization.k8s.io/ClusterRole "
        "is not permitted by clusterResourceWhitelist",
        "Application a (AppProject p): ResourceQuota/q: namespaced kind core/ResourceQuota "
        "is not permitted by namespaceResourceWhitelist/Blacklist",
        "Application a (AppProject p): ConfigMap/c: namespace kube-system is not a destination of the project",
    ]
    whole_cluster = copy.deepcopy(docs)
    whole_cluster[1]["spec"]["destination"].pop("namespace")
    (line,) = project_failures(whole_cluster, {"a": []}, {})
    assert "namespace '' match no destination of the project" in line


def test_an_application_nothing_syncs_is_caught():
    docs = [app("auto", "x", automated={"selfHeal": True}), app("manual", "y")]
    (line,) = sync_failures(docs, [], "prod")
    assert line.startswith("Application manual: no syncPolicy.automated and no pipeline step syncs it in prod")
    synced = [Command("prod", "deploy.yaml", "deploy", "Sync", "sync", "manual")]
    assert sync_failures(docs, synced, "prod") == []
    by_label = [Command("prod", "deploy.yaml", "deploy", "Sync", "sync", None, ("-l", "tier=x"))]
    labelled = [app("auto", "x", automated={}), app("manual", "y", tier="x")]
    assert sync_failures(labelled, by_label, "prod") == []


def test_commands_argo_cd_refuses_on_an_auto_synced_application_are_caught():
    root = app("root", "argocd", automated={"prune": True, "selfHeal": True})
    child = app("child", "x", automated={"prune": True})
    docs = [root, child]
    rendered_apps = {"root": [child], "child": []}

    def run(verb: str, *args: str, on_failure: bool = False) -> Command:
        return Command("dev", "deploy.yaml", "deploy", "step", verb, "child", args, not on_failure, on_failure)

    lines = pipeline_policy_failures(
        docs,
        rendered_apps,
        [
            run("sync", "--revision", "abc123"),
            run("set", "--sync-policy", "none", on_failure=True),
            run("rollback", "3", on_failure=True),
        ],
        "dev",
    )
    assert lines == [
        "dev: deploy.yaml job deploy step 'step': argocd app sync child --revision abc123: refused, "
        "Cannot sync to abc123: auto-sync currently set to main",
        "dev: deploy.yaml job deploy step 'step': argocd app set child --sync-policy none: undone by root (automated selfHeal), "
        "which restores child's syncPolicy.automated from Git",
        "dev: deploy.yaml job deploy step 'step': argocd app rollback child 3: refused, rollback cannot be initiated when "
        "auto-sync is enabled",
    ]
    assert pipeline_policy_failures(docs, rendered_apps, [run("sync", "--revision", "main")], "dev") == []
    unparented = pipeline_policy_failures(
        [child], {"child": []}, [run("set", "--sync-policy", "none"), run("rollback", "3")], "dev"
    )
    assert unparented == []


def test_the_workflow_is_read_as_github_runs_it():
    workflows = {
        "ci.yaml": {
            "on": {"push": {}},
            "jobs": {"deploy-prod": {"uses": "./.github/workflows/deploy.yaml", "with": {"environment": "prod"}}},
        },
        "deploy.yaml": {
            "on": {"workflow_call": {}},
            "env": {"APP": "e-commerce-${{ inputs.environment }}"},
            "jobs": {
                "deploy": {
                    "steps": [
                        {
                            "name": "Sync",
                            "if": "steps.plan.outputs.automated == 'false'",
                            "run": 'argocd app sync "$APP" --revision "$SHA"',
                        },
                        {
                            "name": "Wait",
                            "if": "steps.plan.outputs.automated == 'true'",
                            "run": "argocd app wait $APP > /dev/null",
                        },
                        {
                            "name": "Undo",
                            "if": "failure() && steps.previous.outputs.id != ''",
                            "run": "argocd app rollback ${APP} 1",
                        },
                    ]
                }
            },
        },
    }
    commands = pipeline_commands(workflows, lambda env: {"steps.plan.outputs.automated": "false"})
    assert [(c.verb, c.app, c.args, c.on_success, c.on_failure) for c in commands] == [
        ("sync", "e-commerce-prod", ("--revision", "$SHA"), True, False),
        ("wait", "e-commerce-prod", (), False, False),
        ("rollback", "e-commerce-prod", ("1",), False, True),
    ]
    assert evaluate("always()", {}, True) and not evaluate("", {}, True)


def test_waves_between_applications_need_the_application_health_check():
    root = app("root", "argocd", automated={})
    first, second = app("first", "a"), app("second", "b")
    first["metadata"]["annotations"] = {"argocd.argoproj.io/sync-wave": "-1"}
    docs = [root, first, second]
    (line,) = wave_failures(docs, {"root": [first, second]}, health_assessed=False)
    assert line.startswith("Application root: orders 2 Applications in sync waves [-1, 0]")
    assert wave_failures(docs, {"root": [first, second]}, health_assessed=True) == []
    config = {
        "kind": "ConfigMap",
        "metadata": {"name": "argocd-cm"},
        "data": {"resource.customizations.health.argoproj.io_Application": "x"},
    }
    assert application_health_assessed([config], []) and not application_health_assessed([], ["nothing about it"])


def test_helm_test_hooks_are_never_applied():
    def obj(hook: str | None) -> dict:
        return {"kind": "Pod", "metadata": {"name": "p", "annotations": {"helm.sh/hook": hook} if hook else {}}}

    assert applied_by_argocd(obj(None)) and applied_by_argocd(obj("pre-install,pre-upgrade"))
    assert not applied_by_argocd(obj("test")) and not applied_by_argocd(obj("test-success"))
