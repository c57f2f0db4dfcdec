"""Secrets: ExternalSecrets (no values at all) where there is a secret store, nothing in dev (test_dev_secrets.py)."""

from __future__ import annotations

import pytest

from ecommerce.components.credentials import ClusterSecretStore, Credentials, CredentialsProps
from ecommerce.derived.add_on_releases import add_ons
from ecommerce.derived.secret_specs import secret_specs
from ecommerce.errors import ConfigError
from ecommerce.model.catalog import CATALOG
from ecommerce.model.environments import DEV, PROD, STAGING

from .helpers import of_kind, one, synth


def build(env):
    return synth(lambda scope: Credentials(scope, "credentials", env, CredentialsProps(secret_specs(env, CATALOG))))


def test_one_secret_per_service_and_per_data_store():
    names = {(spec.namespace, spec.name) for spec in secret_specs(PROD, CATALOG)}
    assert {("e-commerce-prod", f"{s.name}-credentials") for s in CATALOG} <= names
    assert ("e-commerce-data", "mysql-root-credentials") in names
    assert ("e-commerce-data", "mysql-accounts") in names
    assert ("e-commerce-prod", "redis-credentials") in names
    assert {("e-commerce-messaging", f"rabbitmq-user-{s.name}") for s in CATALOG.rabbitmq_users} <= names
    assert ("e-commerce-dev", "redis-credentials") not in {(s.namespace, s.name) for s in secret_specs(DEV, CATALOG)}


@pytest.mark.parametrize(("env", "refresh"), [(STAGING, "1h"), (PROD, "5m")])
def test_staging_and_prod_hold_no_secret_value(env, refresh):
    objects = build(env)
    assert not of_kind(objects, "Secret")
    externals = of_kind(objects, "ExternalSecret")
    assert len(externals) == len(secret_specs(env, CATALOG))
    for external in externals:
        spec = external["spec"]
        assert spec["refreshInterval"] == refresh
        assert spec["secretStoreRef"] == {"kind": "ClusterSecretStore", "name": f"e-commerce-{env.name}"}
        assert spec["target"]["name"] == external["metadata"]["name"]
        for item in spec["data"]:
            assert item["remoteRef"]["key"].startswith(f"e-commerce/{env.name}/")


def test_external_secret_templates_name_every_key():
    orders = one(build(PROD), "ExternalSecret", "orders-credentials")["spec"]
    template = orders["target"]["template"]["data"]
    assert template["DATABASE_PASSWORD"] == "{{ .mysql_users_orders_password }}"
    refs = {item["secretKey"]: item["remoteRef"] for item in orders["data"]}
    assert refs["mysql_users_orders_password"] == {"key": "e-commerce/prod/mysql/users/orders", "property": "password"}
    user = one(build(PROD), "ExternalSecret", "rabbitmq-user-orders")["spec"]["target"]["template"]
    assert user["data"]["username"] == "orders"
    assert user["metadata"]["labels"]["rabbitmq.com/topology-operator"] == "true"
    redis = one(build(PROD), "ExternalSecret", "redis-credentials")["spec"]
    assert redis["target"]["template"]["data"]["baskets"] == "{{ .redis_users_baskets_password }}"
    refs = {item["secretKey"]: item["remoteRef"] for item in redis["data"]}
    assert refs["redis_users_sentinel_password"] == {"key": "e-commerce/prod/redis/users/sentinel", "property": "password"}


def test_cluster_secret_store_per_environment():
    staging = one(synth(lambda scope: ClusterSecretStore(scope, "store", STAGING)), "ClusterSecretStore")
    assert staging["metadata"]["name"] == "e-commerce-staging"
    assert staging["spec"]["provider"]["vault"]["server"] == "https://vault.e-commerce.example.com"
    assert staging["spec"]["provider"]["vault"]["auth"]["kubernetes"]["role"] == "external-secrets-staging"
    prod = one(synth(lambda scope: ClusterSecretStore(scope, "store", PROD)), "ClusterSecretStore")
    assert prod["spec"]["provider"]["aws"]["service"] == "SecretsManager"
    assert prod["spec"]["provider"]["aws"]["region"] == "eu-west-3"
    # The operator's service account carries the role (IRSA); a `role` here would make it
    # assume that same role a second time, which its trust policy does not allow.
    assert "role" not in prod["spec"]["provider"]["aws"]
    service_account = prod["spec"]["provider"]["aws"]["auth"]["jwt"]["serviceAccountRef"]
    (external_secrets,) = [add_on for add_on in add_ons(PROD) if add_on.name == "external-secrets"]
    assert external_secrets.values is not None and PROD.secrets.store is not None
    eso_values = external_secrets.values(PROD)
    assert service_account["name"] == eso_values["serviceAccount"]["name"]
    assert eso_values["serviceAccount"]["annotations"] == {"eks.amazonaws.com/role-arn": PROD.secrets.store.role}
    assert prod["spec"]["conditions"] == [
        {"namespaces": ["e-commerce-prod", "e-commerce-data", "e-commerce-messaging", "monitoring"]}
    ]


@pytest.mark.parametrize("env", ["dev", "staging", "prod"])
def test_no_secret_value_in_any_output(documents, env):
    """Not even dev's: a value written to dist/ is one anyone with the repository knows."""
    carrying = [
        doc["metadata"]["name"]
        for doc in documents[env]
        if doc["kind"] == "Secret" and (doc.get("data") or doc.get("stringData"))
    ]
    assert not carrying
    assert not [doc for doc in documents[env] if doc["kind"] == "Secret"]


def test_two_specs_for_one_secret_are_refused():
    spec = secret_specs(PROD, CATALOG)[0]
    with pytest.raises(ConfigError, match=f"credentials.specs: one spec per Secret \\(twice: {spec.namespace}/{spec.name}\\)"):
        CredentialsProps((spec, spec))
