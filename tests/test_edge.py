"""Edge: issuers and certificates, Traefik routes and middlewares, per environment."""

from __future__ import annotations

import pytest

from ecommerce.edge import ClusterIssuer, Edge
from ecommerce.environments import DEV, PROD, STAGING
from ecommerce.errors import ConfigError

from .helpers import of_kind, one, synth


def build(env):
    return synth(lambda scope: Edge(scope, "edge", env, "api-gateway"))


@pytest.mark.parametrize(
    ("env", "name", "server"),
    [
        (STAGING, "letsencrypt-staging", "https://acme-staging-v02.api.letsencrypt.org/directory"),
        (PROD, "letsencrypt-production", "https://acme-v02.api.letsencrypt.org/directory"),
    ],
)
def test_cluster_issuer_answers_http01_through_traefik(env, name, server):
    issuer = one(synth(lambda scope: ClusterIssuer(scope, "issuer", env)), "ClusterIssuer")
    assert issuer["metadata"]["name"] == name
    acme = issuer["spec"]["acme"]
    assert acme["server"] == server
    assert acme["email"] == "platform@e-commerce.example.com"
    (solver,) = acme["solvers"]
    assert solver["http01"]["ingress"]["ingressClassName"] == "traefik"
    # cert-manager's default is NodePort, refused by the namespaces' quota (services.nodeports: 0).
    assert solver["http01"]["ingress"]["serviceType"] == "ClusterIP"
    pod = solver["http01"]["ingress"]["podTemplate"]["spec"]
    assert pod["securityContext"]["seccompProfile"] == {"type": "RuntimeDefault"}
    assert pod["resources"]["limits"] == {"cpu": "100m", "memory": "64Mi"}


def test_no_issuer_without_tls():
    with pytest.raises(ConfigError, match="dev: tls: no issuer without TLS"):
        synth(lambda scope: ClusterIssuer(scope, "issuer", DEV))


def test_prod_serves_the_api_over_https_behind_the_middlewares():
    objects = build(PROD)
    route = one(objects, "IngressRoute", "api")
    assert route["metadata"]["namespace"] == "e-commerce-prod"
    assert route["spec"]["entryPoints"] == ["websecure"]
    assert route["spec"]["tls"] == {"secretName": "api-tls"}
    (rule,) = route["spec"]["routes"]
    assert rule["match"] == "Host(`api.e-commerce.example.com`)"
    assert [m["name"] for m in rule["middlewares"]] == ["rate-limit", "security-headers", "circuit-breaker", "retry"]
    assert rule["services"] == [{"name": "api-gateway", "port": 80}]
    certificate = one(objects, "Certificate", "api-tls")["spec"]
    assert certificate["dnsNames"] == ["api.e-commerce.example.com"]
    assert certificate["issuerRef"] == {"name": "letsencrypt-production", "kind": "ClusterIssuer", "group": "cert-manager.io"}


def test_http_is_redirected_to_https():
    objects = build(PROD)
    (rule,) = one(objects, "IngressRoute", "api-http")["spec"]["routes"]
    assert [m["name"] for m in rule["middlewares"]] == ["redirect-https"]
    redirect = next(m for m in of_kind(objects, "Middleware") if m["metadata"]["name"] == "redirect-https")
    assert redirect["spec"]["redirectScheme"] == {"scheme": "https", "permanent": True}


def middleware(objects, name, namespace="e-commerce-prod"):
    return next(
        m["spec"]
        for m in of_kind(objects, "Middleware")
        if m["metadata"]["name"] == name and m["metadata"]["namespace"] == namespace
    )


def test_security_headers_rate_limit_retry_and_circuit_breaker():
    objects = build(PROD)
    headers = middleware(objects, "security-headers")["headers"]
    assert headers["stsSeconds"] == 31536000 and headers["stsIncludeSubdomains"] is True
    assert headers["contentTypeNosniff"] is True and headers["frameDeny"] is True
    assert middleware(objects, "rate-limit")["rateLimit"] == {"average": 50, "burst": 100, "period": "1s"}
    assert middleware(objects, "retry")["retry"]["attempts"] == 3
    breaker = middleware(objects, "circuit-breaker")["circuitBreaker"]
    assert "NetworkErrorRatio()" in breaker["expression"] and breaker["responseCode"] == 503
    assert middleware(build(STAGING), "security-headers", "e-commerce-staging")["headers"]["stsSeconds"] == 300


def test_admin_uis_sit_behind_an_ip_allow_list():
    objects = build(PROD)
    for name, namespace in (("grafana", "monitoring"), ("rabbitmq", "e-commerce-messaging")):
        (rule,) = one(objects, "IngressRoute", name)["spec"]["routes"]
        assert rule["middlewares"][0]["name"] == "admin-allow-list"
        allow = middleware(objects, "admin-allow-list", namespace)["ipAllowList"]
        assert allow["sourceRange"] == ["10.0.0.0/8"]
        assert one(objects, "Certificate", f"{name}-tls")["metadata"]["namespace"] == namespace


def test_dev_has_plain_http_and_no_admin_routes():
    objects = build(DEV)
    assert not of_kind(objects, "Certificate")
    (route,) = of_kind(objects, "IngressRoute")
    assert route["spec"]["entryPoints"] == ["web"] and "tls" not in route["spec"]
    assert "stsSeconds" not in middleware(objects, "security-headers", "e-commerce-dev")["headers"]
