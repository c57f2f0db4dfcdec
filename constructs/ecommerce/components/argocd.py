"""Argo CD bootstrap of an environment: app of apps, in a namespace of its own.

One Argo CD serves every environment, so what one environment's commits can change must
stay inside that environment. Two folders per environment:

- `dist/<env>/argocd-projects/`, applied once by an Argo CD administrator (README): the
  namespace of the environment's Applications (`argocd.apps_namespace` in the model) and its
  three AppProjects, which accept Applications from that namespace only (`sourceNamespaces`)
  and deploy only to the environment's cluster. Nothing syncs this folder, so no commit
  widens a project.
- `dist/<env>/argocd/`, Applications only: the root Application, which from then on keeps
  this folder in sync (app of apps) and whose project may create nothing but Applications in
  the environment's namespace; one Application per cluster add-on, installed from pinned
  upstream releases with values taken from the environment model; and the Application that
  syncs `dist/<env>` itself, but for the log shipper's file, which an Application of the
  add-ons' project syncs where the environment ships logs (components/log_shipping.py). Sync waves order
  them (derived/add_on_releases.py says which add-on comes when).

Who syncs what: the add-ons sync themselves everywhere (their Applications change only
through the root); the root and the platform sync themselves where the environment says so
(`auto_sync`), and elsewhere only through the approved pipeline (ecommerce_ops/operations.py,
`argocd_plan`). The pipeline acts with one token per project, of a role that may read that
project's Applications and sync only those Argo CD does not sync itself. Where the model
asks for it (`argocd.commit_signing`), the projects sync only signed commits.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import cdk8s
from cdk8s_plus_27 import k8s
from constructs import Construct

from ecommerce.components.log_shipping import CHART_FILE as LOG_SHIPPING_FILE
from ecommerce.components.log_shipping import COMPONENT as LOG_SHIPPING_COMPONENT
from ecommerce.components.meta import Part
from ecommerce.derived.add_on_releases import ADD_ONS, AddOn, add_ons
from ecommerce.derived.labels import SYNC_WAVE, labels
from ecommerce.model.environments import Environment
from ecommerce.model.project import ADD_ON_COMPONENT, ARGOCD_NAMESPACE, PIPELINE_ROLE, REPOSITORY_URL
from imports.argocd_applications.io import argoproj as apps
from imports.argocd_appprojects.io import argoproj as projects

# Argo CD runs on a management cluster and deploys to each environment's cluster.
IN_CLUSTER = "https://kubernetes.default.svc"
BOOTSTRAP, OPERATORS, PLATFORM = "bootstrap", "operators", "platform"
# Folders of dist/<env>: the root's path, and the administrator's.
APPLICATIONS_FOLDER, PROJECTS_FOLDER = "argocd", "argocd-projects"
# Deleting an Application that carries this finalizer deletes what it deployed (foreground:
# the Application goes last), so an add-on or the platform removed from dist/<env>/argocd/
# (pruned by the root) or deleted on purpose leaves nothing orphaned on the cluster. The root
# does not carry it: deleting the root, the one object that would take every Application
# and so the whole environment with it, only orphans them (README, "Deleting an environment").
RESOURCES_FINALIZER = "resources-finalizer.argocd.argoproj.io"
# The optional log shipper (components/log_shipping.py) comes after the platform (wave 0) and the
# monitoring stack (derived/add_on_releases.py): a broken log pipeline (an aggregator down makes Fluent Bit's
# health check fail) then never holds up the platform's deploy. For the same reason its
# Application is not labelled an add-on, which the pipeline waits for before the platform.
LOG_SHIPPING_WAVE = 2


def project_name(env: Environment, role: str) -> str:
    return f"e-commerce-{env.name}-{role}"


@dataclass(frozen=True)
class AppRef:
    """One Application of an environment: its name, its project's role, whether it syncs itself."""

    name: str
    project: str
    automated: bool


def log_shipping_app(env: Environment) -> str:
    return f"log-shipping-{env.name}"


def application_refs(env: Environment) -> list[AppRef]:
    # The log shipper is an add-on of ours: like the other add-ons, it syncs itself.
    shipper = [AppRef(log_shipping_app(env), OPERATORS, True)] if env.log_shipping is not None else []
    return [
        AppRef(f"e-commerce-{env.name}-root", BOOTSTRAP, env.auto_sync),
        *(AppRef(f"{add_on.name}-{env.name}", OPERATORS, True) for add_on in add_ons(env)),
        *shipper,
        AppRef(f"e-commerce-{env.name}", PLATFORM, env.auto_sync),
    ]


def pipeline_actions(app: AppRef) -> tuple[str, ...]:
    """What the pipeline's token may do to `app`: read it always; sync it (Argo CD authorises a
    rollback as a sync) only where Argo CD does not sync it itself."""
    return ("get",) if app.automated else ("get", "sync")


def pipeline_policies(env: Environment, role: str) -> list[str]:
    """The Casbin rules of the pipeline's role in one project, in Argo CD's `<project>/<namespace>/<app>` form."""
    project = project_name(env, role)
    subject = f"proj:{project}:{PIPELINE_ROLE}"
    return [
        f"p, {subject}, applications, {action}, {project}/{env.argocd.apps_namespace}/{app.name}, allow"
        for app in application_refs(env)
        if app.project == role
        for action in pipeline_actions(app)
    ]


class ArgoCdBootstrap(Part):
    """The root's folder: Applications only, in the environment's own namespace."""

    def __init__(self, scope: Construct, id: str, env: Environment) -> None:
        super().__init__(scope, id, env)
        refs = {ref.name: ref for ref in application_refs(env)}
        root, platform = refs[f"e-commerce-{env.name}-root"], refs[f"e-commerce-{env.name}"]
        self._application(
            root,
            apps.ApplicationSpecSource(
                repo_url=REPOSITORY_URL,
                target_revision=env.git_revision,
                path=f"dist/{env.name}/{APPLICATIONS_FOLDER}",
            ),
            apps.ApplicationSpecDestination(server=IN_CLUSTER, namespace=env.argocd.apps_namespace),
            wave=-10,
            cascade=False,
        )
        for add_on in add_ons(env):
            self._add_on(add_on, refs[f"{add_on.name}-{env.name}"])
        shipping = env.log_shipping
        if shipping is not None:
            # Its file of dist/<env> only (Argo CD's directory include is a glob of the file's
            # path in the folder), in the add-ons' project, which admits its cluster-wide RBAC
            # and its namespace; the namespace is the file's own Namespace object.
            self._application(
                refs[log_shipping_app(env)],
                apps.ApplicationSpecSource(
                    repo_url=REPOSITORY_URL,
                    target_revision=env.git_revision,
                    path=f"dist/{env.name}",
                    directory=apps.ApplicationSpecSourceDirectory(recurse=False, include=LOG_SHIPPING_FILE),
                ),
                apps.ApplicationSpecDestination(server=env.target_cluster.server, namespace=shipping.namespace),
                wave=LOG_SHIPPING_WAVE,
                component=LOG_SHIPPING_COMPONENT,
            )
        self._application(
            platform,
            apps.ApplicationSpecSource(
                repo_url=REPOSITORY_URL,
                target_revision=env.git_revision,
                path=f"dist/{env.name}",
                # dist/<env>/argocd* are the bootstrap and the projects, not part of the platform;
                # nor is the log shipper's file, which its own Application syncs.
                directory=apps.ApplicationSpecSourceDirectory(
                    recurse=False, exclude=LOG_SHIPPING_FILE if shipping is not None else None
                ),
            ),
            # Every object names its namespace; Argo CD still checks the destination's
            # namespace against the project, which accepts only the platform's namespaces.
            apps.ApplicationSpecDestination(server=env.target_cluster.server, namespace=env.namespace),
            wave=0,
        )

    def _add_on(self, add_on: AddOn, ref: AppRef) -> None:
        env = self.env
        if add_on.chart is not None:
            source = apps.ApplicationSpecSource(
                repo_url=add_on.repo_url,
                chart=add_on.chart,
                target_revision=add_on.version,
                helm=apps.ApplicationSpecSourceHelm(
                    release_name=add_on.name,
                    values_object=add_on.values(env) if add_on.values else None,
                ),
            )
        else:
            source = apps.ApplicationSpecSource(repo_url=add_on.repo_url, target_revision=env.git_revision, path=add_on.path)
        self._application(
            ref,
            source,
            apps.ApplicationSpecDestination(server=env.target_cluster.server, namespace=add_on.namespace),
            wave=add_on.wave,
            pod_security=add_on.pod_security,
            component=ADD_ON_COMPONENT,
        )

    def _application(
        self,
        ref: AppRef,
        source: apps.ApplicationSpecSource,
        destination: apps.ApplicationSpecDestination,
        wave: int,
        pod_security: str | None = None,
        component: str = "delivery",
        cascade: bool = True,
    ) -> None:
        """An Application; with `pod_security`, it also creates and owns its namespace at that level;
        with `cascade`, deleting it deletes what it deployed."""
        options = ["ServerSideApply=true", "PruneLast=true"]
        managed_namespace = None
        if pod_security is not None:
            options.append("CreateNamespace=true")
            managed_namespace = apps.ApplicationSpecSyncPolicyManagedNamespaceMetadata(
                labels={f"pod-security.kubernetes.io/{mode}": pod_security for mode in ("enforce", "audit", "warn")}
            )
        application = apps.Application(
            self,
            ref.name,
            metadata=self.cr_meta(
                ref.name,
                labels(self.env, "argocd", component),
                self.env.argocd.apps_namespace,
                annotations={SYNC_WAVE: str(wave)},
            ),
            spec=apps.ApplicationSpec(
                project=project_name(self.env, ref.project),
                source=source,
                destination=destination,
                sync_policy=apps.ApplicationSpecSyncPolicy(
                    automated=apps.ApplicationSpecSyncPolicyAutomated(prune=True, self_heal=True) if ref.automated else None,
                    sync_options=options,
                    managed_namespace_metadata=managed_namespace,
                    # Waves wait for each Application's health only where Argo CD assesses it
                    # (README, "Argo CD health of Applications"); where it does not, an
                    # Application that comes too early retries for about half an hour while
                    # the CRDs and operators it needs arrive.
                    retry=apps.ApplicationSpecSyncPolicyRetry(
                        limit=10,
                        backoff=apps.ApplicationSpecSyncPolicyRetryBackoff(duration="10s", factor=2, max_duration="5m"),
                    ),
                ),
            ),
        )
        if cascade:
            application.metadata.add_finalizers(RESOURCES_FINALIZER)


class ArgoCdProjects(Part):
    """What an administrator applies: the Applications' namespace and the environment's AppProjects."""

    def __init__(self, scope: Construct, id: str, env: Environment) -> None:
        super().__init__(scope, id, env)
        self.labels = labels(env, "argocd", "delivery")
        namespace = env.argocd.apps_namespace
        # Nothing but Applications lives there; no pod is expected either.
        pod_security = {f"pod-security.kubernetes.io/{mode}": "restricted" for mode in ("enforce", "audit", "warn")}
        k8s.KubeNamespace(
            self,
            "apps-namespace",
            metadata=k8s.ObjectMeta(name=namespace, labels={**self.labels, **pod_security}),
        )
        p = projects
        cluster = env.target_cluster.server

        def kinds(entries: list[tuple[str, str]], kind: type) -> list:
            return [kind(group=group, kind=name) for group, name in entries]

        def project(
            role: str,
            *,
            description: str,
            source_repos: list[str],
            destinations: list[projects.AppProjectSpecDestinations],
            cluster_resource_whitelist: list[projects.AppProjectSpecClusterResourceWhitelist] | None = None,
            namespace_resource_whitelist: list[projects.AppProjectSpecNamespaceResourceWhitelist] | None = None,
        ) -> None:
            name = project_name(env, role)
            p.AppProject(
                self,
                f"project-{role}",
                metadata=cdk8s.ApiObjectMetadata(name=name, namespace=ARGOCD_NAMESPACE, labels=dict(self.labels)),
                spec=p.AppProjectSpec(
                    description=description,
                    source_repos=source_repos,
                    destinations=destinations,
                    cluster_resource_whitelist=cluster_resource_whitelist,
                    namespace_resource_whitelist=namespace_resource_whitelist,
                    source_namespaces=[namespace],
                    roles=[
                        p.AppProjectSpecRoles(
                            name=PIPELINE_ROLE,
                            description=(
                                f"{env.name} deploy pipeline; tokens: argocd proj role create-token {name} "
                                f"{PIPELINE_ROLE} --expires-in {env.argocd.token_lifetime}"
                            ),
                            policies=pipeline_policies(env, role),
                        )
                    ],
                    source_integrity=self._source_integrity(),
                ),
            )

        project(
            BOOTSTRAP,
            description=f"{env.name}: the Applications of this environment, in {namespace} only",
            source_repos=[REPOSITORY_URL],
            destinations=[p.AppProjectSpecDestinations(server=IN_CLUSTER, namespace=namespace)],
            # Never AppProject: a project that may write projects is an administrator.
            namespace_resource_whitelist=kinds([("argoproj.io", "Application")], p.AppProjectSpecNamespaceResourceWhitelist),
        )
        # The log shipper's manifests come from this repository, into a namespace of their own.
        shipper_repos = {REPOSITORY_URL} if env.log_shipping is not None else set()
        shipper_namespaces = {env.log_shipping.namespace} if env.log_shipping is not None else set()
        project(
            OPERATORS,
            description=f"{env.name}: cluster add-ons from pinned upstream releases",
            source_repos=sorted({add_on.repo_url for add_on in ADD_ONS} | shipper_repos),
            destinations=[
                p.AppProjectSpecDestinations(server=cluster, namespace=ns)
                for ns in sorted(
                    {add_on.namespace for add_on in ADD_ONS}
                    | {"kube-system"}
                    | {other for add_on in add_ons(env) for other in add_on.other_namespaces(env)}
                    | shipper_namespaces
                )
            ],
            cluster_resource_whitelist=kinds(
                [
                    ("", "Namespace"),
                    ("apiextensions.k8s.io", "CustomResourceDefinition"),
                    ("rbac.authorization.k8s.io", "ClusterRole"),
                    ("rbac.authorization.k8s.io", "ClusterRoleBinding"),
                    ("admissionregistration.k8s.io", "MutatingWebhookConfiguration"),
                    ("admissionregistration.k8s.io", "ValidatingWebhookConfiguration"),
                    ("networking.k8s.io", "IngressClass"),
                    # The MySQL Operator's chart makes its kopf peering object cluster-wide.
                    ("zalando.org", "ClusterKopfPeering"),
                ],
                p.AppProjectSpecClusterResourceWhitelist,
            ),
        )
        project(
            PLATFORM,
            description=f"{env.name}: the e-commerce platform, in its own namespaces only",
            source_repos=[REPOSITORY_URL],
            destinations=[p.AppProjectSpecDestinations(server=cluster, namespace=ns) for ns in env.owned_namespaces],
            cluster_resource_whitelist=kinds(
                [("", "Namespace"), ("cert-manager.io", "ClusterIssuer"), ("external-secrets.io", "ClusterSecretStore")],
                p.AppProjectSpecClusterResourceWhitelist,
            ),
        )

    def _source_integrity(self) -> projects.AppProjectSpecSourceIntegrity | None:
        """Signed commits only (what `signatureKeys` did before Argo CD 3.5, which deprecates it for
        this), for every Git repository: a policy naming one URL would skip a spelling of it."""
        signing = self.env.argocd.commit_signing
        if signing is None:
            return None
        p = projects
        return p.AppProjectSpecSourceIntegrity(
            git=p.AppProjectSpecSourceIntegrityGit(
                policies=[
                    p.AppProjectSpecSourceIntegrityGitPolicies(
                        repos=[p.AppProjectSpecSourceIntegrityGitPoliciesRepos(url="*")],
                        gpg=p.AppProjectSpecSourceIntegrityGitPoliciesGpg(mode=str(signing.mode), keys=list(signing.keys)),
                    )
                ]
            )
        )


def synth_argocd(env: Environment, folder: Path) -> None:
    """Writes dist/<env>/argocd (the root's path) and dist/<env>/argocd-projects (the administrator's).

    Folders of their own: `kubectl apply -f dist/<env>` and the platform's Argo CD Application
    (not recursive) leave both out.
    """
    parts: tuple[tuple[str, str, type[Part]], ...] = (
        (APPLICATIONS_FOLDER, "bootstrap", ArgoCdBootstrap),
        (PROJECTS_FOLDER, "projects", ArgoCdProjects),
    )
    for subfolder, chart, construct in parts:
        app = cdk8s.App(outdir=str(folder / subfolder), yaml_output_type=cdk8s.YamlOutputType.FILE_PER_CHART)
        construct(cdk8s.Chart(app, chart, disable_resource_name_hashes=True), "argocd", env)
        app.synth()
