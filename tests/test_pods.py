"""The builders the constructs share (components/pods.py)."""

from __future__ import annotations

import cdk8s
from cdk8s_plus_27 import k8s

from ecommerce.components.pods import anti_affinity, typed
from imports.rabbitmq_clusters.com import rabbitmq as clusters

MATCH = {"app.kubernetes.io/name": "x"}


def test_one_anti_affinity_written_the_same_into_typed_core_and_custom_resources():
    """The operators' untyped pod specs take the plain value; typed objects, cdk8s-plus's core
    types and an imported CRD's own, take it through `typed`, and write it unchanged."""
    chart = cdk8s.Testing.chart()
    k8s.KubePod(
        chart, "pod", spec=k8s.PodSpec(containers=[k8s.Container(name="app")], affinity=typed(k8s.Affinity, anti_affinity(MATCH)))
    )
    clusters.RabbitmqCluster(
        chart,
        "cluster",
        spec=clusters.RabbitmqClusterSpec(affinity=typed(clusters.RabbitmqClusterSpecAffinity, anti_affinity(MATCH))),
    )
    pod, cluster = cdk8s.Testing.synth(chart)
    assert pod["spec"]["affinity"] == cluster["spec"]["affinity"] == anti_affinity(MATCH)


def test_the_value_says_one_pod_per_node_and_prefers_spreading_over_zones():
    terms = anti_affinity(MATCH)["podAntiAffinity"]
    (required,) = terms["requiredDuringSchedulingIgnoredDuringExecution"]
    (preferred,) = terms["preferredDuringSchedulingIgnoredDuringExecution"]
    assert required == {"labelSelector": {"matchLabels": MATCH}, "topologyKey": "kubernetes.io/hostname"}
    assert preferred["podAffinityTerm"]["topologyKey"] == "topology.kubernetes.io/zone"
