"""Argo CD over the assembled platform: every Application permitted by its AppProject, every
namespace owned once, every Application synced by something, the pipeline's commands valid for
the sync policy they act on and run with a token that may do them, sync waves that wait for what
they order; and one Argo CD shared by every environment, where a commit of one environment
reaches nothing of another."""

from __future__ import annotations

import copy
import dataclasses
from pathlib import Path
from typing import Any

import pytest
import yaml

from ecommerce.components.log_shipping import CHART_FILE
from ecommerce.model.catalog import CATALOG
from ecommerce.model.environments import ENVIRONMENTS, LogShipping
from ecommerce.model.project import PIPELINE_ROLE, PIPELINE_TOKEN_SECRETS
from ecommerce.model.releases import load_release
from ecommerce.pipeline.build import build_environment
from ecommerce_ops.operations import argocd_plan
from tests.conftest import load_documents
from tests.platform.addons import argocd_applies, crd_scopes, needs_addons
from tests.platform.argocd import (
    ARGO_CD_SCOPES,
    IN_CLUSTER,
    VERB_ACTIONS,
    WAVE,
    Command,
    ControlPlane,
    app_namespace,
    application_health_assessed,
    application_namespaces_setting,
    applications,
    evaluate,
    file_owner_failures,
    git_verification,
    glob_match,
    is_destination_matched,
    isolation_failures,
    key_id,
    load_workflows,
    namespace_owner_failures,
    pipeline_commands,
    pipeline_policy_failures,
    policy_errors,
    project_failures,
    reach,
    rendered_by_application,
    sync_failures,
    sync_refusals,
    token_failures,
    token_permits,
    wave_failures,
)
from tests.schemas import CRDS, load_crd

ROOT = Path(__file__).resolve().parent.parent
ENVS = list(ENVIRONMENTS)


def documentation() -> list[str]:
    return [path.read_text() for path in (ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md")))]


@pytest.fixture(scope="module")
def appprojects(synthesized):
    """What the administrator applies for each environment (dist/<env>/argocd-projects)."""
    return {env: load_documents(synthesized / env / "argocd-projects") for env in ENVS}


@pytest.fixture(scope="module")
def argocd(appprojects):
    """The one Argo CD: every environment's projects as the administrator applied them, plus
    `default`; the Applications' namespaces the README has the administrator enable; the clusters."""
    clusters = {env.target_cluster.name: env.target_cluster.server for env in ENVIRONMENTS.values()}
    every_project = [doc for docs in appprojects.values() for doc in docs if doc["kind"] == "AppProject"]
    return ControlPlane.of(every_project, application_namespaces_setting(documentation()), clusters)


def own_projects(env: str) -> set[str]:
    return {f"e-commerce-{env}-{role}" for role in PIPELINE_TOKEN_SECRETS}


def root_of(bootstrap_docs: list[dict], env: str) -> dict:
    return applications(bootstrap_docs)[f"e-commerce-{env}-root"]


def files_of(folder: Path) -> dict[str, list[dict]]:
    """dist/<env>'s files -> their objects: what an Application of that path picks from."""
    return {path.name: [doc for doc in yaml.safe_load_all(path.read_text()) if doc] for path in sorted(folder.glob("*.yaml"))}


def rendered(cluster, bootstrap_docs, folder: Path):
    """What each Application syncs; `folder`: the environment's dist/<env>, whose objects `cluster` assembled."""
    addons = {name: [o for o in objects if argocd_applies(o)] for name, objects in cluster.addons.items()}
    return rendered_by_application(bootstrap_docs, files_of(folder), addons)


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
def test_every_application_and_what_it_renders_is_permitted_by_its_project(argocd, clusters, bootstrap, env, synthesized):
    failures = project_failures(
        argocd, bootstrap[env], rendered(clusters[env], bootstrap[env], synthesized / env), scopes(clusters[env])
    )
    assert not failures, "\n".join(failures)


@needs_addons
@pytest.mark.parametrize("env", ENVS)
def test_every_namespace_has_exactly_one_owning_application(clusters, bootstrap, appprojects, env, synthesized):
    administrator = [doc["metadata"]["name"] for doc in appprojects[env] if doc["kind"] == "Namespace"]
    failures = namespace_owner_failures(bootstrap[env], rendered(clusters[env], bootstrap[env], synthesized / env), administrator)
    assert not failures, "\n".join(failures)


@pytest.mark.parametrize("env", ENVS)
def test_every_application_is_synced_by_something(bootstrap, commands, env):
    failures = sync_failures(bootstrap[env], commands, env)
    assert not failures, "\n".join(failures)


@needs_addons
@pytest.mark.parametrize("env", ENVS)
def test_the_pipelines_commands_suit_the_sync_policy_they_act_on(clusters, bootstrap, commands, env, synthesized):
    assert [c for c in commands if c.environment == env], f"no argocd command runs for {env}"
    failures = pipeline_policy_failures(bootstrap[env], rendered(clusters[env], bootstrap[env], synthesized / env), commands, env)
    assert not failures, "\n".join(failures)


@needs_addons
@pytest.mark.parametrize("env", ENVS)
def test_sync_waves_between_applications_wait_for_their_health(clusters, bootstrap, env, synthesized):
    assessed = application_health_assessed(clusters[env].ours, documentation())
    failures = wave_failures(bootstrap[env], rendered(clusters[env], bootstrap[env], synthesized / env), assessed)
    assert not failures, "\n".join(failures)


# --- the checks fail on a broken copy -------------------------------------------------------------


@pytest.mark.parametrize("env", ENVS)
def test_every_file_of_the_environments_folder_is_synced_by_exactly_one_application(bootstrap, synthesized, env):
    failures = file_owner_failures(bootstrap[env], f"dist/{env}", files_of(synthesized / env))
    assert not failures, "\n".join(failures)


# --- an environment with the optional log shipper on (off in all three) ----------------------------

SHIPPING = LogShipping(
    image="docker.io/fluent/fluent-bit:4.0.3@sha256:" + "ab" * 32,
    output_host="logs.example.org",
    output_port=24224,
    output_cidr="10.20.0.0/24",
)


@pytest.fixture(scope="module")
def shipping(tmp_path_factory) -> Path:
    """dist/prod of a copy of prod with the log shipper on, as a synth writes it (bootstrap and projects included)."""
    env = dataclasses.replace(ENVIRONMENTS["prod"], log_shipping=SHIPPING)
    folder = tmp_path_factory.mktemp("shipping") / "prod"
    build_environment(env, CATALOG, load_release(env, CATALOG), folder)
    return folder


def with_projects_of(argocd: ControlPlane, folder: Path) -> ControlPlane:
    """The one Argo CD, with the projects of `folder` applied instead of its environment's."""
    applied = {doc["metadata"]["name"]: doc for doc in load_documents(folder / "argocd-projects") if doc["kind"] == "AppProject"}
    return dataclasses.replace(argocd, projects={**argocd.projects, **applied})


@needs_addons
def test_with_the_log_shipper_every_application_and_what_it_renders_is_permitted(argocd, clusters, shipping):
    # The add-ons do not depend on the flag: prod's assembled add-ons are this copy's.
    docs = load_documents(shipping / "argocd")
    rendered_here = rendered(clusters["prod"], docs, shipping)
    failures = project_failures(with_projects_of(argocd, shipping), docs, rendered_here, scopes(clusters["prod"]))
    assert not failures, "\n".join(failures)
    assert any(obj["kind"] == "DaemonSet" for obj in rendered_here["log-shipping-prod"])


@needs_addons
def test_with_the_log_shipper_every_namespace_and_file_has_one_owner(clusters, shipping):
    docs = load_documents(shipping / "argocd")
    administrator = [
        doc["metadata"]["name"] for doc in load_documents(shipping / "argocd-projects") if doc["kind"] == "Namespace"
    ]
    failures = namespace_owner_failures(docs, rendered(clusters["prod"], docs, shipping), administrator)
    failures += file_owner_failures(docs, "dist/prod", files_of(shipping))
    assert CHART_FILE in files_of(shipping)
    assert not failures, "\n".join(failures)


def test_the_log_shipper_syncs_after_the_platform_it_ships_logs_of(shipping):
    apps = applications(load_documents(shipping / "argocd"))
    wave = {name: int(app["metadata"]["annotations"][WAVE]) for name, app in apps.items()}
    assert wave["log-shipping-prod"] > wave["e-commerce-prod"]


def test_the_pipeline_waits_for_the_platform_and_not_for_the_log_shipper(shipping):
    """A log aggregator that is down (the shipper then unhealthy) must not stop a deploy of the platform."""
    plan = argocd_plan(dataclasses.replace(ENVIRONMENTS["prod"], log_shipping=SHIPPING), shipping).outputs()
    outputs = {f"steps.plan.outputs.{k}": v for k, v in (line.split("=", 1) for line in plan.splitlines())}
    commands = pipeline_commands(load_workflows(ROOT / ".github" / "workflows"), lambda env: outputs if env == "prod" else {})
    apps = applications(load_documents(shipping / "argocd"))
    waited = {name for c in commands if c.environment == "prod" and c.verb == "wait" for name in c.targets(apps)}
    assert "e-commerce-prod" in waited and "log-shipping-prod" not in waited


@needs_addons
def test_the_platform_application_taking_the_shippers_file_too_is_caught(argocd, clusters, shipping):
    docs = copy.deepcopy(load_documents(shipping / "argocd"))
    applications(docs)["e-commerce-prod"]["spec"]["source"]["directory"].pop("exclude")
    rendered_here = rendered(clusters["prod"], docs, shipping)
    owners = namespace_owner_failures(docs, rendered_here, ())
    assert any(line.startswith(f"namespace {SHIPPING.namespace}: created by 2 Applications") for line in owners), owners
    assert file_owner_failures(docs, "dist/prod", files_of(shipping)) == [
        f"dist/prod/{CHART_FILE}: synced by 2 Applications (log-shipping-prod, e-commerce-prod)"
    ]
    refused = project_failures(with_projects_of(argocd, shipping), docs, rendered_here, scopes(clusters["prod"]))
    assert any(
        "e-commerce-prod (AppProject e-commerce-prod-platform): ClusterRole/" in line and "is not permitted" in line
        for line in refused
    ), refused


@needs_addons
def test_a_missing_whitelist_entry_is_caught(argocd, clusters, bootstrap, synthesized):
    broken = copy.deepcopy(argocd.projects["e-commerce-prod-operators"])
    broken["spec"]["clusterResourceWhitelist"] = [
        e for e in broken["spec"]["clusterResourceWhitelist"] if e["kind"] != "ValidatingWebhookConfiguration"
    ]
    argocd = dataclasses.replace(argocd, projects={**argocd.projects, "e-commerce-prod-operators": broken})
    failures = project_failures(
        argocd, bootstrap["prod"], rendered(clusters["prod"], bootstrap["prod"], synthesized / "prod"), scopes(clusters["prod"])
    )
    refused = "resource admissionregistration.k8s.io:ValidatingWebhookConfiguration is not permitted in project"
    assert any(refused in line for line in failures), failures


def app(
    name: str,
    namespace: str,
    *,
    create: bool = False,
    automated: dict | None = None,
    project: str = "p",
    app_namespace: str = "argocd",
    server: str = "https://k8s",
    **labels: str,
) -> dict:
    policy: dict = {"syncOptions": ["CreateNamespace=true"] if create else []}
    if automated is not None:
        policy["automated"] = automated
    return {
        "apiVersion": "argoproj.io/v1alpha1",
        "kind": "Application",
        "metadata": {"name": name, "namespace": app_namespace, "labels": labels},
        "spec": {
            "project": project,
            "source": {"repoURL": "https://example.com/repo", "path": name, "targetRevision": "main"},
            "destination": {"server": server, "namespace": namespace},
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
    project: dict[str, Any] = {
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
    argocd = ControlPlane.of([project], clusters={"k8s": "https://k8s"})
    docs = [app("a", "team-a")]
    role = {"apiVersion": "rbac.authorization.k8s.io/v1", "kind": "ClusterRole", "metadata": {"name": "r"}}
    quota = {"apiVersion": "v1", "kind": "ResourceQuota", "metadata": {"name": "q", "namespace": "team-a"}}
    elsewhere = {"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "c", "namespace": "kube-system"}}
    lines = project_failures(argocd, docs, {"a": [namespace("team-a"), role, quota, elsewhere]}, {})
    assert lines == [
        "Application a (AppProject p): ClusterRole/r: "
        "resource rbac.authorization.k8s.io:ClusterRole is not permitted in project p",
        "Application a (AppProject p): ResourceQuota/q: resource :ResourceQuota is not permitted in project p",
        "Application a (AppProject p): ConfigMap/c: namespace kube-system is not permitted in project 'p'",
    ]
    whole_cluster = [app("a", "")]
    (line,) = project_failures(argocd, whole_cluster, {"a": []}, {})
    assert line.endswith(
        "application destination server 'https://k8s' and namespace '' do not match any of the allowed "
        "destinations in project 'p'"
    )
    elsewhere_app = [app("a", "team-a", app_namespace="team-apps")]
    assert project_failures(argocd, elsewhere_app, {"a": []}, {}) == [
        "Application a (AppProject p): namespace team-apps is not one Argo CD takes Applications from "
        "(application.namespaces): the Application is never reconciled"
    ]
    enabled = dataclasses.replace(argocd, application_namespaces=("team-*",))
    assert project_failures(enabled, elsewhere_app, {"a": []}, {}) == [
        "Application a (AppProject p): application 'a' in namespace 'team-apps' is not permitted to use project 'p'"
    ]
    project["spec"]["sourceNamespaces"] = ["team-apps"]
    assert project_failures(ControlPlane.of([project], ("team-*",), {"k8s": "https://k8s"}), elsewhere_app, {"a": []}, {}) == []


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


# --- one Argo CD, three environments ----------------------------------------------------------------


@pytest.mark.parametrize("env", ENVS)
def test_argo_cd_takes_each_environments_applications_from_where_the_readme_says(argocd, env):
    """Applications outside Argo CD's namespace are reconciled only in the namespaces enabled by
    `application.namespaces` (README, the administrator's one-time settings)."""
    assert argocd.namespace_enabled(ENVIRONMENTS[env].argocd.apps_namespace), argocd.application_namespaces
    assert not argocd.namespace_enabled("argocd-apps-elsewhere")


@pytest.mark.parametrize("env", ENVS)
def test_a_commit_in_an_environments_bootstrap_reaches_only_that_environment(argocd, bootstrap, env):
    """Whatever a commit puts in the root's path: the projects its Applications may use, then theirs,
    are the environment's own, deploy only to its cluster, and write no AppProject."""
    root = root_of(bootstrap[env], env)
    found = reach(argocd, root)
    assert found.projects == own_projects(env)
    failures = isolation_failures(argocd, root, own_projects(env), ENVIRONMENTS[env].target_cluster.server)
    assert not failures, "\n".join(failures)


def injected(kind: str = "Application", **changes) -> dict:
    """An object a commit on `develop` adds to dev's bootstrap."""
    name = changes.pop("name", "injected")
    spec = {
        "project": "e-commerce-dev-platform",
        "source": {"repoURL": "https://github.com/e-commerce-back/platform", "path": "x", "targetRevision": "develop"},
        "destination": {"server": ENVIRONMENTS["dev"].target_cluster.server, "namespace": "e-commerce-dev"},
    }
    spec.update(changes.pop("spec", {}))
    metadata = {"name": name, "namespace": changes.pop("namespace", ENVIRONMENTS["dev"].argocd.apps_namespace)}
    return {"apiVersion": "argoproj.io/v1alpha1", "kind": kind, "metadata": metadata, "spec": spec}


PROD = ENVIRONMENTS["prod"]
INJECTIONS = {
    "an Application naming a prod project": (
        injected(spec={"project": "e-commerce-prod-operators", "destination": {"server": PROD.target_cluster.server}}),
        "application 'injected' in namespace 'argocd-apps-dev' is not permitted to use project 'e-commerce-prod-operators'",
    ),
    "an Application deploying to the prod cluster": (
        injected(spec={"project": "e-commerce-dev-operators", "destination": {"server": PROD.target_cluster.server}}),
        f"application destination server '{PROD.target_cluster.server}' and namespace '' do not match any of the "
        "allowed destinations in project 'e-commerce-dev-operators'",
    ),
    "an Application deploying to the prod cluster by its name": (
        injected(spec={"destination": {"name": PROD.target_cluster.name, "namespace": "e-commerce-prod"}}),
        f"application destination server '{PROD.target_cluster.server}' and namespace 'e-commerce-prod' do not match any "
        "of the allowed destinations in project 'e-commerce-dev-platform'",
    ),
    "an Application in prod's namespace": (
        injected(namespace="argocd-apps-prod", spec={"project": "e-commerce-prod-platform"}),
        "root's sync: namespace argocd-apps-prod is not permitted in project 'e-commerce-dev-bootstrap'",
    ),
    "an Application in Argo CD's namespace, where any project may be named": (
        injected(namespace="argocd", spec={"project": "e-commerce-prod-operators"}),
        "root's sync: namespace argocd is not permitted in project 'e-commerce-dev-bootstrap'",
    ),
    "an Application naming Argo CD's default project": (
        injected(spec={"project": "default"}),
        "application 'injected' in namespace 'argocd-apps-dev' is not permitted to use project 'default'",
    ),
    "an AppProject widening dev's": (
        {
            "apiVersion": "argoproj.io/v1alpha1",
            "kind": "AppProject",
            "metadata": {"name": "e-commerce-dev-platform", "namespace": "argocd"},
            "spec": {"sourceRepos": ["*"], "destinations": [{"server": "*", "namespace": "*"}]},
        },
        "root's sync: resource argoproj.io:AppProject is not permitted in project e-commerce-dev-bootstrap",
    ),
    "an AppProject in dev's own namespace": (
        {**injected(kind="AppProject"), "spec": {"sourceRepos": ["*"], "sourceNamespaces": ["argocd-apps-dev"]}},
        "root's sync: resource argoproj.io:AppProject is not permitted in project e-commerce-dev-bootstrap",
    ),
    "a ClusterRoleBinding on Argo CD's cluster": (
        {"apiVersion": "rbac.authorization.k8s.io/v1", "kind": "ClusterRoleBinding", "metadata": {"name": "injected"}},
        "root's sync: resource rbac.authorization.k8s.io:ClusterRoleBinding is not permitted in project e-commerce-dev-bootstrap",
    ),
}


def test_devs_bootstrap_as_rendered_is_synced_whole(argocd, bootstrap):
    """The check refuses nothing of the real bootstrap: every Application of it is created and reconciled."""
    refusals = sync_refusals(argocd, root_of(bootstrap["dev"], "dev"), bootstrap["dev"])
    assert len(refusals) == len(bootstrap["dev"])
    assert {label: lines for label, lines in refusals.items() if lines} == {}


@pytest.mark.parametrize("injection", INJECTIONS)
def test_what_a_commit_on_develop_injects_into_devs_bootstrap_is_refused(argocd, bootstrap, injection):
    """The issue's test: an Application added to dev's bootstrap that names a prod project or a prod
    destination, or an AppProject, is refused by the projects as rendered, following Argo CD's rules."""
    obj, refusal = INJECTIONS[injection]
    docs = [*bootstrap["dev"], obj]
    refusals = sync_refusals(argocd, root_of(docs, "dev"), docs)
    label = f"{obj['kind']}/{obj['metadata'].get('namespace', '')}/{obj['metadata']['name']}"
    assert refusals[label] == [refusal]
    assert {other: lines for other, lines in refusals.items() if lines and other != label} == {}


def test_a_root_changed_to_name_a_prod_project_is_refused_too(argocd, bootstrap):
    """The root syncs itself: a commit may rewrite it, and its new project must still accept it."""
    docs = copy.deepcopy(bootstrap["dev"])
    root = root_of(docs, "dev")
    root["spec"]["project"] = "e-commerce-prod-bootstrap"
    (refusal,) = set(line for lines in sync_refusals(argocd, root, docs).values() for line in lines)
    assert refusal == (
        "root: application 'e-commerce-dev-root' in namespace 'argocd-apps-dev' is not permitted to use project "
        "'e-commerce-prod-bootstrap'"
    )
    assert reach(argocd, root).projects == frozenset()


def test_the_isolation_check_finds_one_shared_namespace(argocd, bootstrap):
    """Before: every Application in Argo CD's namespace (where any project may be named) and the
    bootstrap project writing Applications and AppProjects there. Dev then reaches prod."""
    shared = {}
    for name, project in argocd.projects.items():
        project = copy.deepcopy(project)
        project["spec"].pop("sourceNamespaces", None)
        if name.endswith("-bootstrap"):
            project["spec"]["destinations"] = [{"server": IN_CLUSTER, "namespace": "argocd"}]
            project["spec"]["namespaceResourceWhitelist"] = [
                {"group": "argoproj.io", "kind": "Application"},
                {"group": "argoproj.io", "kind": "AppProject"},
            ]
        shared[name] = project
    before = dataclasses.replace(argocd, projects=shared, application_namespaces=())
    root = copy.deepcopy(root_of(bootstrap["dev"], "dev"))
    root["metadata"]["namespace"] = "argocd"
    root["spec"]["destination"]["namespace"] = "argocd"
    failures = isolation_failures(before, root, own_projects("dev"), ENVIRONMENTS["dev"].target_cluster.server)
    assert "reaches AppProject e-commerce-prod-operators, which is not one of this environment's" in failures
    assert f"reaches destination {PROD.target_cluster.server} namespace kube-system" in failures
    assert (
        "may write AppProject objects in namespace argocd of Argo CD's cluster (AppProject e-commerce-dev-bootstrap)" in failures
    )
    beyond = "may write namespaced objects besides Applications on Argo CD's cluster (AppProject e-commerce-dev-bootstrap)"
    assert beyond in failures
    prod_app = injected(
        namespace="argocd",
        spec={
            "project": "e-commerce-prod-operators",
            "destination": {"server": PROD.target_cluster.server, "namespace": "kube-system"},
        },
    )
    (refusals,) = [v for k, v in sync_refusals(before, root, [prod_app]).items()]
    assert refusals == [], "the old layout let dev create an Application in prod's project"


# --- tokens ---------------------------------------------------------------------------------------


def tokens_of(env: str) -> dict[str, str]:
    """The project-role token each GitHub environment secret holds (README, "Tokens for the pipeline")."""
    return {secret: f"proj:e-commerce-{env}-{role}:{PIPELINE_ROLE}" for role, secret in PIPELINE_TOKEN_SECRETS.items()}


def test_every_project_role_is_one_argo_cd_accepts(argocd):
    errors = [f"{name}: {e}" for name, project in argocd.projects.items() for e in policy_errors(project)]
    assert not errors, "\n".join(errors)
    bad = copy.deepcopy(argocd.projects["e-commerce-dev-platform"])
    bad["spec"]["roles"][0]["policies"] = [
        "p, proj:e-commerce-dev-platform:pipeline, applications, sync, e-commerce-prod-platform/*, allow"
    ]
    (error,) = policy_errors(bad)
    assert "object must be of form 'e-commerce-dev-platform[/<NAMESPACE>]/<APPNAME>'" in error


def test_an_environments_tokens_act_on_its_own_applications_only(argocd, bootstrap):
    """A project token acts only on its project's Applications (enforceProjectToken), and ours only
    as the pipeline needs: never delete, update or override, and sync only what Argo CD does not sync."""
    for token_env in ENVS:
        for subject in tokens_of(token_env).values():
            for env in ENVS:
                for name, application in applications(bootstrap[env]).items():
                    allowed = {
                        a
                        for a in ("get", "sync", "update", "delete", "override", "create")
                        if token_permits(argocd, subject, a, application)
                    }
                    mine = env == token_env and subject.split(":")[1] == application["spec"]["project"]
                    automated = bool(application["spec"]["syncPolicy"].get("automated"))
                    expected = ({"get"} if automated else {"get", "sync"}) if mine else set()
                    assert allowed == expected, (subject, env, name)


def test_the_pipeline_runs_each_command_with_a_token_that_may_do_it(argocd, bootstrap, commands):
    """Each `argocd app` command of the workflows runs with the project-role token of the project
    of what it acts on, taken from the GitHub environment's secret (PIPELINE_TOKEN_SECRETS)."""
    assert {c.environment for c in commands} >= set(ENVS), "every environment's commands are read"
    failures = [line for env in ENVS for line in token_failures(argocd, bootstrap[env], commands, env, tokens_of(env))]
    assert not failures, "\n".join(failures)


def test_a_command_run_with_an_account_token_or_another_projects_is_caught(argocd, bootstrap):
    def run(verb: str, target: str | None, secret: str, *args: str) -> Command:
        return Command("prod", "deploy.yaml", "deploy", "step", verb, target, args, token=f"unknown:secrets.{secret}")

    root, app = "argocd-apps-prod/e-commerce-prod-root", "argocd-apps-prod/e-commerce-prod"
    lines = token_failures(
        argocd,
        bootstrap["prod"],
        [
            run("sync", app, "ARGOCD_AUTH_TOKEN"),
            run("sync", app, "ARGOCD_ROOT_TOKEN"),
            run("delete", root, "ARGOCD_ROOT_TOKEN"),
            run("wait", None, "ARGOCD_ROOT_TOKEN", "-l", "environment=prod,app.kubernetes.io/component=add-on"),
        ],
        "prod",
        tokens_of("prod"),
    )
    assert lines[0] == (
        "prod: deploy.yaml job deploy step 'step': argocd app sync argocd-apps-prod/e-commerce-prod: runs with "
        "secrets.ARGOCD_AUTH_TOKEN, which is no project role's token"
    )
    assert lines[1].endswith(
        "proj:e-commerce-prod-bootstrap:pipeline may not get e-commerce-prod-platform/argocd-apps-prod/e-commerce-prod"
    )
    assert any("may not delete e-commerce-prod-bootstrap/argocd-apps-prod/e-commerce-prod-root" in line for line in lines)
    assert any("may not get e-commerce-prod-operators/argocd-apps-prod/cert-manager-prod" in line for line in lines)
    fine = [
        run("sync", app, "ARGOCD_PLATFORM_TOKEN", "--revision", "abc"),
        run("rollback", app, "ARGOCD_PLATFORM_TOKEN", "3"),
        run("wait", None, "ARGOCD_ADD_ONS_TOKEN", "-l", "environment=prod,app.kubernetes.io/component=add-on"),
    ]
    assert token_failures(argocd, bootstrap["prod"], fine, "prod", tokens_of("prod")) == []
    assert set(VERB_ACTIONS["sync"]) == {"get", "sync"} and VERB_ACTIONS["rollback"] == ("sync",)


def test_qualified_application_names_resolve_as_the_cli_does(bootstrap):
    apps = applications(bootstrap["prod"])
    qualified = Command("prod", "w", "j", "s", "sync", "argocd-apps-prod/e-commerce-prod")
    by_flag = Command("prod", "w", "j", "s", "sync", "e-commerce-prod", ("-N", "argocd-apps-prod"))
    unqualified = Command("prod", "w", "j", "s", "sync", "e-commerce-prod")
    assert qualified.targets(apps) == by_flag.targets(apps) == ["e-commerce-prod"]
    assert unqualified.targets(apps) == [], "without a namespace, the CLI looks in Argo CD's own"
    assert app_namespace(apps["e-commerce-prod"]) == "argocd-apps-prod"


# --- signed commits ---------------------------------------------------------------------------------


@pytest.mark.parametrize("env", ENVS)
def test_git_sources_sync_only_signed_commits_where_the_environment_says(argocd, bootstrap, env):
    """Argo CD verifies Git sources only (Helm and OCI never); where the model names signing keys,
    every Git source of the environment is verified against exactly those, each a key Argo CD reads."""
    signing = ENVIRONMENTS[env].argocd.commit_signing
    for name, application in applications(bootstrap[env]).items():
        check = git_verification(argocd.projects[application["spec"]["project"]], application["spec"]["source"])
        if signing is None or "chart" in application["spec"]["source"]:
            assert check is None, name
            continue
        assert check == {"mode": str(signing.mode), "keys": list(signing.keys)}, name
        assert all(key_id(key) for key in check["keys"])
    if signing is not None:
        git_sources = [a for a in applications(bootstrap[env]).values() if "chart" not in a["spec"]["source"]]
        assert len(git_sources) >= 2, "the root and the platform at least"


def test_source_integrity_follows_argo_cd():
    def project(**spec) -> dict:
        return {"metadata": {"name": "p"}, "spec": spec}

    git = {"repoURL": "https://github.com/e-commerce-back/platform"}
    legacy = project(signatureKeys=[{"keyID": "4AEE18F83AFDEB23"}])
    assert git_verification(legacy, git) == {"mode": "head", "keys": ["4AEE18F83AFDEB23"]}
    assert git_verification(legacy, {"repoURL": "https://charts.jetstack.io", "chart": "cert-manager"}) is None
    policy = {"repos": [{"url": "https://github.com/e-commerce-back/*"}], "gpg": {"mode": "strict", "keys": ["X"]}}
    twice = project(sourceIntegrity={"git": {"policies": [policy, policy]}})
    error = git_verification(twice, git)
    assert isinstance(error, str)
    assert error.startswith("multiple (2) git source integrity policies")
    excluded = {"repos": [{"url": "*"}, {"url": "!https://github.com/e-commerce-back/*"}], "gpg": {"mode": "head", "keys": ["X"]}}
    assert git_verification(project(sourceIntegrity={"git": {"policies": [excluded]}}), git) is None
    assert key_id("5DE3E0509C47EA3CF04A42D34AEE18F83AFDEB23") == "4AEE18F83AFDEB23"
    assert key_id("4AEE18F83AFDEB2") is None


def test_patterns_follow_argo_cds_glob_and_deny_rules():
    assert glob_match("argocd-apps-*", "argocd-apps-prod") and not glob_match("argocd-apps-*", "argocd")
    assert glob_match("https://github.com/*/platform", "https://github.com/a/platform", "/")
    assert not glob_match("https://github.com/*", "https://github.com/a/platform", "/")
    assert glob_match("{a,b}-apps", "b-apps") and glob_match("[!x]y", "zy") and not glob_match("[!x]y", "xy")
    project = {"spec": {"destinations": [{"server": "*", "namespace": "*"}, {"server": "*", "namespace": "!kube-system"}]}}
    assert is_destination_matched(project, "https://k8s", "team") and not is_destination_matched(
        project, "https://k8s", "kube-system"
    )
