"""The edge: cert-manager issuers and certificates, Traefik routes and middlewares.

The public API is `api.<domain>`, served by the api-gateway through Traefik with per-client
rate limiting, security headers, a request body size limit and retries in front of it, over
HTTPS where the environment has TLS, with plain HTTP redirected to it. An environment whose
API is not for the public (dev) serves it to its admin source ranges only. Admin UIs (Grafana,
RabbitMQ management) get their own host behind an IP allow-list and a rate limit where the
environment lists admin source ranges.

Decided: no circuit breaker at the edge. Traefik's is one per route, shared by every client,
and each of its measures can be driven by one client's own requests: the 5xx ratio (requests
that make the gateway fail), the latency (slow requests) and the "network error" ratio, which
counts every 502 and 504 answer, the gateway's own included (oxy's RTMetrics.Record). One
client could thus turn the API into 503s for everyone. A failing gateway pod leaves the
Service through its readiness probe, each client is held to its own rate limit, and retries
cover requests that did not reach the gateway; breaking a circuit to one upstream is the
calling service's business, where the failure is known for what it is.
"""

from __future__ import annotations

from dataclasses import dataclass

from constructs import Construct

from ecommerce.components.meta import Part
from ecommerce.components.pods import SIDECAR
from ecommerce.components.quotas import Footprint
from ecommerce.components.security import APP_UID
from ecommerce.derived.endpoints import RABBITMQ, RABBITMQ_MANAGEMENT_PORT
from ecommerce.derived.labels import labels
from ecommerce.derived.wiring import SERVICE_HTTP_PORT
from ecommerce.errors import require
from ecommerce.model.environments import DNS_LABEL, Environment, TlsMode
from ecommerce.model.installed_add_ons import GRAFANA_SERVICE, GRAFANA_SERVICE_PORT
from ecommerce.model.units import parse_quantity
from imports.traefik_ingressroutes.io import traefik as routes
from imports.traefik_middlewares.io import traefik as middlewares

ACME_SERVERS = {
    TlsMode.LETSENCRYPT_STAGING: ("letsencrypt-staging", "https://acme-staging-v02.api.letsencrypt.org/directory"),
    TlsMode.LETSENCRYPT_PRODUCTION: ("letsencrypt-production", "https://acme-v02.api.letsencrypt.org/directory"),
}
# Strict-Transport-Security max-age: a year with trusted certificates; five minutes with
# Let's Encrypt's staging ones, which browsers do not trust and HSTS would make unskippable.
HSTS_SECONDS = {TlsMode.LETSENCRYPT_STAGING: 300, TlsMode.LETSENCRYPT_PRODUCTION: 31_536_000}
# cert-manager's HTTP-01 solver: one small pod per pending challenge.
ACME_SOLVER = SIDECAR
ACME_SOLVER_FOOTPRINT = Footprint(1, (ACME_SOLVER,))
ALLOW_LIST = "admin-allow-list"


@dataclass(frozen=True)
class Site:
    """A host Traefik serves, and the Service behind it."""

    name: str
    host: str
    namespace: str
    service: str
    port: int
    middlewares: tuple[str, ...]
    admin: bool = False

    @property
    def tls_secret(self) -> str:
        """The public certificate's Certificate and Secret: "-public-" keeps it apart from the
        internal CA's server certificates in the same namespace (RabbitMQ's `rabbitmq-tls`)."""
        return f"{self.name}-public-tls"


def issuer_name(env: Environment) -> str:
    return ACME_SERVERS[env.tls.mode][0]


def sites(env: Environment, gateway: str) -> tuple[Site, ...]:
    api_chain: tuple[str, ...] = ("rate-limit", "security-headers", "request-body-limit", "retry")
    if not env.public_api:
        api_chain = (ALLOW_LIST, *api_chain)
    result = [Site("api", f"api.{env.domain}", env.namespace, gateway, SERVICE_HTTP_PORT, api_chain)]
    if env.admin_source_ranges and env.tls.enabled:
        admin_chain = (ALLOW_LIST, "admin-rate-limit", "security-headers")
        result += [
            Site(
                "grafana",
                f"grafana.{env.domain}",
                env.monitoring_namespace,
                GRAFANA_SERVICE,
                GRAFANA_SERVICE_PORT,
                admin_chain,
                True,
            ),
            Site(
                "rabbitmq",
                f"rabbitmq.{env.domain}",
                env.messaging_namespace,
                RABBITMQ,
                RABBITMQ_MANAGEMENT_PORT,
                admin_chain,
                True,
            ),
        ]
    return tuple(result)


class ClusterIssuer(Part):
    """The environment's Let's Encrypt issuer, answering HTTP-01 challenges through Traefik."""

    def __init__(self, scope: Construct, id: str, env: Environment) -> None:
        # Loaded only where TLS is on: each generated CRD module costs its jsii assembly load.
        from imports.cert_manager_clusterissuers.io import cert_manager as issuers

        super().__init__(scope, id, env)
        require(env.tls.enabled, f"{env.name}: tls", "no issuer without TLS")
        name, server = ACME_SERVERS[env.tls.mode]
        c = issuers
        # The solver pods run beside each Certificate, in namespaces enforcing the
        # restricted Pod Security Standard.
        limits = c.ClusterIssuerSpecAcmeSolversHttp01IngressPodTemplateSpecResourcesLimits.from_string
        requests = c.ClusterIssuerSpecAcmeSolversHttp01IngressPodTemplateSpecResourcesRequests.from_string
        solver_pod = c.ClusterIssuerSpecAcmeSolversHttp01IngressPodTemplateSpec(
            # Sized explicitly, so the namespace's quota accounts for it (see ACME_SOLVER).
            resources=c.ClusterIssuerSpecAcmeSolversHttp01IngressPodTemplateSpecResources(
                requests={"cpu": requests(ACME_SOLVER.cpu_request), "memory": requests(ACME_SOLVER.memory_request)},
                limits={"cpu": limits(ACME_SOLVER.cpu_limit), "memory": limits(ACME_SOLVER.memory_limit)},
            ),
            security_context=c.ClusterIssuerSpecAcmeSolversHttp01IngressPodTemplateSpecSecurityContext(
                run_as_non_root=True,
                run_as_user=APP_UID,
                run_as_group=APP_UID,
                seccomp_profile=c.ClusterIssuerSpecAcmeSolversHttp01IngressPodTemplateSpecSecurityContextSeccompProfile(
                    type="RuntimeDefault"
                ),
            ),
        )
        c.ClusterIssuer(
            self,
            "issuer",
            metadata=self.cr_meta(name, labels(env, "cert-manager", "tls")),
            spec=c.ClusterIssuerSpec(
                acme=c.ClusterIssuerSpecAcme(
                    server=server,
                    email=env.tls.acme_email,
                    private_key_secret_ref=c.ClusterIssuerSpecAcmePrivateKeySecretRef(name=f"{name}-account-key"),
                    solvers=[
                        c.ClusterIssuerSpecAcmeSolvers(
                            http01=c.ClusterIssuerSpecAcmeSolversHttp01(
                                ingress=c.ClusterIssuerSpecAcmeSolversHttp01Ingress(
                                    # The annotation, not ingressClassName: Traefik's namespaced
                                    # RBAC lets it look no IngressClass up (derived/add_on_releases.py, _traefik).
                                    class_="traefik",
                                    # cert-manager defaults to NodePort, which the application
                                    # namespaces' quota forbids (services.nodeports: 0): Traefik
                                    # reaches the solver inside the cluster.
                                    service_type="ClusterIP",
                                    pod_template=c.ClusterIssuerSpecAcmeSolversHttp01IngressPodTemplate(spec=solver_pod),
                                )
                            )
                        )
                    ],
                )
            ),
        )


@dataclass(frozen=True)
class EdgeProps:
    """gateway: the Service the public API (the catalog's entry point, routed at "/") is served by."""

    gateway: str

    def __post_init__(self) -> None:
        require(bool(DNS_LABEL.match(self.gateway)), "edge.gateway", f"must be a Service name (got {self.gateway!r})")


class Edge(Part):
    """Traefik's routes, middlewares and, with TLS, the public certificates of every site."""

    def __init__(self, scope: Construct, id: str, env: Environment, props: EdgeProps) -> None:
        super().__init__(scope, id, env)
        self.sites = sites(env, props.gateway)
        for namespace in sorted({site.namespace for site in self.sites}):
            self._middlewares(namespace, admin=any(site.admin and site.namespace == namespace for site in self.sites))
        for site in self.sites:
            if env.tls.enabled:
                self._certificate(site)
            self._routes(site)

    def _middleware(self, namespace: str, name: str, spec: middlewares.MiddlewareSpec) -> None:
        middlewares.Middleware(
            self,
            f"{namespace}-{name}",
            metadata=self.cr_meta(name, labels(self.env, "traefik", "ingress"), namespace),
            spec=spec,
        )

    def _middlewares(self, namespace: str, admin: bool) -> None:
        env = self.env
        m = middlewares
        hsts = HSTS_SECONDS.get(env.tls.mode)
        self._middleware(
            namespace,
            "security-headers",
            m.MiddlewareSpec(
                headers=m.MiddlewareSpecHeaders(
                    sts_seconds=hsts,
                    sts_include_subdomains=True if hsts else None,
                    content_type_nosniff=True,
                    frame_deny=True,
                    referrer_policy="strict-origin-when-cross-origin",
                    content_security_policy="default-src 'none'; frame-ancestors 'none'" if not admin else None,
                    # PHP and the web server announce themselves; nobody needs to know.
                    custom_response_headers={"Server": "", "X-Powered-By": ""},
                )
            ),
        )
        if env.tls.enabled:
            self._middleware(
                namespace,
                "redirect-https",
                m.MiddlewareSpec(redirect_scheme=m.MiddlewareSpecRedirectScheme(scheme="https", permanent=True)),
            )
        used = {name for site in self.sites if site.namespace == namespace for name in site.middlewares}
        if ALLOW_LIST in used:
            self._middleware(
                namespace,
                ALLOW_LIST,
                m.MiddlewareSpec(ip_allow_list=m.MiddlewareSpecIpAllowList(source_range=list(env.admin_source_ranges))),
            )
        for name, limit in (("rate-limit", env.api_rate_limit), ("admin-rate-limit", env.admin_rate_limit)):
            if name in used:
                self._middleware(
                    namespace,
                    name,
                    m.MiddlewareSpec(
                        rate_limit=m.MiddlewareSpecRateLimit(
                            average=limit.average, burst=limit.burst, period=m.MiddlewareSpecRateLimitPeriod.from_string("1s")
                        )
                    ),
                )
        if "request-body-limit" in used:
            body = int(parse_quantity(env.max_request_body, "max_request_body", "memory"))
            # Held in memory whole (never spilled to disk) and refused with 413 beyond the limit.
            self._middleware(
                namespace,
                "request-body-limit",
                m.MiddlewareSpec(buffering=m.MiddlewareSpecBuffering(max_request_body_bytes=body, mem_request_body_bytes=body)),
            )
        if "retry" in used:
            # Retries only what failed to reach the gateway; never a non-idempotent request.
            self._middleware(
                namespace,
                "retry",
                m.MiddlewareSpec(
                    retry=m.MiddlewareSpecRetry(
                        attempts=3,
                        initial_interval=m.MiddlewareSpecRetryInitialInterval.from_string("100ms"),
                        retry_non_idempotent_method=False,
                    )
                ),
            )

    def _certificate(self, site: Site) -> None:
        from imports.cert_manager_certificates.io import cert_manager as certificates

        env = self.env
        c = certificates
        c.Certificate(
            self,
            f"certificate-{site.name}",
            metadata=self.cr_meta(site.tls_secret, labels(env, site.name, "tls"), site.namespace),
            spec=c.CertificateSpec(
                secret_name=site.tls_secret,
                dns_names=[site.host],
                issuer_ref=c.CertificateSpecIssuerRef(name=issuer_name(env), kind="ClusterIssuer", group="cert-manager.io"),
                private_key=c.CertificateSpecPrivateKey(
                    algorithm=c.CertificateSpecPrivateKeyAlgorithm.ECDSA,
                    size=256,
                    rotation_policy=c.CertificateSpecPrivateKeyRotationPolicy.ALWAYS,
                ),
            ),
        )

    def _routes(self, site: Site) -> None:
        env = self.env
        r = routes
        service = r.IngressRouteSpecRoutesServices(
            name=site.service,
            port=r.IngressRouteSpecRoutesServicesPort.from_number(site.port),
        )
        match = f"Host(`{site.host}`)"
        route_labels = labels(env, site.name, "ingress")
        chain = [r.IngressRouteSpecRoutesMiddlewares(name=name) for name in site.middlewares]
        secure = env.tls.enabled
        r.IngressRoute(
            self,
            f"route-{site.name}",
            metadata=self.cr_meta(site.name, route_labels, site.namespace),
            spec=r.IngressRouteSpec(
                entry_points=["websecure" if secure else "web"],
                routes=[
                    r.IngressRouteSpecRoutes(
                        match=match, kind=r.IngressRouteSpecRoutesKind.RULE, middlewares=chain, services=[service]
                    )
                ],
                tls=r.IngressRouteSpecTls(secret_name=site.tls_secret) if secure else None,
            ),
        )
        if secure:
            r.IngressRoute(
                self,
                f"route-{site.name}-http",
                metadata=self.cr_meta(f"{site.name}-http", route_labels, site.namespace),
                spec=r.IngressRouteSpec(
                    entry_points=["web"],
                    routes=[
                        r.IngressRouteSpecRoutes(
                            match=match,
                            kind=r.IngressRouteSpecRoutesKind.RULE,
                            middlewares=[r.IngressRouteSpecRoutesMiddlewares(name="redirect-https")],
                            services=[service],
                        )
                    ],
                ),
            )
