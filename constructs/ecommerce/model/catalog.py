"""The service catalog: the single source of truth of what runs and what talks to what.

Each entry says what a service is (ports, health endpoints, the route the gateway exposes)
and what it uses (its MySQL schema, Redis, the events it publishes and consumes, the
services it calls, the outside endpoints it reaches). Network policies, database and
RabbitMQ users, queues and bindings, secret keys, configuration, scraping, dashboards and
the architecture diagram are all derived from it. Adding a service is one entry here plus
one line in each releases/<env>.yaml.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

from ecommerce.errors import require

SOURCE = "constructs/ecommerce/model/catalog.py"

SERVICE_NAME = re.compile(r"^[a-z]([-a-z0-9]{0,30}[a-z0-9])?$")
EVENT_NAME = re.compile(r"^[a-z]+(_[a-z]+)*\.[a-z]+(_[a-z]+)*$")
ROUTE_PREFIX = re.compile(r"^/([a-z0-9-]+(/[a-z0-9-]+)*)?$")
PATH = re.compile(r"^/[A-Za-z0-9/_.-]*$")
SETTING_NAME = re.compile(r"^[A-Z][A-Z0-9_]*$")
# Below 1024 a port needs NET_BIND_SERVICE, and every capability is dropped.
UNPRIVILEGED_PORTS = (1024, 65535)
REDIS_PURPOSES = ("sessions", "carts", "cache", "rate-limits", "queues")


@dataclass(frozen=True)
class RedisUsage:
    """What a service keeps in Redis, in its own logical database."""

    purpose: str
    database: int


@dataclass(frozen=True)
class ExternalEndpoint:
    """An endpoint outside the cluster that a service must reach (SMTP relay, partner API)."""

    name: str
    port: int
    # Everything outside the private ranges unless narrowed.
    cidr: str = "0.0.0.0/0"


SMTP = ExternalEndpoint(name="smtp", port=587)


@dataclass(frozen=True)
class Call:
    service: str
    port: str = "http"


@dataclass(frozen=True)
class Service:
    name: str
    summary: str
    # The path prefix under which the entry point routes to this service ("/" for the entry
    # point itself): the entry point calls every routed service, so it need not list them in `calls`.
    route_prefix: str
    http_port: int = 8080
    metrics_port: int = 9090
    metrics_path: str = "/metrics"
    liveness_path: str = "/health/live"
    readiness_path: str = "/health/ready"
    startup_path: str = "/health/live"
    # Every service owns one MySQL schema unless it says otherwise.
    database: bool = True
    redis: tuple[RedisUsage, ...] = ()
    publishes: tuple[str, ...] = ()
    consumes: tuple[str, ...] = ()
    # "<service>" calls its http port, "<service>:<port name>" another named port.
    calls: tuple[str, ...] = ()
    egress: tuple[ExternalEndpoint, ...] = ()
    # Secret keys beyond the ones derived from its dependencies: "KEY" is its own,
    # "<service>:KEY" is a key another service owns and shares (e.g. a public key).
    secrets: tuple[str, ...] = ()
    # Non-secret settings specific to the service (its ConfigMap adds the derived ones).
    settings: Mapping[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        object.__setattr__(self, "settings", MappingProxyType(dict(self.settings)))

    @property
    def schema(self) -> str:
        """Its MySQL schema (and user) name: MySQL identifiers avoid dashes."""
        return self.name.replace("-", "_")

    @property
    def ports(self) -> dict[str, int]:
        return {"http": self.http_port, "metrics": self.metrics_port}

    @property
    def is_entry_point(self) -> bool:
        """Routed at "/": the public API's only way in."""
        return self.route_prefix == "/"

    @property
    def uses_rabbitmq(self) -> bool:
        return bool(self.publishes or self.consumes)

    @property
    def uses_redis(self) -> bool:
        return bool(self.redis)

    @property
    def call_targets(self) -> tuple[Call, ...]:
        targets = []
        for spec in self.calls:
            service, _, port = spec.partition(":")
            targets.append(Call(service, port or "http"))
        return tuple(targets)

    @property
    def secret_refs(self) -> tuple[tuple[str, str], ...]:
        """(owning service, key) for each of its extra secret keys."""
        refs = []
        for spec in self.secrets:
            owner, _, key = spec.rpartition(":")
            refs.append((owner or self.name, key))
        return tuple(refs)

    @property
    def queue(self) -> str:
        """The durable queue this service consumes its events from."""
        return f"{self.name}.events"

    @property
    def secret_name(self) -> str:
        """The Secret its credentials come from (a plain Secret in dev, an ExternalSecret target elsewhere)."""
        return f"{self.name}-credentials"


@dataclass(frozen=True)
class Catalog:
    services: tuple[Service, ...]

    def __post_init__(self) -> None:
        _validate(self.services)
        object.__setattr__(self, "services", _with_routes_called(self.services))

    def __iter__(self) -> Iterator[Service]:
        return iter(self.services)

    def __len__(self) -> int:
        return len(self.services)

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(service.name for service in self.services)

    def get(self, name: str) -> Service:
        for service in self.services:
            if service.name == name:
                return service
        raise KeyError(name)

    @property
    def gateway(self) -> Service:
        """The public entry point: the service routed at "/"."""
        return next(service for service in self.services if service.is_entry_point)

    @property
    def routes(self) -> tuple[tuple[str, Service], ...]:
        """(path prefix, service) for each service the entry point routes to, longest prefix first."""
        routed = (service for service in self.services if not service.is_entry_point)
        return tuple(
            sorted(((service.route_prefix, service) for service in routed), key=lambda route: (-len(route[0]), route[0]))
        )

    @property
    def events(self) -> tuple[str, ...]:
        """Every event published by some service, sorted."""
        return tuple(sorted({event for service in self.services for event in service.publishes}))

    def publishers_of(self, event: str) -> tuple[Service, ...]:
        return tuple(service for service in self.services if event in service.publishes)

    def consumers_of(self, event: str) -> tuple[Service, ...]:
        return tuple(service for service in self.services if event in service.consumes)

    def callers_of(self, name: str) -> tuple[tuple[Service, Call], ...]:
        return tuple((service, call) for service in self.services for call in service.call_targets if call.service == name)

    @property
    def redis_users(self) -> tuple[Service, ...]:
        return tuple(service for service in self.services if service.uses_redis)

    @property
    def rabbitmq_users(self) -> tuple[Service, ...]:
        """The services that publish or consume events."""
        return tuple(service for service in self.services if service.uses_rabbitmq)


def _check_port(value: object, where: str) -> None:
    low, high = UNPRIVILEGED_PORTS
    ok = isinstance(value, int) and not isinstance(value, bool) and low <= value <= high
    require(ok, where, f"port out of range: {value!r} (allowed: {low}-{high}, unprivileged)")


def _validate(services: Iterable[Service]) -> None:
    services = tuple(services)
    require(len(services) > 0, SOURCE, "the catalog has no service")
    seen: dict[str, Service] = {}
    prefixes: dict[str, str] = {}
    for service in services:
        where = f"{SOURCE}: {service.name}" if isinstance(service.name, str) else SOURCE
        require(isinstance(service, Service), SOURCE, f"catalog entries must be Service objects (got {type(service).__name__})")
        require(
            isinstance(service.name, str) and SERVICE_NAME.match(service.name) is not None,
            where,
            f"invalid service name {service.name!r} (lower-case letters, digits and dashes, at most 32)",
        )
        require(service.name not in seen, where, "duplicate service name")
        seen[service.name] = service
        require(
            isinstance(service.route_prefix, str) and ROUTE_PREFIX.match(service.route_prefix) is not None,
            f"{where}: route_prefix",
            f"invalid route prefix {service.route_prefix!r} (e.g. '/api/orders')",
        )
        require(
            service.route_prefix not in prefixes,
            f"{where}: route_prefix",
            f"{service.route_prefix!r} is already the route of {prefixes.get(service.route_prefix)}",
        )
        prefixes[service.route_prefix] = service.name
        _check_port(service.http_port, f"{where}: http_port")
        _check_port(service.metrics_port, f"{where}: metrics_port")
        require(service.http_port != service.metrics_port, f"{where}: metrics_port", f"same as http_port {service.http_port}")
        for name in ("metrics_path", "liveness_path", "readiness_path", "startup_path"):
            value = getattr(service, name)
            require(
                isinstance(value, str) and PATH.match(value) is not None,
                f"{where}: {name}",
                f"not an absolute URL path: {value!r}",
            )
        databases = [usage.database for usage in service.redis]
        for usage in service.redis:
            require(
                usage.purpose in REDIS_PURPOSES,
                f"{where}: redis",
                f"unknown purpose {usage.purpose!r} (allowed: {', '.join(REDIS_PURPOSES)})",
            )
            require(
                isinstance(usage.database, int) and 0 <= usage.database <= 15,
                f"{where}: redis",
                f"database must be 0-15 (got {usage.database!r})",
            )
        require(len(set(databases)) == len(databases), f"{where}: redis", "two purposes share one database")
        for event in (*service.publishes, *service.consumes):
            require(
                isinstance(event, str) and EVENT_NAME.match(event) is not None,
                f"{where}: events",
                f"invalid event name {event!r} (expected '<aggregate>.<past_tense>', e.g. 'order.placed')",
            )
        for endpoint in service.egress:
            require(
                isinstance(endpoint.port, int) and 1 <= endpoint.port <= 65535,
                f"{where}: egress {endpoint.name}",
                f"port out of range: {endpoint.port!r} (allowed: 1-65535)",
            )
        for key in (*(key for _, key in service.secret_refs), *service.settings):
            require(
                isinstance(key, str) and SETTING_NAME.match(key) is not None,
                f"{where}: settings",
                f"invalid variable name {key!r} (UPPER_SNAKE_CASE)",
            )
    entry_points = [service.name for service in services if service.is_entry_point]
    require(
        len(entry_points) == 1,
        SOURCE,
        f"exactly one service must be routed at '/', the public entry point (got {entry_points or 'none'})",
    )
    _validate_links(services, seen)


def _with_routes_called(services: tuple[Service, ...]) -> tuple[Service, ...]:
    """The entry point calls, over http, every service it routes to, besides what it lists."""
    entry_point = next(service for service in services if service.is_entry_point)
    listed = {(call.service, call.port) for call in entry_point.call_targets}
    routed = tuple(service.name for service in services if not service.is_entry_point and (service.name, "http") not in listed)
    calling = dataclasses.replace(entry_point, calls=(*entry_point.calls, *routed))
    return tuple(calling if service is entry_point else service for service in services)


def _validate_links(services: tuple[Service, ...], by_name: dict[str, Service]) -> None:
    published = {event for service in services for event in service.publishes}
    consumed = {event for service in services for event in service.consumes}
    redis_databases: dict[int, str] = {}
    for service in services:
        where = f"{SOURCE}: {service.name}"
        for call in service.call_targets:
            require(
                call.service in by_name,
                f"{where}: calls",
                f"depends on unknown service {call.service!r} (known: {', '.join(sorted(by_name))})",
            )
            require(call.service != service.name, f"{where}: calls", "a service does not call itself over the network")
            target_ports = by_name[call.service].ports
            require(
                call.port in target_ports,
                f"{where}: calls",
                f"{call.service} has no port named {call.port!r} (it has: {', '.join(target_ports)})",
            )
        for owner, key in service.secret_refs:
            require(owner in by_name, f"{where}: secrets", f"{key} is shared by unknown service {owner!r}")
            require(
                (owner, key) in by_name[owner].secret_refs,
                f"{where}: secrets",
                f"{owner} does not own a secret {key!r} to share",
            )
        for event in service.publishes:
            # The topic exchange drops a message that no queue is bound for.
            require(event in consumed, f"{where}: publishes", f"event {event!r} is consumed by no service: it would be dropped")
        for event in service.consumes:
            require(event in published, f"{where}: consumes", f"event {event!r} is published by no service")
            # Deliberate rule: a service handles its own events in-process, never through the broker.
            require(
                event not in service.publishes,
                f"{where}: consumes",
                f"consumes its own event {event!r}; handle it in-process instead",
            )
        for usage in service.redis:
            owner = redis_databases.setdefault(usage.database, service.name)
            require(
                owner == service.name,
                f"{where}: redis",
                f"database {usage.database} is already used by {owner}",
            )


CATALOG = Catalog(
    (
        Service(
            name="api-gateway",
            summary="Single entry point: routing, JWT verification, rate limiting",
            route_prefix="/",
            redis=(RedisUsage("rate-limits", 2),),
            # Drops cached tokens when auth revokes them; reloads site routing when a website changes.
            consumes=("user.token_revoked", "website.updated"),
            # Verifies the tokens auth signs, with auth's public key.
            secrets=("auth:JWT_PUBLIC_KEY",),
            settings={"RATE_LIMIT_PER_MINUTE": "600", "UPSTREAM_TIMEOUT_SECONDS": "10"},
        ),
        Service(
            name="auth",
            summary="Accounts, JWT issuing, roles and permissions",
            route_prefix="/api/auth",
            redis=(RedisUsage("sessions", 0),),
            publishes=("user.registered", "user.token_revoked"),
            secrets=("JWT_PRIVATE_KEY", "JWT_PUBLIC_KEY"),
            settings={"JWT_TTL_SECONDS": "900", "REFRESH_TOKEN_TTL_SECONDS": "1209600"},
        ),
        Service(
            name="products",
            summary="Catalogue, inventory and search",
            route_prefix="/api/products",
            redis=(RedisUsage("cache", 3),),
            # Reserves stock when a basket checks out, releases it when an order is cancelled,
            # and refreshes a product's rating when a review is published.
            publishes=("product.price_changed", "stock.reserved", "stock.reservation_failed"),
            consumes=("basket.checked_out", "order.cancelled", "review.published"),
        ),
        Service(
            name="baskets",
            summary="Baskets, promo codes and checkout",
            route_prefix="/api/baskets",
            redis=(RedisUsage("carts", 1),),
            publishes=("basket.checked_out", "basket.abandoned"),
            # Re-prices baskets, empties them once the order exists, reopens them when stock runs out.
            consumes=("product.price_changed", "order.placed", "stock.reservation_failed"),
            calls=("products",),
            settings={"CART_TTL_SECONDS": "604800", "ABANDONED_AFTER_SECONDS": "3600"},
        ),
        Service(
            name="orders",
            summary="Orders, their workflow and statuses, payment",
            route_prefix="/api/orders",
            publishes=("order.placed", "order.cancelled"),
            # An order is placed once stock is reserved; it follows its delivery.
            consumes=("stock.reserved", "stock.reservation_failed", "delivery.shipped", "delivery.delivered"),
            calls=("baskets", "addresses", "products"),
            egress=(ExternalEndpoint(name="payment-provider", port=443),),
            secrets=("PAYMENT_API_KEY",),
        ),
        Service(
            name="addresses",
            summary="Customer addresses and geolocation",
            route_prefix="/api/addresses",
        ),
        Service(
            name="deliveries",
            summary="Deliveries, tracking and carriers",
            route_prefix="/api/deliveries",
            publishes=("delivery.shipped", "delivery.delivered"),
            consumes=("order.placed", "order.cancelled"),
            calls=("addresses",),
            egress=(ExternalEndpoint(name="carrier-apis", port=443),),
            secrets=("CARRIER_API_KEY",),
        ),
        Service(
            name="newsletters",
            summary="E-mail marketing, campaigns and transactional mail",
            route_prefix="/api/newsletters",
            publishes=("newsletter.unsubscribed",),
            # Welcome mail, order confirmation, shipping notice, basket reminder.
            consumes=("user.registered", "order.placed", "delivery.shipped", "basket.abandoned"),
            calls=("contacts",),
            egress=(SMTP,),
        ),
        Service(
            name="sav",
            summary="Customer support: tickets and FAQ",
            route_prefix="/api/sav",
            publishes=("ticket.opened",),
            calls=("orders", "contacts"),
            egress=(SMTP,),
        ),
        Service(
            name="questions",
            summary="Product Q&A and customer reviews",
            route_prefix="/api/questions",
            publishes=("review.published",),
            # Invites a review once the parcel is delivered.
            consumes=("delivery.delivered",),
            calls=("products",),
        ),
        Service(
            name="contacts",
            summary="Contact management and CRM",
            route_prefix="/api/contacts",
            consumes=("user.registered", "order.placed", "ticket.opened", "newsletter.unsubscribed"),
        ),
        Service(
            name="websites",
            summary="Multi-site configuration",
            route_prefix="/api/websites",
            publishes=("website.updated",),
        ),
    )
)
