"""syrupy snapshots of single constructs, small enough to read in a review: one Microservice,
MySQL and Redis in each environment's mode, the RabbitMQ cluster and topology of a small
catalog, one service's network policies.

The whole output is compared byte for byte with the committed dist/ (test_dist.py), so these
exist for the reviewer: a change to a construct shows here as the YAML it now writes. Update
deliberately with `.venv/bin/python -m pytest tests/test_snapshots.py --snapshot-update`.
"""

from __future__ import annotations

import dataclasses

import pytest
import yaml

from ecommerce.components.network_policies import NetworkPolicies
from ecommerce.model.catalog import CATALOG, Catalog
from ecommerce.model.environments import DEV, ENVIRONMENTS, PROD
from ecommerce.pipeline.platform import network_policies

from . import test_microservice, test_mysql, test_rabbitmq, test_redis
from .helpers import synth


def as_yaml(objects: list[dict]) -> str:
    return yaml.safe_dump_all(objects, sort_keys=False, width=120)


def test_one_microservice(snapshot):
    assert as_yaml(list(test_microservice.synth(PROD, "orders").values())) == snapshot


@pytest.mark.parametrize("env", list(ENVIRONMENTS.values()), ids=lambda env: f"{env.name}-{env.database.mode.value}")
def test_mysql_in_each_mode(snapshot, env):
    assert as_yaml(test_mysql.build(env)) == snapshot


@pytest.mark.parametrize("env", list(ENVIRONMENTS.values()), ids=lambda env: f"{env.name}-{env.cache.mode.value}")
def test_redis_in_each_mode(snapshot, env):
    assert as_yaml(test_redis.build(env)) == snapshot


def test_rabbitmq_cluster_and_topology_of_a_small_catalog(snapshot):
    """The entry point, orders publishing order.placed and deliveries consuming it: one exchange,
    one queue and its binding, a user and permission each for the two that use messaging."""
    small = Catalog(
        (
            dataclasses.replace(CATALOG.gateway, calls=(), publishes=(), consumes=(), secrets=()),
            dataclasses.replace(CATALOG.get("orders"), calls=(), publishes=("order.placed",), consumes=()),
            dataclasses.replace(CATALOG.get("deliveries"), calls=(), publishes=(), consumes=("order.placed",)),
        )
    )
    assert as_yaml(test_rabbitmq.build(DEV, small)) == snapshot


def test_one_services_network_policies(snapshot):
    orders = tuple(policy for policy in network_policies(PROD, CATALOG) if policy.owner == "orders")
    assert orders
    assert as_yaml(synth(lambda scope: NetworkPolicies(scope, "network-policies", PROD, orders))) == snapshot
