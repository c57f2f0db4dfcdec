"""Every synthesised object is valid: core objects against Kubernetes 1.27 and the current
release in strict mode, custom resources against their pinned CRD's schema (strict)."""

from __future__ import annotations

import pytest

from ecommerce.model.environments import ENVIRONMENTS

from .schemas import CRDS, CURRENT_KUBERNETES, OLDEST_KUBERNETES, core_error, custom_resource_errors, is_custom, needs_crds


@pytest.mark.parametrize("version", [OLDEST_KUBERNETES, CURRENT_KUBERNETES])
@pytest.mark.parametrize("env", list(ENVIRONMENTS))
def test_core_objects_are_valid_in_strict_mode(documents, env, version):
    errors = [
        f"{doc['kind']}/{doc['metadata']['name']}: {error}"
        for doc in documents[env]
        if not is_custom(doc) and (error := core_error(doc, version))
    ]
    assert not errors, "\n".join(errors)


@needs_crds
@pytest.mark.parametrize("env", list(ENVIRONMENTS))
def test_custom_resources_match_their_pinned_crds(documents, env):
    assert CRDS is not None  # needs_crds
    errors = [
        f"{doc['kind']}/{doc['metadata']['name']}: {error}"
        for doc in documents[env]
        if is_custom(doc)
        for error in custom_resource_errors(doc, CRDS)
    ]
    assert not errors, "\n".join(errors)


def test_core_validation_rejects_unknown_fields():
    namespace = {"apiVersion": "v1", "kind": "Namespace", "metadata": {"name": "x"}, "spec": {"colour": "red"}}
    error = core_error(namespace, OLDEST_KUBERNETES)
    assert error is not None and "colour" in error


@needs_crds
def test_crd_validation_rejects_unknown_and_mistyped_fields():
    queue = {
        "apiVersion": "rabbitmq.com/v1beta1",
        "kind": "Queue",
        "metadata": {"name": "q"},
        "spec": {"name": "q", "durable": "yes", "rabbitmqClusterReference": {"name": "rabbitmq"}, "colour": "red"},
    }
    assert CRDS is not None  # needs_crds
    errors = "\n".join(custom_resource_errors(queue, CRDS))
    assert "'colour' was unexpected" in errors
    assert "spec/durable: 'yes' is not of type 'boolean'" in errors


@needs_crds
def test_crd_validation_keeps_int_or_string_fields():
    certificate = {
        "apiVersion": "cert-manager.io/v1",
        "kind": "Certificate",
        "metadata": {"name": "c"},
        "spec": {"secretName": "tls", "issuerRef": {"name": "le"}, "dnsNames": ["a.example.com"]},
    }
    assert CRDS is not None  # needs_crds
    assert custom_resource_errors(certificate, CRDS) == []
