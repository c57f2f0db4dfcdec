"""The edge's network policies: Let's Encrypt reaches cert-manager's HTTP-01 solver pods,
beside each Certificate, through Traefik."""

from __future__ import annotations

from ecommerce.derived.flows import Policy, Rule, ports, traefik
from ecommerce.model.environments import Environment
from ecommerce.model.installed_add_ons import ACME_SOLVER_PODS, ACME_SOLVER_PORT


def acme_solver_policies(env: Environment) -> list[Policy]:
    """cert-manager answers HTTP-01 challenges from pods beside each Certificate."""
    namespaces = [env.namespace]
    if env.admin_source_ranges:
        namespaces += [env.monitoring_namespace, env.messaging_namespace]
    return [
        Policy(
            "acme-http01-solver",
            namespace,
            ACME_SOLVER_PODS,
            ingress=(Rule((traefik(env),), ports(ACME_SOLVER_PORT), "Let's Encrypt reaches the solver through Traefik"),),
            component="tls",
            owner="cert-manager",
            types=("Ingress",),
        )
        for namespace in namespaces
    ]
