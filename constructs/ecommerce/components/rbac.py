"""Access for people. No workload of the platform calls the Kubernetes API, so none has a
Role; developers get a read-only Role in the application namespace, plus exec and
port-forward where the environment allows debugging in place."""

from __future__ import annotations

from cdk8s_plus_27 import k8s
from constructs import Construct

from ecommerce.components.meta import Part
from ecommerce.derived.labels import labels
from ecommerce.model.environments import Environment

DEVELOPERS_GROUP = "e-commerce:developers"
READ_ONLY = (
    ("", ("pods", "pods/log", "services", "endpoints", "configmaps", "events", "serviceaccounts", "persistentvolumeclaims")),
    ("apps", ("deployments", "replicasets", "statefulsets")),
    ("batch", ("jobs", "cronjobs")),
    ("autoscaling", ("horizontalpodautoscalers",)),
    ("policy", ("poddisruptionbudgets",)),
    ("networking.k8s.io", ("networkpolicies",)),
)


class DeveloperAccess(Part):
    def __init__(self, scope: Construct, id: str, env: Environment) -> None:
        super().__init__(scope, id, env)
        rules = [
            k8s.PolicyRule(api_groups=[group], resources=list(resources), verbs=["get", "list", "watch"])
            for group, resources in READ_ONLY
        ]
        if env.developer_exec:
            rules.append(k8s.PolicyRule(api_groups=[""], resources=["pods/exec", "pods/portforward"], verbs=["create"]))
        access_labels = labels(env, "developers", "rbac")
        k8s.KubeRole(
            self,
            "role",
            metadata=self.meta("e-commerce-developer", access_labels, env.namespace),
            rules=rules,
        )
        k8s.KubeRoleBinding(
            self,
            "binding",
            metadata=self.meta("e-commerce-developers", access_labels, env.namespace),
            role_ref=k8s.RoleRef(api_group="rbac.authorization.k8s.io", kind="Role", name="e-commerce-developer"),
            subjects=[k8s.Subject(api_group="rbac.authorization.k8s.io", kind="Group", name=DEVELOPERS_GROUP)],
        )
