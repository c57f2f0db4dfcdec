"""Argo CD bootstrap of an environment: app of apps.

`kubectl apply -f dist/<env>/argocd/` on the cluster running Argo CD creates three
AppProjects, the root Application (which from then on keeps this folder in sync), one
Application per cluster add-on, installed from pinned upstream releases with values taken
from the environment model, and the Application that syncs `dist/<env>` itself. Sync
waves order them (addons.py says which add-on comes when, and why).

Who syncs what: the add-ons sync themselves everywhere (their Applications change only
through the root); the root and the platform sync themselves where the environment says
so (`auto_sync`), and elsewhere only through the approved pipeline (operations.py,
`argocd_deploy_plan`), so that nothing reaches such an environment unreviewed.
"""

from __future__ import annotations

import cdk8s
from constructs import Construct

from imports.argocd_applications.io import argoproj as apps
from imports.argocd_appprojects.io import argoproj as projects

from .addons import ADD_ONS, AddOn, add_ons
from .environments import Environment
from .meta import SYNC_WAVE, Part, labels
from .project import ADD_ON_COMPONENT, ARGOCD_NAMESPACE, REPOSITORY_URL

# Argo CD runs on a management cluster and deploys to each environment's cluster.
IN_CLUSTER = "https://kubernetes.default.svc"


def project_name(env: Environment, role: str) -> str:
    return f"e-commerce-{env.name}-{role}"


class ArgoCdBootstrap(Part):
    def __init__(self, scope: Construct, id: str, env: Environment) -> None:
        super().__init__(scope, id, env)
        self.labels = labels(env, "argocd", "delivery")
        self._projects()
        self._application(
            f"e-commerce-{env.name}-root",
            project_name(env, "bootstrap"),
            apps.ApplicationSpecSource(
                repo_url=REPOSITORY_URL,
                target_revision=env.git_revision,
                path=f"dist/{env.name}/argocd",
            ),
            apps.ApplicationSpecDestination(server=IN_CLUSTER, namespace=ARGOCD_NAMESPACE),
            wave=-10,
            automated=env.auto_sync,
        )
        for add_on in add_ons(env):
            self._add_on(add_on)
        self._application(
            f"e-commerce-{env.name}",
            project_name(env, "platform"),
            apps.ApplicationSpecSource(
                repo_url=REPOSITORY_URL,
                target_revision=env.git_revision,
                path=f"dist/{env.name}",
                # dist/<env>/argocd is this bootstrap, not part of the platform.
                directory=apps.ApplicationSpecSourceDirectory(recurse=False),
            ),
            # Every object names its namespace; Argo CD still checks the destination's
            # namespace against the project, which accepts only the platform's namespaces.
            apps.ApplicationSpecDestination(server=env.target_cluster.server, namespace=env.namespace),
            wave=0,
            automated=env.auto_sync,
        )

    def _metadata(self, name: str, wave: int) -> cdk8s.ApiObjectMetadata:
        return self.cr_meta(name, self.labels, ARGOCD_NAMESPACE, annotations={SYNC_WAVE: str(wave)})

    def _projects(self) -> None:
        env = self.env
        p = projects
        cluster = env.target_cluster.server

        def kinds(entries: list[tuple[str, str]], kind: type) -> list:
            return [kind(group=group, kind=name) for group, name in entries]

        specs = {
            "bootstrap": p.AppProjectSpec(
                description=f"{env.name}: the Argo CD objects of this environment",
                source_repos=[REPOSITORY_URL],
                destinations=[p.AppProjectSpecDestinations(server=IN_CLUSTER, namespace=ARGOCD_NAMESPACE)],
                namespace_resource_whitelist=kinds(
                    [("argoproj.io", "Application"), ("argoproj.io", "AppProject")], p.AppProjectSpecNamespaceResourceWhitelist
                ),
            ),
            "operators": p.AppProjectSpec(
                description=f"{env.name}: cluster add-ons from pinned upstream releases",
                source_repos=sorted({add_on.repo_url for add_on in ADD_ONS}),
                destinations=[
                    p.AppProjectSpecDestinations(server=cluster, namespace=namespace)
                    for namespace in sorted({add_on.namespace for add_on in ADD_ONS} | {"kube-system"})
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
            ),
            "platform": p.AppProjectSpec(
                description=f"{env.name}: the e-commerce platform, in its own namespaces only",
                source_repos=[REPOSITORY_URL],
                destinations=[p.AppProjectSpecDestinations(server=cluster, namespace=ns) for ns in env.owned_namespaces],
                cluster_resource_whitelist=kinds(
                    [("", "Namespace"), ("cert-manager.io", "ClusterIssuer"), ("external-secrets.io", "ClusterSecretStore")],
                    p.AppProjectSpecClusterResourceWhitelist,
                ),
            ),
        }
        for role, spec in specs.items():
            p.AppProject(self, f"project-{role}", metadata=self._metadata(project_name(env, role), -20), spec=spec)

    def _add_on(self, add_on: AddOn) -> None:
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
            f"{add_on.name}-{env.name}",
            project_name(env, "operators"),
            source,
            apps.ApplicationSpecDestination(server=env.target_cluster.server, namespace=add_on.namespace),
            wave=add_on.wave,
            automated=True,
            pod_security=add_on.pod_security,
            component=ADD_ON_COMPONENT,
        )

    def _application(
        self,
        name: str,
        project: str,
        source: apps.ApplicationSpecSource,
        destination: apps.ApplicationSpecDestination,
        wave: int,
        automated: bool,
        pod_security: str | None = None,
        component: str = "delivery",
    ) -> None:
        """An Application; with `pod_security`, it also creates and owns its namespace at that level."""
        options = ["ServerSideApply=true", "PruneLast=true"]
        managed_namespace = None
        if pod_security is not None:
            options.append("CreateNamespace=true")
            managed_namespace = apps.ApplicationSpecSyncPolicyManagedNamespaceMetadata(
                labels={f"pod-security.kubernetes.io/{mode}": pod_security for mode in ("enforce", "audit", "warn")}
            )
        apps.Application(
            self,
            name,
            metadata=self.cr_meta(
                name, labels(self.env, "argocd", component), ARGOCD_NAMESPACE, annotations={SYNC_WAVE: str(wave)}
            ),
            spec=apps.ApplicationSpec(
                project=project,
                source=source,
                destination=destination,
                sync_policy=apps.ApplicationSpecSyncPolicy(
                    automated=apps.ApplicationSpecSyncPolicyAutomated(prune=True, self_heal=True) if automated else None,
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
