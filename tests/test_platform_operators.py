"""The objects the operators create at run time, as modelled in tests/platform/operators.py.

Each environment's custom resources must yield valid Kubernetes objects with the labels, ports and
security settings the operators give them, and a change to a custom resource must show up in them.
"""

from __future__ import annotations

import copy
import zlib

import kubernetes_validate
import pytest
from kubernetes_validate.utils import ValidationError

from ecommerce.model.environments import ENVIRONMENTS
from tests.platform.operators import MODELLED_FROM, Rejected, UnmodelledSpec, operator_objects

ENVS = list(ENVIRONMENTS)
UPSTREAMS = ("mysql/mysql-operator@9.1.0-2.2.2:", "rabbitmq/cluster-operator@v2.22.3:", "cert-manager/cert-manager@v1.21.1:")


@pytest.fixture(scope="module")
def modelled(documents: dict[str, list[dict]]) -> dict[str, list[dict]]:
    return {env: operator_objects(docs) for env, docs in documents.items()}


def of_kind(docs: list[dict], kind: str) -> list[dict]:
    return [doc for doc in docs if doc["kind"] == kind]


def named(objects: list[dict], kind: str, name: str) -> dict:
    matches = [obj for obj in objects if obj["kind"] == kind and obj["metadata"]["name"] == name]
    assert len(matches) == 1, f"expected one {kind}/{name}, found {len(matches)}"
    return matches[0]


def env_with(documents: dict[str, list[dict]], kind: str) -> tuple[list[dict], dict]:
    """The documents of the first environment that has a `kind`, and that object."""
    for docs in documents.values():
        if of_kind(docs, kind):
            return docs, of_kind(docs, kind)[0]
    pytest.fail(f"no environment has a {kind}")


def replaced(docs: list[dict], old: dict, new: dict) -> list[dict]:
    return [new if doc is old else doc for doc in docs]


def pod_spec(obj: dict) -> dict:
    if obj["kind"] == "Pod":
        return obj["spec"]
    if obj["kind"] == "CronJob":
        return obj["spec"]["jobTemplate"]["spec"]["template"]["spec"]
    return obj["spec"]["template"]["spec"]


def pod_labels(obj: dict) -> dict:
    return obj["metadata"]["labels"] if obj["kind"] == "Pod" else obj["spec"]["template"]["metadata"].get("labels", {})


def container(obj: dict, name: str, kind: str = "containers") -> dict:
    matches = [c for c in pod_spec(obj).get(kind, []) if c["name"] == name]
    assert len(matches) == 1, f"expected one {kind[:-1]} {name} in {obj['kind']}/{obj['metadata']['name']}"
    return matches[0]


def names(items: list[dict]) -> list[str]:
    return [item["name"] for item in items]


def port_numbers(service: dict) -> dict[str, int]:
    return {port["name"]: port["port"] for port in service["spec"]["ports"]}


# --- every environment ---------------------------------------------------------------------------------


@pytest.mark.parametrize("env", ENVS)
def test_every_modelled_object_is_valid_kubernetes(modelled: dict[str, list[dict]], env: str) -> None:
    assert modelled[env], f"{env}: the operators create nothing from its custom resources"
    for obj in modelled[env]:
        kubernetes_validate.validate(obj, "1.33", strict=True)
        assert obj["metadata"].get("namespace"), f"{obj['kind']}/{obj['metadata']['name']} has no namespace"
        assert obj["metadata"]["annotations"][MODELLED_FROM].startswith(UPSTREAMS)


def test_validation_rejects_what_the_operators_templates_say_verbatim(modelled: dict[str, list[dict]]) -> None:
    """The MySQL operator's template says `timeout:` in its probes; strict validation refuses that
    field (the API server drops it), which is why the model leaves it out."""
    statefulset = next(obj for objects in modelled.values() for obj in objects if obj["kind"] == "StatefulSet")
    broken = copy.deepcopy(statefulset)
    pod_spec(broken)["containers"][0]["readinessProbe"] = {"exec": {"command": ["true"]}, "timeout": 2}
    with pytest.raises(ValidationError):
        kubernetes_validate.validate(broken, "1.33", strict=True)


@pytest.mark.parametrize("env", ENVS)
def test_every_modelled_service_selects_modelled_pods(modelled: dict[str, list[dict]], env: str) -> None:
    workloads = [obj for obj in modelled[env] if obj["kind"] in ("StatefulSet", "Deployment", "Pod")]
    for service in (obj for obj in modelled[env] if obj["kind"] == "Service"):
        selector = service["spec"]["selector"]
        selected = [
            obj
            for obj in workloads
            if obj["metadata"]["namespace"] == service["metadata"]["namespace"]
            and all(pod_labels(obj).get(k) == v for k, v in selector.items())
        ]
        assert selected, f"{env}: Service {service['metadata']['name']} selects no modelled pod"
        # Numeric target ports need not be declared (RabbitMQ's 25672 is not); named ones must resolve.
        named_targets = {p["targetPort"] for p in service["spec"]["ports"] if isinstance(p["targetPort"], str)}
        declared = {p.get("name") for obj in selected for c in pod_spec(obj)["containers"] for p in c.get("ports", [])}
        assert named_targets <= declared, f"{env}: Service {service['metadata']['name']} targets undeclared port names"


def test_topology_operator_and_external_secrets_create_no_workloads(documents: dict[str, list[dict]]) -> None:
    docs = [
        doc
        for env_docs in documents.values()
        for doc in env_docs
        if doc["apiVersion"].startswith(("rabbitmq.com/", "external-secrets.io/")) and doc["kind"] != "RabbitmqCluster"
    ]
    assert {"Queue", "User", "ExternalSecret"} <= {doc["kind"] for doc in docs}
    assert operator_objects(docs) == []


# --- MySQL Operator --------------------------------------------------------------------------------------


@pytest.mark.parametrize("env", ENVS)
def test_innodbcluster_objects(documents: dict[str, list[dict]], modelled: dict[str, list[dict]], env: str) -> None:
    clusters = of_kind(documents[env], "InnoDBCluster")
    if not ENVIRONMENTS[env].database.operator_managed:
        assert not clusters
        assert not [obj for obj in modelled[env] if "mysql.oracle.com/cluster" in obj["metadata"].get("labels", {})]
        assert not [obj for obj in modelled[env] if obj["metadata"]["name"].startswith("mysql")]
        return
    assert clusters
    for cluster in clusters:
        name, spec, objects = cluster["metadata"]["name"], cluster["spec"], modelled[env]
        statefulset = named(objects, "StatefulSet", name)
        assert statefulset["spec"]["replicas"] == spec["instances"]
        labels = pod_labels(statefulset)
        assert {"component": "mysqld", "tier": "mysql", "mysql.oracle.com/cluster": name}.items() <= labels.items()
        assert spec.get("podLabels", {}).items() <= labels.items()
        init = ["fixdatadir"] if spec.get("datadirPermissions", {}).get("setRightsUsingInitContainer", True) else []
        assert names(pod_spec(statefulset)["initContainers"]) == [*init, "initconf", "initmysql"]
        metrics = spec.get("metrics", {}).get("enable", False)
        assert names(pod_spec(statefulset)["containers"]) == ["sidecar", "mysql", *(["metrics"] if metrics else [])]
        mysql = container(statefulset, "mysql")
        assert {p["name"]: p["containerPort"] for p in mysql["ports"]} == {"mysql": 3306, "mysqlx": 33060, "gr-xcom": 33061}
        ours = next(c for c in spec["podSpec"]["containers"] if c["name"] == "mysql")
        assert mysql["resources"] == ours["resources"]
        security = pod_spec(statefulset)["securityContext"]
        assert security["runAsUser"] == 27 and security["runAsNonRoot"] is True
        assert spec["podSpec"]["securityContext"].items() <= security.items()

        instances = named(objects, "Service", f"{name}-instances")
        assert instances["spec"]["clusterIP"] == "None"
        assert port_numbers(instances) == {
            "mysql": 3306,
            "mysqlx": 33060,
            "gr-xcom": 33061,
            **({"metrics": 9104} if metrics else {}),
        }
        router_service = named(objects, "Service", name)
        assert router_service["spec"]["type"] == spec.get("service", {}).get("type", "ClusterIP")
        assert {"mysql": 3306, "mysql-ro": 6447, "mysql-rw-split": 6450, "router-rest": 8443}.items() <= port_numbers(
            router_service
        ).items()
        router = named(objects, "Deployment", f"{name}-router")
        assert router["spec"]["replicas"] == spec["router"]["instances"]
        assert pod_labels(router)["component"] == "mysqlrouter"
        assert {p["containerPort"] for p in container(router, "router")["ports"]} == {6446, 6447, 6448, 6449, 6450, 8443}


def test_innodbcluster_changes_propagate(documents: dict[str, list[dict]]) -> None:
    docs, cluster = env_with(documents, "InnoDBCluster")
    name = cluster["metadata"]["name"]
    changed = copy.deepcopy(cluster)
    changed["spec"].update(instances=5, service={"type": "LoadBalancer"}, metrics={"enable": False})
    changed["spec"]["router"]["instances"] = 3
    changed["spec"]["datadirPermissions"] = {"setRightsUsingInitContainer": True}
    objects = operator_objects(replaced(docs, cluster, changed))

    statefulset = named(objects, "StatefulSet", name)
    assert statefulset["spec"]["replicas"] == 5
    fixdatadir = container(statefulset, "fixdatadir", "initContainers")
    assert fixdatadir["securityContext"]["runAsUser"] == 0
    assert fixdatadir["securityContext"]["capabilities"]["add"] == ["CHOWN", "FOWNER"]
    assert "fsGroupChangePolicy" not in pod_spec(statefulset)["securityContext"]
    assert "metrics" not in names(pod_spec(statefulset)["containers"])
    assert "metrics" not in port_numbers(named(objects, "Service", f"{name}-instances"))
    assert named(objects, "Service", name)["spec"]["type"] == "LoadBalancer"
    assert named(objects, "Deployment", f"{name}-router")["spec"]["replicas"] == 3

    changed["spec"]["router"]["instances"] = 0
    changed["spec"]["readReplicas"] = [{"name": "ro", "instances": 2}]
    objects = operator_objects(replaced(docs, cluster, changed))
    assert not [obj for obj in objects if obj["kind"] == "Deployment"]
    replica = named(objects, "StatefulSet", f"{name}-ro")
    assert replica["spec"]["replicas"] == 2
    assert pod_labels(replica)["mysql.oracle.com/instance-type"] == "read-replica"
    assert pod_labels(replica)["mysql.oracle.com/read-replica"] == f"{name}-ro"
    assert named(objects, "Service", f"{name}-ro-instances")["spec"]["selector"].items() <= pod_labels(replica).items()
    assert not named(objects, "Service", f"{name}-instances")["spec"]["selector"].items() <= pod_labels(replica).items()


def test_innodbcluster_pod_spec_merges_by_name_like_the_operator(documents: dict[str, list[dict]]) -> None:
    docs, cluster = env_with(documents, "InnoDBCluster")
    changed = copy.deepcopy(cluster)
    sidecar_resources = {"requests": {"cpu": "50m", "memory": "128Mi"}, "limits": {"cpu": "200m", "memory": "256Mi"}}
    changed["spec"]["podSpec"] = {
        "securityContext": {"runAsUser": 1000},
        "containers": [{"name": "sidecar", "resources": sidecar_resources}, {"name": "extra", "image": "busybox"}],
        "tolerations": [{"key": "dedicated", "operator": "Exists"}],
    }
    statefulset = named(operator_objects(replaced(docs, cluster, changed)), "StatefulSet", cluster["metadata"]["name"])
    spec = pod_spec(statefulset)
    assert spec["securityContext"]["runAsUser"] == 1000 and spec["securityContext"]["fsGroup"] == 27
    assert names(spec["containers"])[:2] == ["sidecar", "mysql"] and names(spec["containers"])[-1] == "extra"
    assert container(statefulset, "sidecar")["resources"] == sidecar_resources
    assert container(statefulset, "sidecar")["command"][:2] == ["mysqlsh", "--pym"]
    assert "resources" not in container(statefulset, "mysql")
    assert spec["tolerations"] == [{"key": "dedicated", "operator": "Exists"}]

    changed["spec"]["podSpec"] = {"containers": [{"image": "no-name"}]}
    with pytest.raises(Rejected):
        operator_objects(replaced(docs, cluster, changed))


def test_innodbcluster_backup_schedule_gives_a_cronjob_and_a_job(documents: dict[str, list[dict]]) -> None:
    docs, cluster = env_with(documents, "InnoDBCluster")
    name = cluster["metadata"]["name"]
    changed = copy.deepcopy(cluster)
    changed["spec"]["backupProfiles"] = [
        {
            "name": "to-pvc",
            "podLabels": {"backup": "yes"},
            "dumpInstance": {"storage": {"persistentVolumeClaim": {"claimName": "dumps"}}},
        }
    ]
    changed["spec"]["backupSchedules"] = [
        {"name": "nightly", "schedule": "0 3 * * *", "backupProfileName": "to-pvc", "enabled": True},
        {"name": "paused", "schedule": "0 4 * * *", "backupProfileName": "to-pvc", "enabled": False},
    ]
    objects = operator_objects(replaced(docs, cluster, changed))
    for obj in objects:
        kubernetes_validate.validate(obj, "1.33", strict=True)
    nightly = named(objects, "CronJob", f"{name}-nightly-cb")
    assert nightly["spec"]["suspend"] is False and nightly["spec"]["schedule"] == "0 3 * * *"
    assert nightly["spec"]["jobTemplate"]["spec"]["template"]["metadata"]["labels"] == {"backup": "yes"}
    assert named(objects, "CronJob", f"{name}-paused-cb")["spec"]["suspend"] is True
    jobs = of_kind(objects, "Job")
    assert [job["metadata"]["name"][: len(name) + 8] for job in jobs] == [f"{name}-nightly"]
    job = jobs[0]
    assert {v["name"]: v for v in pod_spec(job)["volumes"]}["tmp-storage"]["persistentVolumeClaim"] == {"claimName": "dumps"}
    # The operator's dump-directory fixer runs as root.
    assert container(job, "fixdumpdir", "initContainers")["securityContext"] == {"runAsUser": 0}

    changed["spec"]["backupSchedules"][0]["backupProfileName"] = "missing"
    with pytest.raises(Rejected):
        operator_objects(replaced(docs, cluster, changed))


def test_mysqlbackup_gives_a_job(documents: dict[str, list[dict]]) -> None:
    docs, cluster = env_with(documents, "InnoDBCluster")
    backup = {
        "apiVersion": "mysql.oracle.com/v2",
        "kind": "MySQLBackup",
        "metadata": {"name": "adhoc", "namespace": cluster["metadata"]["namespace"]},
        "spec": {
            "clusterName": cluster["metadata"]["name"],
            "backupProfile": {"name": "s3", "dumpInstance": {"storage": {"s3": {"bucketName": "b", "config": "s3-creds"}}}},
        },
    }
    job = named(operator_objects([*docs, backup]), "Job", "adhoc-20250101-020000")
    kubernetes_validate.validate(job, "1.33", strict=True)
    assert pod_spec(job)["securityContext"] == {"runAsUser": 27, "runAsGroup": 27, "fsGroup": 27, "runAsNonRoot": True}
    assert {"name": "s3-config-volume", "secret": {"secretName": "s3-creds"}} in pod_spec(job)["volumes"]


def test_innodbcluster_features_not_modelled_fail_loudly(documents: dict[str, list[dict]]) -> None:
    docs, cluster = env_with(documents, "InnoDBCluster")
    changed = copy.deepcopy(cluster)
    changed["spec"]["logs"] = {"collector": {"image": "fluentd"}}
    with pytest.raises(UnmodelledSpec):
        operator_objects(replaced(docs, cluster, changed))


# --- RabbitMQ Cluster Operator ------------------------------------------------------------------------


@pytest.mark.parametrize("env", ENVS)
def test_rabbitmqcluster_objects(documents: dict[str, list[dict]], modelled: dict[str, list[dict]], env: str) -> None:
    clusters = of_kind(documents[env], "RabbitmqCluster")
    assert clusters
    for cluster in clusters:
        name, spec, objects = cluster["metadata"]["name"], cluster["spec"], modelled[env]
        statefulset = named(objects, "StatefulSet", f"{name}-server")
        assert statefulset["spec"]["replicas"] == spec.get("replicas", 1)
        assert pod_labels(statefulset) == {
            "app.kubernetes.io/name": name,
            "app.kubernetes.io/component": "rabbitmq",
            "app.kubernetes.io/part-of": "rabbitmq",
        }
        setup = container(statefulset, "setup-container", "initContainers")
        assert setup["resources"] == {"limits": {"cpu": "20m", "memory": "64Mi"}, "requests": {"cpu": "20m", "memory": "64Mi"}}
        rabbitmq = container(statefulset, "rabbitmq")
        assert rabbitmq["resources"] == spec["resources"]
        ports = {p["name"]: p["containerPort"] for p in rabbitmq["ports"]}
        assert {"epmd": 4369, "amqp": 5672, "management": 15672, "prometheus": 15692}.items() <= ports.items()
        override = spec.get("override", {}).get("statefulSet", {}).get("spec", {}).get("template", {}).get("spec", {})
        for kind in ("containers", "initContainers"):
            for wanted in override.get(kind, []):
                got = container(statefulset, wanted["name"], kind)
                assert wanted.get("securityContext", {}).items() <= got["securityContext"].items()
        assert override.get("securityContext", {}).items() <= pod_spec(statefulset)["securityContext"].items()
        assert pod_spec(statefulset)["serviceAccountName"] == f"{name}-server"

        client = named(objects, "Service", name)
        assert client["spec"]["type"] == spec.get("service", {}).get("type", "ClusterIP")
        assert client["spec"]["selector"] == {"app.kubernetes.io/name": name}
        # With TLS, the operator publishes the metrics port over TLS only (ServiceBuilder.Update).
        metrics = {"prometheus-tls": 15691, "amqps": 5671} if spec.get("tls", {}).get("secretName") else {"prometheus": 15692}
        assert ({"amqp": 5672, "management": 15672} | metrics).items() <= port_numbers(client).items()
        nodes = named(objects, "Service", f"{name}-nodes")
        assert nodes["spec"]["clusterIP"] == "None"
        assert port_numbers(nodes) == {"epmd": 4369, "cluster-rpc": 25672}


def test_rabbitmqcluster_changes_propagate(documents: dict[str, list[dict]]) -> None:
    docs, cluster = env_with(documents, "RabbitmqCluster")
    name = cluster["metadata"]["name"]
    changed = copy.deepcopy(cluster)
    changed["spec"]["replicas"] = 5
    changed["spec"]["rabbitmq"]["additionalPlugins"] = ["rabbitmq_stream", "rabbitmq_mqtt"]
    changed["spec"]["tls"] = {"secretName": "rabbitmq-tls"}
    changed["spec"]["service"] = {"type": "NodePort"}
    objects = operator_objects(replaced(docs, cluster, changed))
    statefulset = named(objects, "StatefulSet", f"{name}-server")
    assert statefulset["spec"]["replicas"] == 5
    ports = {p["name"]: p["containerPort"] for p in container(statefulset, "rabbitmq")["ports"]}
    assert {"stream": 5552, "mqtt": 1883, "amqps": 5671, "streams": 5551, "mqtts": 8883}.items() <= ports.items()
    client = named(objects, "Service", name)
    assert client["spec"]["type"] == "NodePort"
    assert {"stream": 5552, "mqtt": 1883, "amqps": 5671, "prometheus-tls": 15691}.items() <= port_numbers(client).items()
    assert "prometheus" not in port_numbers(client)  # the Service exposes either 15692 or 15691

    changed["spec"]["tls"]["disableNonTLSListeners"] = True
    statefulset = named(operator_objects(replaced(docs, cluster, changed)), "StatefulSet", f"{name}-server")
    assert "amqp" not in {p["name"] for p in container(statefulset, "rabbitmq")["ports"]}
    assert container(statefulset, "rabbitmq")["readinessProbe"]["tcpSocket"]["port"] == "amqps"


def test_rabbitmqcluster_override_is_a_strategic_merge(documents: dict[str, list[dict]]) -> None:
    docs, cluster = env_with(documents, "RabbitmqCluster")
    name = cluster["metadata"]["name"]
    changed = copy.deepcopy(cluster)
    changed["spec"]["override"] = {
        "statefulSet": {
            "spec": {
                "template": {
                    "metadata": {"labels": {"team": "platform"}},
                    "spec": {
                        "securityContext": {"runAsUser": 1001},
                        "containers": [
                            {
                                "name": "rabbitmq",
                                "env": [{"name": "EXTRA", "value": "1"}, {"name": "MY_POD_NAME", "value": "ignored"}],
                                "ports": [{"name": "extra", "containerPort": 9999}],
                            },
                            {"name": "exporter", "image": "exporter", "securityContext": {}},
                        ],
                        "volumes": [{"name": "scratch", "emptyDir": {}}],
                    },
                }
            }
        },
        "service": {"spec": {"ports": [{"name": "extra", "port": 9999, "targetPort": 9999, "protocol": "TCP"}]}},
    }
    objects = operator_objects(replaced(docs, cluster, changed))
    for obj in objects:
        kubernetes_validate.validate(obj, "1.33", strict=True)
    statefulset = named(objects, "StatefulSet", f"{name}-server")
    spec = pod_spec(statefulset)
    assert pod_labels(statefulset)["team"] == "platform"
    assert spec["securityContext"]["runAsUser"] == 1001 and spec["securityContext"]["runAsNonRoot"] is True
    assert names(spec["containers"]) == ["rabbitmq", "exporter"]
    assert "securityContext" not in container(statefulset, "exporter")  # an empty one removes the operator's
    rabbitmq = container(statefulset, "rabbitmq")
    env = {e["name"]: e for e in rabbitmq["env"]}
    assert env["EXTRA"]["value"] == "1" and env["MY_POD_NAME"]["value"] == "ignored"
    assert [e["name"] for e in rabbitmq["env"][:3]] == ["MY_POD_NAME", "MY_POD_NAMESPACE", "K8S_SERVICE_NAME"]
    assert {"amqp", "extra"} <= {p["name"] for p in rabbitmq["ports"]}
    assert rabbitmq["securityContext"]["readOnlyRootFilesystem"] is True
    assert "scratch" in names(spec["volumes"]) and "pod-info" in names(spec["volumes"])
    assert {"amqp": 5672, "extra": 9999}.items() <= port_numbers(named(objects, "Service", name)).items()


@pytest.mark.parametrize(
    "pod_override",
    [
        {"hostNetwork": True, "containers": [{"name": "rabbitmq"}]},
        {"volumes": [{"name": "host", "hostPath": {"path": "/"}}], "containers": [{"name": "rabbitmq"}]},
        {"containers": [{"name": "rabbitmq", "securityContext": {"privileged": True}}]},
        {"containers": [{"name": "rabbitmq", "securityContext": {"capabilities": {"add": ["NET_ADMIN"]}}}]},
    ],
)
def test_rabbitmqcluster_override_webhook_refuses_host_access(documents: dict[str, list[dict]], pod_override: dict) -> None:
    docs, cluster = env_with(documents, "RabbitmqCluster")
    changed = copy.deepcopy(cluster)
    changed["spec"]["override"] = {"statefulSet": {"spec": {"template": {"spec": pod_override}}}}
    with pytest.raises(Rejected):
        operator_objects(replaced(docs, cluster, changed))


# --- cert-manager ACME HTTP-01 solver -----------------------------------------------------------------


def http01_certificates(docs: list[dict]) -> list[tuple[dict, dict]]:
    """(Certificate, http01 ingress solver) for each Certificate whose in-dist issuer solves HTTP-01."""
    issuers = {(doc["kind"], doc["metadata"]["name"]): doc for doc in docs if doc["kind"] in ("ClusterIssuer", "Issuer")}
    found = []
    for certificate in of_kind(docs, "Certificate"):
        ref = certificate["spec"]["issuerRef"]
        issuer = issuers.get((ref.get("kind", "Issuer"), ref["name"]))
        solvers = (issuer or {}).get("spec", {}).get("acme", {}).get("solvers", [])
        found += [(certificate, s["http01"]["ingress"]) for s in solvers if s.get("http01", {}).get("ingress") is not None]
    return found


@pytest.mark.parametrize("env", ENVS)
def test_acme_http01_solver_objects(documents: dict[str, list[dict]], modelled: dict[str, list[dict]], env: str) -> None:
    certificates = http01_certificates(documents[env])
    solver_pods = [obj for obj in modelled[env] if obj["kind"] == "Pod"]
    assert len(solver_pods) == sum(len(c["spec"]["dnsNames"]) for c, _ in certificates)
    for certificate, solver in certificates:
        namespace = certificate["metadata"]["namespace"]
        for dns_name in certificate["spec"]["dnsNames"]:
            domain_label = str(zlib.adler32(dns_name.encode()))
            [pod] = [
                p
                for p in solver_pods
                if p["metadata"]["namespace"] == namespace
                and p["metadata"]["labels"]["acme.cert-manager.io/http-domain"] == domain_label
            ]
            assert pod["metadata"]["labels"]["acme.cert-manager.io/http01-solver"] == "true"
            solver_container = container(pod, "acmesolver")
            assert solver_container["ports"] == [{"name": "http", "containerPort": 8089}]
            assert f"--domain={dns_name}" in solver_container["args"]
            template = solver.get("podTemplate", {}).get("spec", {})
            if "securityContext" in template:
                assert pod["spec"]["securityContext"] == template["securityContext"]
            for field in ("requests", "limits"):
                assert template.get("resources", {}).get(field, {}).items() <= solver_container["resources"][field].items()
            [service] = [
                s
                for s in modelled[env]
                if s["kind"] == "Service"
                and s["metadata"]["namespace"] == namespace
                and s["spec"]["selector"].items() <= pod["metadata"]["labels"].items()
            ]
            assert service["spec"]["type"] == solver.get("serviceType", "NodePort")
            assert service["spec"]["ports"] == [{"name": "http", "port": 8089, "targetPort": 8089}]
            [ingress] = [
                i for i in modelled[env] if i["kind"] == "Ingress" and i["metadata"]["labels"] == service["spec"]["selector"]
            ]
            [rule] = ingress["spec"]["rules"]
            assert rule["host"] == dns_name
            assert rule["http"]["paths"][0]["backend"]["service"] == {
                "name": service["metadata"]["name"],
                "port": {"number": 8089},
            }
            assert ingress["spec"].get("ingressClassName") == solver.get("ingressClassName")


def solver_setup(documents: dict[str, list[dict]]) -> tuple[list[dict], dict, dict]:
    """An environment with an HTTP-01 ClusterIssuer: its documents, the issuer and its ingress solver."""
    for docs in documents.values():
        for issuer in of_kind(docs, "ClusterIssuer"):
            for solver in issuer["spec"].get("acme", {}).get("solvers", []):
                if solver.get("http01", {}).get("ingress") is not None and http01_certificates(docs):
                    return docs, issuer, solver["http01"]["ingress"]
    pytest.fail("no environment has an ACME HTTP-01 ClusterIssuer with certificates")


def with_solver(docs: list[dict], issuer: dict, ingress_solver: dict, extra_solvers: tuple[dict, ...] = ()) -> list[dict]:
    changed = copy.deepcopy(issuer)
    changed["spec"]["acme"]["solvers"] = [*extra_solvers, {"http01": {"ingress": ingress_solver}}]
    return operator_objects(replaced(docs, issuer, changed))


def test_acme_solver_service_type_follows_the_issuer(documents: dict[str, list[dict]]) -> None:
    docs, issuer, solver = solver_setup(documents)
    default = {k: v for k, v in solver.items() if k != "serviceType"}
    assert solver_service_types(with_solver(docs, issuer, default)) == {"NodePort"}
    assert solver_service_types(with_solver(docs, issuer, {**default, "serviceType": "ClusterIP"})) == {"ClusterIP"}


def solver_service_types(objects: list[dict]) -> set[str]:
    solver_label = "acme.cert-manager.io/http01-solver"
    return {s["spec"]["type"] for s in objects if s["kind"] == "Service" and solver_label in s["spec"]["selector"]}


def test_acme_solver_pod_template_replaces_the_security_context(documents: dict[str, list[dict]]) -> None:
    docs, issuer, solver = solver_setup(documents)
    bare = {k: v for k, v in solver.items() if k != "podTemplate"}
    pod = next(obj for obj in with_solver(docs, issuer, bare) if obj["kind"] == "Pod")
    assert pod["spec"]["securityContext"] == {"runAsNonRoot": True, "seccompProfile": {"type": "RuntimeDefault"}}
    assert container(pod, "acmesolver")["resources"] == {
        "requests": {"cpu": "10m", "memory": "64Mi"},
        "limits": {"cpu": "100m", "memory": "64Mi"},
    }
    template = {"spec": {"securityContext": {"runAsUser": 10001}, "resources": {"requests": {"cpu": "5m"}}}}
    pod = next(obj for obj in with_solver(docs, issuer, {**bare, "podTemplate": template}) if obj["kind"] == "Pod")
    assert pod["spec"]["securityContext"] == {"runAsUser": 10001}  # no seccompProfile, no runAsNonRoot left
    assert container(pod, "acmesolver")["resources"] == {
        "requests": {"cpu": "5m", "memory": "64Mi"},
        "limits": {"cpu": "100m", "memory": "64Mi"},
    }


def test_acme_solver_selection_picks_the_most_specific_solver(documents: dict[str, list[dict]]) -> None:
    docs, issuer, solver = solver_setup(documents)
    certificate = http01_certificates(docs)[0][0]
    dns_name = certificate["spec"]["dnsNames"][0]
    dns01 = {"selector": {"dnsNames": [dns_name]}, "dns01": {"webhook": {"groupName": "acme.example", "solverName": "x"}}}
    pods = [obj for obj in with_solver(docs, issuer, solver, (dns01,)) if obj["kind"] == "Pod"]
    baseline = [obj for obj in with_solver(docs, issuer, solver) if obj["kind"] == "Pod"]
    assert len(pods) == len(baseline) - 1
    assert f"--domain={dns_name}" not in [arg for pod in pods for arg in container(pod, "acmesolver")["args"]]

    wildcard = copy.deepcopy(certificate)
    wildcard["spec"]["dnsNames"] = [f"*.{dns_name}"]
    assert not [
        obj
        for obj in operator_objects(replaced(docs, certificate, wildcard))
        if obj["kind"] == "Pod"
        and obj["metadata"]["namespace"] == certificate["metadata"]["namespace"]
        and f"--domain={dns_name}" in container(obj, "acmesolver")["args"]
    ]
