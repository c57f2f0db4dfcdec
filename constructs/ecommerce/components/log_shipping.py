"""The optional log shipper: a Fluent Bit DaemonSet forwarding every container's log to an aggregator.

Built only where the environment sets `log_shipping` (off everywhere by default). Fluent Bit
tails the kubelet's log files on each node, parses the CRI line and then our JSON object,
adds each pod's labels with the kubernetes filter and forwards the records over TLS.

It needs what the platform's AppProject refuses by design (a ClusterRole and its binding, a
namespace outside the platform's, at Pod Security "privileged"), so it is a chart of its own,
written to its own file of dist/<env> (CHART_FILE): Argo CD syncs it with an Application of the add-ons'
project (components/argocd.py), which the platform's Application leaves out; `make deploy` applies it,
like every file of dist/<env>, in file-name order, after the monitoring wave.
"""

from __future__ import annotations

from cdk8s_plus_27 import k8s
from constructs import Construct

from ecommerce.components.meta import Part
from ecommerce.components.namespaces import PSS_VERSION
from ecommerce.components.pods import resources
from ecommerce.derived.flows import API_SERVER_PORTS
from ecommerce.derived.labels import labels, selector
from ecommerce.derived.waves import WAVES
from ecommerce.model.environments import Environment, LogShipping, Resources
from ecommerce.model.installed_add_ons import KUBE_DNS

NAME = "fluent-bit"
COMPONENT = "log-shipping"
# After the last of the platform's waves (waves.py), whose files `make deploy` applies in name order.
CHART = f"{len(WAVES)}0-log-shipping"
CHART_FILE = f"{CHART}.k8s.yaml"
HTTP_PORT = 2020
SIZES = Resources(cpu_request="50m", memory_request="64Mi", cpu_limit="200m", memory_limit="128Mi")
# Where the agent keeps how far it read each file, so a restart neither loses nor repeats lines.
STATE_DIR = "/var/lib/fluent-bit"
# The agent reads pods' metadata only: no Secret, ConfigMap or write verb.
READ_ONLY = ("get", "list", "watch")
METADATA_RESOURCES = ("pods", "namespaces")

PARSERS = """\
[PARSER]
    Name        cri
    Format      regex
    Regex       ^(?<time>[^ ]+) (?<stream>stdout|stderr) (?<logtag>[^ ]*) (?<log>.*)$
    Time_Key    time
    Time_Format %Y-%m-%dT%H:%M:%S.%L%z

# Our services' lines: one JSON object with `timestamp` (RFC 3339) as the record time.
[PARSER]
    Name        json
    Format      json
    Time_Key    timestamp
    Time_Format %Y-%m-%dT%H:%M:%S.%L%z
    Time_Keep   On
"""


def _config(shipping: LogShipping) -> str:
    return f"""\
[SERVICE]
    Flush         5
    Log_Level     info
    Parsers_File  parsers.conf
    HTTP_Server   On
    HTTP_Listen   0.0.0.0
    HTTP_Port     {HTTP_PORT}
    Health_Check  On

[INPUT]
    Name              tail
    Tag               kube.*
    Path              /var/log/containers/*.log
    multiline.parser  cri
    DB                {STATE_DIR}/tail.db
    Mem_Buf_Limit     16MB
    Skip_Long_Lines   On

# Pod labels and annotations; the pod's fluentbit.io/parser annotation (json on our
# services) picks the parser of the log field.
[FILTER]
    Name                 kubernetes
    Match                kube.*
    Merge_Log            On
    Keep_Log             Off
    K8S-Logging.Parser   On
    K8S-Logging.Exclude  On
    Labels               On
    Annotations          Off

[OUTPUT]
    Name          forward
    Match         kube.*
    Host          {shipping.output_host}
    Port          {shipping.output_port}
    tls           On
    tls.verify    On
"""


class LogShipper(Part):
    def __init__(self, scope: Construct, id: str, env: Environment) -> None:
        super().__init__(scope, id, env)
        shipping = env.log_shipping
        if shipping is None:
            raise ValueError(f"{env.name}: log_shipping is not set")
        namespace = shipping.namespace
        own = labels(env, NAME, COMPONENT)
        pods = selector(env, NAME)
        # It mounts the node's /var/log (hostPath), which both "baseline" and "restricted"
        # forbid, and runs as root to read the kubelet's 0640 root-owned log files: only
        # "privileged" admits it. Everything else of the restricted profile it still meets
        # (no privilege escalation, no capability, RuntimeDefault seccomp, read-only mounts
        # of the host), and warn/audit keep reporting against "restricted".
        namespace_labels = labels(env, namespace, COMPONENT) | {
            "kubernetes.io/metadata.name": namespace,
            "pod-security.kubernetes.io/enforce": "privileged",
            "pod-security.kubernetes.io/enforce-version": PSS_VERSION,
            "pod-security.kubernetes.io/audit": "restricted",
            "pod-security.kubernetes.io/audit-version": "latest",
            "pod-security.kubernetes.io/warn": "restricted",
            "pod-security.kubernetes.io/warn-version": "latest",
        }
        k8s.KubeNamespace(self, "namespace", metadata=self.meta(namespace, namespace_labels))
        self.service_account(NAME, own, namespace)
        k8s.KubeClusterRole(
            self,
            "cluster-role",
            metadata=self.meta(f"{namespace}-{NAME}", own),
            rules=[k8s.PolicyRule(api_groups=[""], resources=list(METADATA_RESOURCES), verbs=list(READ_ONLY))],
        )
        k8s.KubeClusterRoleBinding(
            self,
            "cluster-role-binding",
            metadata=self.meta(f"{namespace}-{NAME}", own),
            role_ref=k8s.RoleRef(api_group="rbac.authorization.k8s.io", kind="ClusterRole", name=f"{namespace}-{NAME}"),
            subjects=[k8s.Subject(kind="ServiceAccount", name=NAME, namespace=namespace)],
        )
        k8s.KubeConfigMap(
            self,
            "config",
            metadata=self.meta(NAME, own, namespace),
            data={"fluent-bit.conf": _config(shipping), "parsers.conf": PARSERS},
        )
        self._daemon_set(shipping, own, pods)
        self._network_policy(shipping, own, pods)

    def _daemon_set(self, shipping: LogShipping, own: dict[str, str], pods: dict[str, str]) -> None:
        def host(name: str, path: str, kind: str) -> k8s.Volume:
            return k8s.Volume(name=name, host_path=k8s.HostPathVolumeSource(path=path, type=kind))

        container = k8s.Container(
            name=NAME,
            image=shipping.image,
            image_pull_policy="IfNotPresent",
            args=["--config=/fluent-bit/etc/fluent-bit.conf"],
            ports=[k8s.ContainerPort(name="http", container_port=HTTP_PORT)],
            resources=resources(SIZES),
            liveness_probe=k8s.Probe(
                http_get=k8s.HttpGetAction(path="/", port=k8s.IntOrString.from_string("http")), period_seconds=30
            ),
            readiness_probe=k8s.Probe(
                http_get=k8s.HttpGetAction(path="/api/v1/health", port=k8s.IntOrString.from_string("http")),
                period_seconds=10,
            ),
            security_context=k8s.SecurityContext(
                allow_privilege_escalation=False,
                read_only_root_filesystem=True,
                privileged=False,
                # Root only to read the kubelet's root-owned 0640 files; no capability at all.
                run_as_user=0,
                run_as_non_root=False,
                capabilities=k8s.Capabilities(drop=["ALL"]),
                seccomp_profile=k8s.SeccompProfile(type="RuntimeDefault"),
            ),
            volume_mounts=[
                k8s.VolumeMount(name="config", mount_path="/fluent-bit/etc", read_only=True),
                k8s.VolumeMount(name="var-log", mount_path="/var/log", read_only=True),
                k8s.VolumeMount(name="state", mount_path=STATE_DIR),
            ],
        )
        k8s.KubeDaemonSet(
            self,
            "daemon-set",
            metadata=self.meta(NAME, own, shipping.namespace),
            spec=k8s.DaemonSetSpec(
                selector=k8s.LabelSelector(match_labels=pods),
                update_strategy=k8s.DaemonSetUpdateStrategy(type="RollingUpdate"),
                template=k8s.PodTemplateSpec(
                    metadata=k8s.ObjectMeta(labels=own),
                    spec=k8s.PodSpec(
                        service_account_name=NAME,
                        # The kubernetes filter asks the API server for pod metadata.
                        automount_service_account_token=True,
                        enable_service_links=False,
                        priority_class_name="system-node-critical",
                        # Every node, control-plane and tainted ones included: their pods log too.
                        tolerations=[k8s.Toleration(operator="Exists")],
                        security_context=k8s.PodSecurityContext(seccomp_profile=k8s.SeccompProfile(type="RuntimeDefault")),
                        containers=[container],
                        volumes=[
                            k8s.Volume(name="config", config_map=k8s.ConfigMapVolumeSource(name=NAME)),
                            host("var-log", "/var/log", "Directory"),
                            host("state", STATE_DIR, "DirectoryOrCreate"),
                        ],
                    ),
                ),
            ),
        )

    def _network_policy(self, shipping: LogShipping, own: dict[str, str], pods: dict[str, str]) -> None:
        def port(number: int, protocol: str = "TCP") -> k8s.NetworkPolicyPort:
            return k8s.NetworkPolicyPort(port=k8s.IntOrString.from_number(number), protocol=protocol)

        k8s.KubeNetworkPolicy(
            self,
            "network-policy",
            metadata=self.meta(NAME, labels(self.env, NAME, "network-policy"), shipping.namespace),
            spec=k8s.NetworkPolicySpec(
                pod_selector=k8s.LabelSelector(match_labels=pods),
                policy_types=["Ingress", "Egress"],
                # Nothing reaches it; it reaches its aggregator, the API server (pod metadata)
                # and kube-dns (the aggregator's name), and nothing else.
                ingress=[],
                egress=[
                    k8s.NetworkPolicyEgressRule(
                        to=[k8s.NetworkPolicyPeer(ip_block=k8s.IpBlock(cidr=shipping.output_cidr))],
                        ports=[port(shipping.output_port)],
                    ),
                    k8s.NetworkPolicyEgressRule(
                        to=[
                            k8s.NetworkPolicyPeer(ip_block=k8s.IpBlock(cidr=cidr))
                            for cidr in self.env.target_cluster.infrastructure
                        ],
                        ports=[port(number) for number in API_SERVER_PORTS],
                    ),
                    k8s.NetworkPolicyEgressRule(
                        to=[
                            k8s.NetworkPolicyPeer(
                                namespace_selector=k8s.LabelSelector(
                                    match_labels={"kubernetes.io/metadata.name": KUBE_DNS.namespace}
                                ),
                                pod_selector=k8s.LabelSelector(match_labels=dict(KUBE_DNS.pods)),
                            )
                        ],
                        ports=[port(53, "UDP"), port(53, "TCP")],
                    ),
                ],
            ),
        )
