"""The NetworkPolicies construct: renders the flows (flows.py and each component's) as
Kubernetes NetworkPolicies, each annotated with why its rules exist."""

from __future__ import annotations

from collections.abc import Mapping

from cdk8s_plus_27 import k8s
from constructs import Construct

from ecommerce.components.meta import Part, int_or_string
from ecommerce.derived.flows import Peer, Policy, Rule
from ecommerce.derived.labels import labels
from ecommerce.model.environments import Environment


class NetworkPolicies(Part):
    def __init__(self, scope: Construct, id: str, env: Environment, policies: tuple[Policy, ...]) -> None:
        super().__init__(scope, id, env)
        for policy in policies:
            k8s.KubeNetworkPolicy(
                self,
                f"{policy.namespace}-{policy.name}",
                metadata=self.meta(
                    policy.name,
                    labels(env, policy.owner, policy.component),
                    policy.namespace,
                    annotations=_explanation(policy),
                ),
                spec=k8s.NetworkPolicySpec(
                    pod_selector=_selector(policy.pods, policy.pods_having, policy.pods_lacking),
                    policy_types=list(policy.types),
                    # No rule at all denies everything in that direction.
                    ingress=[_ingress(rule, policy.namespace) for rule in policy.ingress] or None,
                    egress=[_egress(rule, policy.namespace) for rule in policy.egress] or None,
                ),
            )


def _explanation(policy: Policy) -> dict[str, str] | None:
    """Why each rule exists, since a NetworkPolicy has nowhere else to say it."""
    reasons = [f"ingress: {rule.reason}" for rule in policy.ingress] + [f"egress: {rule.reason}" for rule in policy.egress]
    return {"e-commerce/allows": "; ".join(reasons)} if reasons else None


def _peer(peer: Peer, own_namespace: str) -> k8s.NetworkPolicyPeer:
    if peer.cidr is not None:
        return k8s.NetworkPolicyPeer(ip_block=k8s.IpBlock(cidr=peer.cidr, except_=list(peer.excluded) or None))
    namespace = peer.namespace or own_namespace
    return k8s.NetworkPolicyPeer(
        namespace_selector=k8s.LabelSelector(match_labels={"kubernetes.io/metadata.name": namespace}),
        pod_selector=_selector(peer.pods, peer.having, peer.lacking),
    )


def _selector(pods: Mapping[str, str] | None, having: tuple[str, ...], lacking: tuple[str, ...]) -> k8s.LabelSelector:
    expressions = [k8s.LabelSelectorRequirement(key=key, operator="Exists") for key in having]
    expressions += [k8s.LabelSelectorRequirement(key=key, operator="DoesNotExist") for key in lacking]
    return k8s.LabelSelector(match_labels=dict(pods) if pods else None, match_expressions=expressions or None)


def _ports(rule: Rule) -> list[k8s.NetworkPolicyPort] | None:
    if not rule.ports:
        return None
    return [k8s.NetworkPolicyPort(port=int_or_string(p.port), end_port=p.end_port, protocol=p.protocol) for p in rule.ports]


def _ingress(rule: Rule, namespace: str) -> k8s.NetworkPolicyIngressRule:
    return k8s.NetworkPolicyIngressRule(from_=[_peer(peer, namespace) for peer in rule.peers], ports=_ports(rule))


def _egress(rule: Rule, namespace: str) -> k8s.NetworkPolicyEgressRule:
    return k8s.NetworkPolicyEgressRule(to=[_peer(peer, namespace) for peer in rule.peers], ports=_ports(rule))
