"""Secrets: plain Secrets with dev-only values in dev; elsewhere a ClusterSecretStore and one
ExternalSecret per Secret, so that no secret value is ever written to dist/."""

from __future__ import annotations

import hashlib

from cdk8s_plus_27 import k8s
from constructs import Construct

from .credentials import Derived, Remote, SecretSpec, Value
from .environments import Environment, SecretStoreKind
from .errors import require
from .meta import Part, labels

DEV_ONLY_LABEL = "e-commerce/dev-only"
# Where the External Secrets Operator runs (its Helm release, installed by Argo CD).
ESO_NAMESPACE = "external-secrets"
ESO_SERVICE_ACCOUNT = "external-secrets"


def store_name(env: Environment) -> str:
    return f"e-commerce-{env.name}"


def dev_value(env: Environment, remote: Remote) -> str:
    """A stable, obviously fake value: the same remote gives the same value in every Secret."""
    digest = hashlib.sha256(f"{env.name}/{remote.key}/{remote.property}".encode()).hexdigest()[:24]
    return f"dev-only-{digest}"


class ClusterSecretStore(Part):
    """The environment's secret store (Vault or AWS Secrets Manager), usable only from our namespaces."""

    def __init__(self, scope: Construct, id: str, env: Environment) -> None:
        # Loaded only where secrets are external: each generated CRD module costs its jsii
        # assembly load.
        from imports.external_secrets_clustersecretstores.io import external_secrets as css

        super().__init__(scope, id, env)
        store = env.secrets.store
        require(store is not None, f"{env.name}: secrets.store", "a ClusterSecretStore needs a secret store")
        assert store is not None
        service_account = {"name": ESO_SERVICE_ACCOUNT, "namespace": ESO_NAMESPACE}
        if store.kind is SecretStoreKind.VAULT:
            provider = css.ClusterSecretStoreSpecProvider(
                vault=css.ClusterSecretStoreSpecProviderVault(
                    server=store.address,
                    path="secret",
                    version=css.ClusterSecretStoreSpecProviderVaultVersion.V2,
                    auth=css.ClusterSecretStoreSpecProviderVaultAuth(
                        kubernetes=css.ClusterSecretStoreSpecProviderVaultAuthKubernetes(
                            mount_path="kubernetes",
                            role=store.role,
                            service_account_ref=css.ClusterSecretStoreSpecProviderVaultAuthKubernetesServiceAccountRef(
                                **service_account
                            ),
                        )
                    ),
                )
            )
        else:
            provider = css.ClusterSecretStoreSpecProvider(
                aws=css.ClusterSecretStoreSpecProviderAws(
                    service=css.ClusterSecretStoreSpecProviderAwsService.SECRETS_MANAGER,
                    region=store.address,
                    # No `role:` here: the service account's IRSA annotation (addons.py) already
                    # gives the operator that role; `role` would make it assume the same role
                    # again, which fails without a self-assume trust policy.
                    auth=css.ClusterSecretStoreSpecProviderAwsAuth(
                        jwt=css.ClusterSecretStoreSpecProviderAwsAuthJwt(
                            service_account_ref=css.ClusterSecretStoreSpecProviderAwsAuthJwtServiceAccountRef(**service_account)
                        )
                    ),
                )
            )
        css.ClusterSecretStore(
            self,
            "store",
            metadata=self.cr_meta(store_name(env), labels(env, "external-secrets", "secrets")),
            spec=css.ClusterSecretStoreSpec(
                provider=provider,
                conditions=[css.ClusterSecretStoreSpecConditions(namespaces=list(env.owned_namespaces))],
            ),
        )


class Credentials(Part):
    """One Secret (dev) or ExternalSecret (elsewhere) per spec."""

    def __init__(self, scope: Construct, id: str, env: Environment, specs: tuple[SecretSpec, ...]) -> None:
        super().__init__(scope, id, env)
        for spec in specs:
            if env.secrets.external:
                self._external_secret(spec)
            else:
                self._dev_secret(spec)

    def _dev_secret(self, spec: SecretSpec) -> None:
        env = self.env
        secret_labels = labels(env, spec.owner, spec.component) | dict(spec.extra_labels) | {DEV_ONLY_LABEL: "true"}

        def render(value: Value) -> str:
            if isinstance(value, Remote):
                return dev_value(env, value)
            if isinstance(value, Derived):
                return value.template.format(value=dev_value(env, value.source))
            return value

        k8s.KubeSecret(
            self,
            f"{spec.namespace}-{spec.name}",
            metadata=self.meta(
                spec.name,
                secret_labels,
                spec.namespace,
                annotations={DEV_ONLY_LABEL: "Generated development values; never use outside dev."},
            ),
            type="Opaque",
            string_data={key: render(value) for key, value in spec.data.items()},
        )

    def _external_secret(self, spec: SecretSpec) -> None:
        from imports.external_secrets_externalsecrets.io import external_secrets as es

        env = self.env
        store = env.secrets.store
        assert store is not None

        def render(value: Value) -> str:
            if isinstance(value, Remote):
                return "{{ ." + value.alias + " }}"
            if isinstance(value, Derived):
                return value.template.format(value="{{ ." + value.source.alias + " }}")
            return value

        secret_labels = labels(env, spec.owner, spec.component) | dict(spec.extra_labels)
        es.ExternalSecret(
            self,
            f"{spec.namespace}-{spec.name}",
            metadata=self.cr_meta(spec.name, secret_labels, spec.namespace),
            spec=es.ExternalSecretSpec(
                refresh_interval=env.secrets.refresh_interval,
                secret_store_ref=es.ExternalSecretSpecSecretStoreRef(
                    kind=es.ExternalSecretSpecSecretStoreRefKind.CLUSTER_SECRET_STORE,
                    name=store_name(env),
                ),
                target=es.ExternalSecretSpecTarget(
                    name=spec.name,
                    creation_policy=es.ExternalSecretSpecTargetCreationPolicy.OWNER,
                    deletion_policy=es.ExternalSecretSpecTargetDeletionPolicy.RETAIN,
                    template=es.ExternalSecretSpecTargetTemplate(
                        engine_version=es.ExternalSecretSpecTargetTemplateEngineVersion.V2,
                        type="Opaque",
                        metadata=es.ExternalSecretSpecTargetTemplateMetadata(labels=secret_labels),
                        data={key: render(value) for key, value in spec.data.items()},
                    ),
                ),
                data=[
                    es.ExternalSecretSpecData(
                        secret_key=remote.alias,
                        remote_ref=es.ExternalSecretSpecDataRemoteRef(
                            key=f"{store.path_prefix}/{remote.key}",
                            property=remote.property,
                        ),
                    )
                    for remote in spec.remotes
                ],
            ),
        )
