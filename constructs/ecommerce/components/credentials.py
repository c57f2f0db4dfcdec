"""Secrets: a ClusterSecretStore and one ExternalSecret per Secret where the environment has a
secret store; none in dev, whose Secrets dev_secrets.py generates on the cluster's side. No
secret value is ever written to dist/: one written there is known to anyone with the repository."""

from __future__ import annotations

from dataclasses import dataclass

from constructs import Construct

from ecommerce.components.meta import Part
from ecommerce.derived.labels import labels
from ecommerce.derived.secret_specs import Derived, Remote, SecretSpec, Value
from ecommerce.errors import require
from ecommerce.model.environments import Environment, SecretStoreKind

# Where the External Secrets Operator runs (its Helm release, installed by Argo CD).
ESO_NAMESPACE = "external-secrets"
ESO_SERVICE_ACCOUNT = "external-secrets"


def store_name(env: Environment) -> str:
    return f"e-commerce-{env.name}"


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
                    # No `role:` here: the service account's IRSA annotation (derived/add_on_releases.py) already
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


@dataclass(frozen=True)
class CredentialsProps:
    """specs: every Secret the platform's workloads read and where each value comes from
    (derived.secret_specs.secret_specs derives them from the model)."""

    specs: tuple[SecretSpec, ...]

    def __post_init__(self) -> None:
        names = [(spec.namespace, spec.name) for spec in self.specs]
        duplicates = sorted({f"{namespace}/{name}" for namespace, name in names if names.count((namespace, name)) > 1})
        require(not duplicates, "credentials.specs", f"one spec per Secret (twice: {', '.join(duplicates)})")


class Credentials(Part):
    """One ExternalSecret per spec; nothing without a secret store (ecommerce_ops.dev_secrets makes dev's)."""

    def __init__(self, scope: Construct, id: str, env: Environment, props: CredentialsProps) -> None:
        super().__init__(scope, id, env)
        if env.secrets.external:
            for spec in props.specs:
                self._external_secret(spec)

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
                            property=remote.field_name,
                        ),
                    )
                    for remote in spec.remotes
                ],
            ),
        )
