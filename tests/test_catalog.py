"""The service catalog: the shop's 12 services, realistic flows, and refused mistakes.

Only the first test names the twelve (the user's list); the others test properties, so that
adding a service as README says breaks none of them."""

from __future__ import annotations

import dataclasses
import json

import pytest

from ecommerce.derived.wiring import wire
from ecommerce.errors import ConfigError
from ecommerce.model.catalog import CATALOG, SMTP, Call, Catalog, ExternalEndpoint, RedisUsage, Service
from ecommerce.model.environments import DEV

SHOP = [
    "api-gateway",
    "auth",
    "products",
    "baskets",
    "orders",
    "addresses",
    "deliveries",
    "newsletters",
    "sav",
    "questions",
    "contacts",
    "websites",
]


def test_the_twelve_services():
    """The user's twelve, in their order; services added since come after them."""
    assert list(CATALOG.names)[: len(SHOP)] == SHOP


def test_every_service_owns_a_schema():
    assert all(CATALOG.get(name).database for name in SHOP)
    owners = [service for service in CATALOG if service.database]
    assert len({service.schema for service in owners}) == len(owners)
    assert all(service.schema == service.name.replace("-", "_") for service in CATALOG)


def test_redis_users_and_purposes():
    purposes = {service.name: {usage.purpose for usage in service.redis} for service in CATALOG if service.uses_redis}
    assert purposes["auth"] == {"sessions"}
    assert purposes["baskets"] == {"carts"}


def test_rabbitmq_users_include_the_core_flow():
    users = {service.name for service in CATALOG.rabbitmq_users}
    assert {"api-gateway", "auth", "products", "baskets", "orders", "deliveries", "newsletters"} <= users


def test_gateway_routes_to_every_other_service():
    gateway = CATALOG.gateway
    assert gateway.route_prefix == "/"
    routed = {service.name for _, service in CATALOG.routes}
    assert routed == set(CATALOG.names) - {gateway.name}
    assert {call.service for call in gateway.call_targets if call.port == "http"} >= routed
    assert len({service.route_prefix for service in CATALOG}) == len(CATALOG)


def test_routes_put_the_longest_prefix_first():
    prefixes = [prefix for prefix, _ in CATALOG.routes]
    assert sorted(prefixes, key=len, reverse=True) == prefixes


def with_service(**fields) -> Catalog:
    return Catalog(
        (*CATALOG.services, Service(**{"name": "loyalty", "summary": "Points", "route_prefix": "/api/loyalty"} | fields))
    )


def test_a_new_service_is_routed_without_listing_it_in_the_gateways_calls():
    catalog = with_service()
    assert ("/api/loyalty", catalog.get("loyalty")) in catalog.routes
    assert Call("loyalty") in catalog.gateway.call_targets
    assert [caller.name for caller, _ in catalog.callers_of("loyalty")] == [catalog.gateway.name]


def test_a_route_also_listed_in_the_gateways_calls_is_called_once():
    gateway = dataclasses.replace(CATALOG.gateway, calls=("auth", "auth:metrics"))
    catalog = Catalog(tuple(gateway if s.is_entry_point else s for s in CATALOG.services))
    assert catalog.gateway.call_targets.count(Call("auth")) == 1
    assert Call("auth", "metrics") in catalog.gateway.call_targets


def test_the_gateway_is_told_its_routes():
    catalog = with_service(route_prefix="/api/orders/loyalty")
    routes = json.loads(wire(catalog.gateway, DEV, catalog).settings["ROUTES"])
    assert routes == {service.route_prefix: f"http://{service.name}.{DEV.namespace}.svc" for _, service in catalog.routes}
    # The longest match wins: the nested prefix comes before /api/orders.
    assert list(routes).index("/api/orders/loyalty") < list(routes).index("/api/orders")
    assert "ROUTES" not in wire(catalog.get("orders"), DEV, catalog).settings


@pytest.mark.parametrize(
    ("event", "publisher", "consumers"),
    [
        # Checkout reserves stock, which places the order...
        ("basket.checked_out", "baskets", {"products"}),
        ("stock.reserved", "products", {"orders"}),
        # ...which starts a delivery, a confirmation mail, a CRM entry and empties the basket.
        ("order.placed", "orders", {"deliveries", "newsletters", "contacts", "baskets"}),
        ("order.cancelled", "orders", {"products", "deliveries"}),
        ("delivery.shipped", "deliveries", {"orders", "newsletters"}),
        ("user.registered", "auth", {"newsletters", "contacts"}),
    ],
)
def test_realistic_event_flows(event, publisher, consumers):
    assert publisher in [service.name for service in CATALOG.publishers_of(event)]
    # At least these: a new service may subscribe too.
    assert consumers <= {service.name for service in CATALOG.consumers_of(event)}


def test_every_published_event_has_a_consumer():
    assert all(CATALOG.consumers_of(event) for event in CATALOG.events)
    with pytest.raises(
        ConfigError, match=r"sav: publishes: event 'ticket.closed' is consumed by no service: it would be dropped"
    ):
        Catalog(replaced("sav", publishes=("ticket.opened", "ticket.closed")))


def test_mail_senders_reach_smtp_only():
    senders = {service.name for service in CATALOG if any(endpoint.name == "smtp" for endpoint in service.egress)}
    assert {"newsletters", "sav"} <= senders
    assert all(endpoint == SMTP for service in CATALOG for endpoint in service.egress if endpoint.name == "smtp")


def replaced(target: str, **changes) -> tuple[Service, ...]:
    return tuple(dataclasses.replace(s, **changes) if s.name == target else s for s in CATALOG.services)


@pytest.mark.parametrize(
    ("services", "message"),
    [
        ((*CATALOG.services, dataclasses.replace(CATALOG.get("sav"), route_prefix="/api/sav2")), r"sav: duplicate service name"),
        (replaced("sav", route_prefix="/api/orders"), r"sav: route_prefix: '/api/orders' is already the route of orders"),
        (replaced("sav", calls=("billing",)), r"sav: calls: depends on unknown service 'billing' \(known: addresses,"),
        (replaced("sav", calls=("orders:grpc",)), r"sav: calls: orders has no port named 'grpc' \(it has: http, metrics\)"),
        (replaced("sav", calls=("sav",)), r"sav: calls: a service does not call itself"),
        (replaced("sav", http_port=70000), r"sav: http_port: port out of range: 70000 \(allowed: 1024-65535, unprivileged\)"),
        (replaced("sav", http_port=80), r"sav: http_port: port out of range: 80"),
        (replaced("sav", metrics_port=8080), r"sav: metrics_port: same as http_port 8080"),
        (replaced("sav", name="SAV"), r"SAV: invalid service name 'SAV' \(lower-case letters, digits and dashes"),
        (replaced("sav", consumes=("refund.issued",)), r"sav: consumes: event 'refund.issued' is published by no service"),
        (
            replaced("websites", consumes=("website.updated",)),
            r"websites: consumes: consumes its own event 'website.updated'; handle it in-process instead",
        ),
        (replaced("sav", publishes=("TicketOpened",)), r"sav: events: invalid event name 'TicketOpened'"),
        (replaced("sav", redis=(RedisUsage("sessions", 0),)), r"sav: redis: database 0 is already used by auth"),
        (replaced("sav", redis=(RedisUsage("blobs", 9),)), r"sav: redis: unknown purpose 'blobs'"),
        (replaced("sav", egress=(ExternalEndpoint("smtp", 0),)), r"sav: egress smtp: port out of range: 0"),
        (replaced("sav", settings={"lowercase": "x"}), r"sav: settings: invalid variable name 'lowercase'"),
    ],
)
def test_catalog_mistakes_name_service_and_field(services, message):
    with pytest.raises(ConfigError, match=r"^constructs/ecommerce/model/catalog.py: " + message):
        Catalog(services)


def test_shared_secret_must_be_owned():
    with pytest.raises(ConfigError, match=r"sav: secrets: auth does not own a secret 'SMTP_PASSWORD' to share"):
        Catalog(replaced("sav", secrets=("auth:SMTP_PASSWORD",)))
    with pytest.raises(ConfigError, match=r"sav: secrets: KEY is shared by unknown service 'billing'"):
        Catalog(replaced("sav", secrets=("billing:KEY",)))


def test_gateway_verifies_with_the_public_key_auth_owns():
    assert CATALOG.gateway.secret_refs == (("auth", "JWT_PUBLIC_KEY"),)


def test_exactly_one_public_entry_point():
    with pytest.raises(ConfigError, match=r"exactly one service must be routed at '/', the public entry point \(got none\)"):
        Catalog(replaced(CATALOG.gateway.name, route_prefix="/api/gateway"))
