"""Edge: issuers and certificates, Traefik routes and middlewares, per environment."""

from __future__ import annotations

import dataclasses
import re

import pytest

from ecommerce.components.edge.routes import ClusterIssuer, Edge, EdgeProps
from ecommerce.derived.add_on_releases import add_ons
from ecommerce.errors import ConfigError
from ecommerce.model.environments import DEV, PROD, STAGING, RateLimit
from ecommerce.model.units import parse_quantity

from .helpers import of_kind, one, synth
from .platform.addons import needs_addons, render_addon


def build(env):
    return synth(lambda scope: Edge(scope, "edge", env, EdgeProps(gateway="api-gateway")))


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
    # By annotation: Traefik, with namespaced RBAC, reads no IngressClass (test_platform_rbac).
    assert solver["http01"]["ingress"]["class"] == "traefik"
    assert "ingressClassName" not in solver["http01"]["ingress"]
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
    assert route["spec"]["tls"] == {"secretName": "api-public-tls"}
    (rule,) = route["spec"]["routes"]
    assert rule["match"] == "Host(`api.e-commerce.example.com`)"
    assert [m["name"] for m in rule["middlewares"]] == ["rate-limit", "security-headers", "request-body-limit", "retry"]
    assert rule["services"] == [{"name": "api-gateway", "port": 80}]
    certificate = one(objects, "Certificate", "api-public-tls")["spec"]
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


def test_security_headers_rate_limit_and_retry():
    objects = build(PROD)
    headers = middleware(objects, "security-headers")["headers"]
    assert headers["stsSeconds"] == 31536000 and headers["stsIncludeSubdomains"] is True
    assert headers["contentTypeNosniff"] is True and headers["frameDeny"] is True
    limit = PROD.api_rate_limit
    assert middleware(objects, "rate-limit")["rateLimit"] == {"average": limit.average, "burst": limit.burst, "period": "1s"}
    assert middleware(objects, "retry")["retry"]["attempts"] == 3
    assert middleware(build(STAGING), "security-headers", "e-commerce-staging")["headers"]["stsSeconds"] == 300


def test_admin_uis_sit_behind_an_ip_allow_list():
    objects = build(PROD)
    for name, namespace in (("grafana", "monitoring"), ("rabbitmq", "e-commerce-messaging")):
        (rule,) = one(objects, "IngressRoute", name)["spec"]["routes"]
        assert rule["middlewares"][0]["name"] == "admin-allow-list"
        allow = middleware(objects, "admin-allow-list", namespace)["ipAllowList"]
        assert allow["sourceRange"] == ["10.0.0.0/8"]
        assert one(objects, "Certificate", f"{name}-public-tls")["metadata"]["namespace"] == namespace


def test_dev_has_plain_http_and_no_admin_routes():
    objects = build(DEV)
    assert not of_kind(objects, "Certificate")
    (route,) = of_kind(objects, "IngressRoute")
    assert route["spec"]["entryPoints"] == ["web"] and "tls" not in route["spec"]
    assert "stsSeconds" not in middleware(objects, "security-headers", "e-commerce-dev")["headers"]


def chain(objects, route) -> list[dict]:
    """The middlewares of a route's rule, as the objects they name."""
    (rule,) = route["spec"]["routes"]
    namespace = route["metadata"]["namespace"]
    return [middleware(objects, m["name"], namespace) for m in rule["middlewares"]]


def served_routes(objects) -> list[dict]:
    """Every route that passes requests on (the plain-HTTP ones only redirect)."""
    return [
        route for route in of_kind(objects, "IngressRoute") if not any("redirectScheme" in spec for spec in chain(objects, route))
    ]


@pytest.mark.parametrize("env", [DEV, STAGING, PROD], ids=["dev", "staging", "prod"])
def test_no_circuit_breaker_lets_one_client_close_the_api_for_everyone(env):
    """Traefik keeps one breaker per route for all its clients, and every measure it can trip
    on (5xx ratio, latency, 502/504 ratio) follows what a client's own requests cause."""
    objects = build(env)
    assert not [m for m in of_kind(objects, "Middleware") if "circuitBreaker" in m["spec"]]


@pytest.mark.parametrize("env", [DEV, STAGING, PROD], ids=["dev", "staging", "prod"])
def test_every_route_is_rate_limited_per_client_and_admin_ones_allow_listed(env):
    objects = build(env)
    routes = served_routes(objects)
    assert routes
    for route in routes:
        specs = chain(objects, route)
        name = route["metadata"]["name"]
        assert [s for s in specs if "rateLimit" in s], f"{name}: no rate limit"
        assert not [s for s in specs if "rateLimit" in s and "sourceCriterion" in s["rateLimit"]], "per client address"
        if name != "api" or not env.public_api:
            assert "ipAllowList" in specs[0], f"{name}: not behind the allow-list"
            assert specs[0]["ipAllowList"]["sourceRange"] == list(env.admin_source_ranges)
    admin = [route for route in routes if route["metadata"]["name"] in ("grafana", "rabbitmq")]
    for route in admin:
        assert chain(objects, route)[1]["rateLimit"]["average"] == env.admin_rate_limit.average


def test_rate_limits_are_the_environments():
    env = dataclasses.replace(PROD, api_rate_limit=RateLimit(average=7, burst=9), admin_rate_limit=RateLimit(2, 5))
    objects = build(env)
    assert middleware(objects, "rate-limit")["rateLimit"] == {"average": 7, "burst": 9, "period": "1s"}
    assert middleware(objects, "admin-rate-limit", env.monitoring_namespace)["rateLimit"] == {
        "average": 2,
        "burst": 5,
        "period": "1s",
    }


@pytest.mark.parametrize(
    ("limit", "message"),
    [
        (RateLimit(0, 10), "api_rate_limit.average: must be a whole number of requests from 1 to 100000 (got 0)"),
        (RateLimit(10, 5), "api_rate_limit.burst: must be at least the average (10)"),
        (RateLimit(10, True), "api_rate_limit.burst: must be a whole number"),
    ],
)
def test_a_bad_rate_limit_is_refused_naming_the_field(limit, message):
    with pytest.raises(ConfigError, match=re.escape(message)):
        dataclasses.replace(PROD, api_rate_limit=limit)


def test_dev_with_debug_on_serves_its_api_to_the_admin_ranges_only():
    assert DEV.debug and not DEV.public_api and DEV.admin_source_ranges
    (route,) = served_routes(build(DEV))
    assert chain(build(DEV), route)[0] == {"ipAllowList": {"sourceRange": list(DEV.admin_source_ranges)}}


def test_debug_output_on_a_public_api_is_refused():
    with pytest.raises(ConfigError, match="public_api: debug output must not face the internet"):
        dataclasses.replace(DEV, public_api=True)
    with pytest.raises(ConfigError, match="public_api: an API closed to the public needs admin_source_ranges"):
        dataclasses.replace(PROD, public_api=False, admin_source_ranges=())


@pytest.mark.parametrize("env", [DEV, STAGING, PROD], ids=["dev", "staging", "prod"])
def test_request_bodies_over_the_environment_limit_never_reach_the_api(env):
    for limit, expected in ((env.max_request_body, int(parse_quantity(env.max_request_body, "", "memory"))), ("64Ki", 65536)):
        objects = build(dataclasses.replace(env, max_request_body=limit))
        (api,) = [route for route in served_routes(objects) if route["metadata"]["name"] == "api"]
        (buffering,) = [spec["buffering"] for spec in chain(objects, api) if "buffering" in spec]
        assert buffering["maxRequestBodyBytes"] == expected
        # Held in memory: a large body never spills to Traefik's disk.
        assert buffering["memRequestBodyBytes"] >= expected
    with pytest.raises(ConfigError, match="max_request_body"):
        dataclasses.replace(env, max_request_body="1Gi")


MODERN_SUITES = re.compile(r"^TLS_ECDHE_(ECDSA|RSA)_WITH_(AES_(128|256)_GCM_SHA(256|384)|CHACHA20_POLY1305_SHA256)$")


@needs_addons
@pytest.mark.parametrize("env", [DEV, STAGING, PROD], ids=["dev", "staging", "prod"])
def test_traefik_renders_a_strict_default_tls_option(env):
    """The chart creates it from our values; the pinned CRDs give no TLSOption class to cdk8s."""
    (traefik,) = [add_on for add_on in add_ons(env) if add_on.name == "traefik"]
    options = [doc for doc in render_addon(traefik, env) if doc["kind"] == "TLSOption"]
    assert [(o["metadata"]["name"], o["metadata"]["namespace"]) for o in options] == [("default", env.ingress_namespace)]
    spec = options[0]["spec"]
    assert spec["minVersion"] in ("VersionTLS12", "VersionTLS13")
    assert spec["sniStrict"] is True
    assert spec["cipherSuites"] and all(MODERN_SUITES.match(suite) for suite in spec["cipherSuites"])


def test_a_gateway_that_is_no_service_name_is_refused():
    with pytest.raises(ConfigError, match=re.escape("edge.gateway: must be a Service name (got 'API Gateway')")):
        EdgeProps(gateway="API Gateway")
