from __future__ import annotations

from pkgutil import extend_path
__path__ = extend_path(__path__, __name__)

import abc
import builtins
import datetime
import enum
import typing

import jsii
import publication
import typing_extensions

from jsii._type_checking import cached_type_hints, check_type


from ._jsii import *

class _LazyImport:
    def __init__(self, module_name: str) -> None:
        self._module_name = module_name
        self._module: typing.Any = None
    def __getattr__(self, name: str) -> typing.Any:
        if self._module is None:
            import importlib
            self._module = importlib.import_module(self._module_name)
        return getattr(self._module, name)

if typing.TYPE_CHECKING:

    import cdk8s as _cdk8s_d3d9af27
    import constructs as _constructs_77d1e7e8
else:

    _cdk8s_d3d9af27 = _LazyImport("cdk8s")
    _constructs_77d1e7e8 = _LazyImport("constructs")


class InnoDbCluster(
    _cdk8s_d3d9af27.ApiObject,
    metaclass=jsii.JSIIMeta,
    jsii_type="mysql_comoraclemysql.InnoDbCluster",
):
    '''
    :schema: InnoDBCluster
    '''

    def __init__(
        self,
        scope: "_constructs_77d1e7e8.Construct",
        id: builtins.str,
        *,
        spec: typing.Union["InnoDbClusterSpec", typing.Dict[builtins.str, typing.Any]],
        metadata: typing.Optional[typing.Union["_cdk8s_d3d9af27.ApiObjectMetadata", typing.Dict[builtins.str, typing.Any]]] = None,
    ) -> None:
        '''Defines a "InnoDBCluster" API object.

        :param scope: the scope in which to define this object.
        :param id: a scope-local name for the object.
        :param spec: 
        :param metadata: 
        '''
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__224abfb8a538b62792d40c778d4e1b69c02d872e5e8ede7f758afe78980fd275)
            check_type(argname="argument scope", value=scope, expected_type=type_hints["scope"])
            check_type(argname="argument id", value=id, expected_type=type_hints["id"])
        props = InnoDbClusterProps(spec=spec, metadata=metadata)

        jsii.create(self.__class__, self, [scope, id, props])

    @jsii.member(jsii_name="manifest")
    @builtins.classmethod
    def manifest(
        cls,
        *,
        spec: typing.Union["InnoDbClusterSpec", typing.Dict[builtins.str, typing.Any]],
        metadata: typing.Optional[typing.Union["_cdk8s_d3d9af27.ApiObjectMetadata", typing.Dict[builtins.str, typing.Any]]] = None,
    ) -> typing.Any:
        '''Renders a Kubernetes manifest for "InnoDBCluster".

        This can be used to inline resource manifests inside other objects (e.g. as templates).

        :param spec: 
        :param metadata: 
        '''
        props = InnoDbClusterProps(spec=spec, metadata=metadata)

        return typing.cast(typing.Any, jsii.sinvoke(cls, "manifest", [props]))

    @jsii.member(jsii_name="toJson")
    def to_json(self) -> typing.Any:
        '''Renders the object to Kubernetes JSON.'''
        return typing.cast(typing.Any, jsii.invoke(self, "toJson", []))

    @jsii.python.classproperty
    @jsii.member(jsii_name="GVK")
    def GVK(cls) -> "_cdk8s_d3d9af27.GroupVersionKind":
        '''Returns the apiVersion and kind for "InnoDBCluster".'''
        return typing.cast("_cdk8s_d3d9af27.GroupVersionKind", jsii.sget(cls, "GVK"))


@jsii.data_type(
    jsii_type="mysql_comoraclemysql.InnoDbClusterProps",
    jsii_struct_bases=[],
    name_mapping={"spec": "spec", "metadata": "metadata"},
)
class InnoDbClusterProps:
    def __init__(
        self,
        *,
        spec: typing.Union["InnoDbClusterSpec", typing.Dict[builtins.str, typing.Any]],
        metadata: typing.Optional[typing.Union["_cdk8s_d3d9af27.ApiObjectMetadata", typing.Dict[builtins.str, typing.Any]]] = None,
    ) -> None:
        '''
        :param spec: 
        :param metadata: 

        :schema: InnoDBCluster
        '''
        if isinstance(spec, dict):
            spec = InnoDbClusterSpec(**spec)
        if isinstance(metadata, dict):
            metadata = _cdk8s_d3d9af27.ApiObjectMetadata(**metadata)
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__385c92ad9c2fe9b6ab119be746ffd38251e0cddaf69e02186c4409b53d7fff04)
            check_type(argname="argument spec", value=spec, expected_type=type_hints["spec"])
            check_type(argname="argument metadata", value=metadata, expected_type=type_hints["metadata"])
        self._values: typing.Dict[builtins.str, typing.Any] = {
            "spec": spec,
        }
        if metadata is not None:
            self._values["metadata"] = metadata

    @builtins.property
    def spec(self) -> "InnoDbClusterSpec":
        '''
        :schema: InnoDBCluster#spec
        '''
        result = self._values.get("spec")
        assert result is not None, "Required property 'spec' is missing"
        return typing.cast("InnoDbClusterSpec", result)

    @builtins.property
    def metadata(self) -> typing.Optional["_cdk8s_d3d9af27.ApiObjectMetadata"]:
        '''
        :schema: InnoDBCluster#metadata
        '''
        result = self._values.get("metadata")
        return typing.cast(typing.Optional["_cdk8s_d3d9af27.ApiObjectMetadata"], result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "InnoDbClusterProps(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


@jsii.data_type(
    jsii_type="mysql_comoraclemysql.InnoDbClusterSpec",
    jsii_struct_bases=[],
    name_mapping={
        "secret_name": "secretName",
        "backup_profiles": "backupProfiles",
        "backup_schedules": "backupSchedules",
        "base_server_id": "baseServerId",
        "datadir_permissions": "datadirPermissions",
        "datadir_volume_claim_template": "datadirVolumeClaimTemplate",
        "edition": "edition",
        "image_pull_policy": "imagePullPolicy",
        "image_pull_secrets": "imagePullSecrets",
        "image_repository": "imageRepository",
        "init_db": "initDb",
        "instances": "instances",
        "keyring": "keyring",
        "logs": "logs",
        "metrics": "metrics",
        "mycnf": "mycnf",
        "pod_annotations": "podAnnotations",
        "pod_labels": "podLabels",
        "pod_spec": "podSpec",
        "read_replicas": "readReplicas",
        "router": "router",
        "service": "service",
        "service_account_name": "serviceAccountName",
        "service_fqdn_template": "serviceFqdnTemplate",
        "tls_ca_secret_name": "tlsCaSecretName",
        "tls_secret_name": "tlsSecretName",
        "tls_use_self_signed": "tlsUseSelfSigned",
        "version": "version",
    },
)
class InnoDbClusterSpec:
    def __init__(
        self,
        *,
        secret_name: builtins.str,
        backup_profiles: typing.Optional[typing.Sequence[typing.Union["InnoDbClusterSpecBackupProfiles", typing.Dict[builtins.str, typing.Any]]]] = None,
        backup_schedules: typing.Optional[typing.Sequence[typing.Union["InnoDbClusterSpecBackupSchedules", typing.Dict[builtins.str, typing.Any]]]] = None,
        base_server_id: typing.Optional[jsii.Number] = None,
        datadir_permissions: typing.Optional[typing.Union["InnoDbClusterSpecDatadirPermissions", typing.Dict[builtins.str, typing.Any]]] = None,
        datadir_volume_claim_template: typing.Any = None,
        edition: typing.Optional[builtins.str] = None,
        image_pull_policy: typing.Optional[builtins.str] = None,
        image_pull_secrets: typing.Optional[typing.Sequence[typing.Union["InnoDbClusterSpecImagePullSecrets", typing.Dict[builtins.str, typing.Any]]]] = None,
        image_repository: typing.Optional[builtins.str] = None,
        init_db: typing.Optional[typing.Union["InnoDbClusterSpecInitDb", typing.Dict[builtins.str, typing.Any]]] = None,
        instances: typing.Optional[jsii.Number] = None,
        keyring: typing.Optional[typing.Union["InnoDbClusterSpecKeyring", typing.Dict[builtins.str, typing.Any]]] = None,
        logs: typing.Optional[typing.Union["InnoDbClusterSpecLogs", typing.Dict[builtins.str, typing.Any]]] = None,
        metrics: typing.Optional[typing.Union["InnoDbClusterSpecMetrics", typing.Dict[builtins.str, typing.Any]]] = None,
        mycnf: typing.Optional[builtins.str] = None,
        pod_annotations: typing.Any = None,
        pod_labels: typing.Any = None,
        pod_spec: typing.Any = None,
        read_replicas: typing.Optional[typing.Sequence[typing.Union["InnoDbClusterSpecReadReplicas", typing.Dict[builtins.str, typing.Any]]]] = None,
        router: typing.Optional[typing.Union["InnoDbClusterSpecRouter", typing.Dict[builtins.str, typing.Any]]] = None,
        service: typing.Optional[typing.Union["InnoDbClusterSpecService", typing.Dict[builtins.str, typing.Any]]] = None,
        service_account_name: typing.Optional[builtins.str] = None,
        service_fqdn_template: typing.Optional[builtins.str] = None,
        tls_ca_secret_name: typing.Optional[builtins.str] = None,
        tls_secret_name: typing.Optional[builtins.str] = None,
        tls_use_self_signed: typing.Optional[builtins.bool] = None,
        version: typing.Optional[builtins.str] = None,
    ) -> None:
        '''
        :param secret_name: Name of a generic type Secret containing root/default account password.
        :param backup_profiles: Backup profile specifications for the cluster, which can be referenced from backup schedules and one-off backup jobs.
        :param backup_schedules: Schedules for periodically executed backups.
        :param base_server_id: Base value for MySQL server_id for instances in the cluster.
        :param datadir_permissions: 
        :param datadir_volume_claim_template: Template for a PersistentVolumeClaim, to be used as datadir.
        :param edition: MySQL Server Edition (community or enterprise).
        :param image_pull_policy: Defaults to Always, but set to IfNotPresent in deploy-operator.yaml when deploying Operator. Default: Always, but set to IfNotPresent in deploy-operator.yaml when deploying Operator
        :param image_pull_secrets: 
        :param image_repository: Repository where images are pulled from; defaults to container-registry.oracle.com/mysql
        :param init_db: 
        :param instances: Number of MySQL replica instances for the cluster.
        :param keyring: Keyring specification.
        :param logs: 
        :param metrics: Configuration of a Prometheus-style metrics provider.
        :param mycnf: Custom configuration additions for my.cnf.
        :param pod_annotations: 
        :param pod_labels: 
        :param pod_spec: 
        :param read_replicas: 
        :param router: MySQL Router specification.
        :param service: Configuration of the Service used by applications connecting to the InnoDB Cluster.
        :param service_account_name: 
        :param service_fqdn_template: Template for a FQDN resolving to the cluster's headless instance Service and individual Pods.
        :param tls_ca_secret_name: Name of a generic type Secret containing CA (ca.pem) and optional CRL (crl.pem) for SSL.
        :param tls_secret_name: Name of a TLS type Secret containing Server certificate and private key for SSL.
        :param tls_use_self_signed: Enables use of self-signed TLS certificates, reducing or disabling TLS based security verifications.
        :param version: MySQL Server version.

        :schema: InnoDbClusterSpec
        '''
        if isinstance(datadir_permissions, dict):
            datadir_permissions = InnoDbClusterSpecDatadirPermissions(**datadir_permissions)
        if isinstance(init_db, dict):
            init_db = InnoDbClusterSpecInitDb(**init_db)
        if isinstance(keyring, dict):
            keyring = InnoDbClusterSpecKeyring(**keyring)
        if isinstance(logs, dict):
            logs = InnoDbClusterSpecLogs(**logs)
        if isinstance(metrics, dict):
            metrics = InnoDbClusterSpecMetrics(**metrics)
        if isinstance(router, dict):
            router = InnoDbClusterSpecRouter(**router)
        if isinstance(service, dict):
            service = InnoDbClusterSpecService(**service)
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__e69a8e77475dda6088d1967476c0460e2f68801fdcdfbdf54d9e8c00caae43f3)
            check_type(argname="argument secret_name", value=secret_name, expected_type=type_hints["secret_name"])
            check_type(argname="argument backup_profiles", value=backup_profiles, expected_type=type_hints["backup_profiles"])
            check_type(argname="argument backup_schedules", value=backup_schedules, expected_type=type_hints["backup_schedules"])
            check_type(argname="argument base_server_id", value=base_server_id, expected_type=type_hints["base_server_id"])
            check_type(argname="argument datadir_permissions", value=datadir_permissions, expected_type=type_hints["datadir_permissions"])
            check_type(argname="argument datadir_volume_claim_template", value=datadir_volume_claim_template, expected_type=type_hints["datadir_volume_claim_template"])
            check_type(argname="argument edition", value=edition, expected_type=type_hints["edition"])
            check_type(argname="argument image_pull_policy", value=image_pull_policy, expected_type=type_hints["image_pull_policy"])
            check_type(argname="argument image_pull_secrets", value=image_pull_secrets, expected_type=type_hints["image_pull_secrets"])
            check_type(argname="argument image_repository", value=image_repository, expected_type=type_hints["image_repository"])
            check_type(argname="argument init_db", value=init_db, expected_type=type_hints["init_db"])
            check_type(argname="argument instances", value=instances, expected_type=type_hints["instances"])
            check_type(argname="argument keyring", value=keyring, expected_type=type_hints["keyring"])
            check_type(argname="argument logs", value=logs, expected_type=type_hints["logs"])
            check_type(argname="argument metrics", value=metrics, expected_type=type_hints["metrics"])
            check_type(argname="argument mycnf", value=mycnf, expected_type=type_hints["mycnf"])
            check_type(argname="argument pod_annotations", value=pod_annotations, expected_type=type_hints["pod_annotations"])
            check_type(argname="argument pod_labels", value=pod_labels, expected_type=type_hints["pod_labels"])
            check_type(argname="argument pod_spec", value=pod_spec, expected_type=type_hints["pod_spec"])
            check_type(argname="argument read_replicas", value=read_replicas, expected_type=type_hints["read_replicas"])
            check_type(argname="argument router", value=router, expected_type=type_hints["router"])
            check_type(argname="argument service", value=service, expected_type=type_hints["service"])
            check_type(argname="argument service_account_name", value=service_account_name, expected_type=type_hints["service_account_name"])
            check_type(argname="argument service_fqdn_template", value=service_fqdn_template, expected_type=type_hints["service_fqdn_template"])
            check_type(argname="argument tls_ca_secret_name", value=tls_ca_secret_name, expected_type=type_hints["tls_ca_secret_name"])
            check_type(argname="argument tls_secret_name", value=tls_secret_name, expected_type=type_hints["tls_secret_name"])
            check_type(argname="argument tls_use_self_signed", value=tls_use_self_signed, expected_type=type_hints["tls_use_self_signed"])
            check_type(argname="argument version", value=version, expected_type=type_hints["version"])
        self._values: typing.Dict[builtins.str, typing.Any] = {
            "secret_name": secret_name,
        }
        if backup_profiles is not None:
            self._values["backup_profiles"] = backup_profiles
        if backup_schedules is not None:
            self._values["backup_schedules"] = backup_schedules
        if base_server_id is not None:
            self._values["base_server_id"] = base_server_id
        if datadir_permissions is not None:
            self._values["datadir_permissions"] = datadir_permissions
        if datadir_volume_claim_template is not None:
            self._values["datadir_volume_claim_template"] = datadir_volume_claim_template
        if edition is not None:
            self._values["edition"] = edition
        if image_pull_policy is not None:
            self._values["image_pull_policy"] = image_pull_policy
        if image_pull_secrets is not None:
            self._values["image_pull_secrets"] = image_pull_secrets
        if image_repository is not None:
            self._values["image_repository"] = image_repository
        if init_db is not None:
            self._values["init_db"] = init_db
        if instances is not None:
            self._values["instances"] = instances
        if keyring is not None:
            self._values["keyring"] = keyring
        if logs is not None:
            self._values["logs"] = logs
        if metrics is not None:
            self._values["metrics"] = metrics
        if mycnf is not None:
            self._values["mycnf"] = mycnf
        if pod_annotations is not None:
            self._values["pod_annotations"] = pod_annotations
        if pod_labels is not None:
            self._values["pod_labels"] = pod_labels
        if pod_spec is not None:
            self._values["pod_spec"] = pod_spec
        if read_replicas is not None:
            self._values["read_replicas"] = read_replicas
        if router is not None:
            self._values["router"] = router
        if service is not None:
            self._values["service"] = service
        if service_account_name is not None:
            self._values["service_account_name"] = service_account_name
        if service_fqdn_template is not None:
            self._values["service_fqdn_template"] = service_fqdn_template
        if tls_ca_secret_name is not None:
            self._values["tls_ca_secret_name"] = tls_ca_secret_name
        if tls_secret_name is not None:
            self._values["tls_secret_name"] = tls_secret_name
        if tls_use_self_signed is not None:
            self._values["tls_use_self_signed"] = tls_use_self_signed
        if version is not None:
            self._values["version"] = version

    @builtins.property
    def secret_name(self) -> builtins.str:
        '''Name of a generic type Secret containing root/default account password.

        :schema: InnoDbClusterSpec#secretName
        '''
        result = self._values.get("secret_name")
        assert result is not None, "Required property 'secret_name' is missing"
        return typing.cast(builtins.str, result)

    @builtins.property
    def backup_profiles(
        self,
    ) -> typing.Optional[typing.List["InnoDbClusterSpecBackupProfiles"]]:
        '''Backup profile specifications for the cluster, which can be referenced from backup schedules and one-off backup jobs.

        :schema: InnoDbClusterSpec#backupProfiles
        '''
        result = self._values.get("backup_profiles")
        return typing.cast(typing.Optional[typing.List["InnoDbClusterSpecBackupProfiles"]], result)

    @builtins.property
    def backup_schedules(
        self,
    ) -> typing.Optional[typing.List["InnoDbClusterSpecBackupSchedules"]]:
        '''Schedules for periodically executed backups.

        :schema: InnoDbClusterSpec#backupSchedules
        '''
        result = self._values.get("backup_schedules")
        return typing.cast(typing.Optional[typing.List["InnoDbClusterSpecBackupSchedules"]], result)

    @builtins.property
    def base_server_id(self) -> typing.Optional[jsii.Number]:
        '''Base value for MySQL server_id for instances in the cluster.

        :schema: InnoDbClusterSpec#baseServerId
        '''
        result = self._values.get("base_server_id")
        return typing.cast(typing.Optional[jsii.Number], result)

    @builtins.property
    def datadir_permissions(
        self,
    ) -> typing.Optional["InnoDbClusterSpecDatadirPermissions"]:
        '''
        :schema: InnoDbClusterSpec#datadirPermissions
        '''
        result = self._values.get("datadir_permissions")
        return typing.cast(typing.Optional["InnoDbClusterSpecDatadirPermissions"], result)

    @builtins.property
    def datadir_volume_claim_template(self) -> typing.Any:
        '''Template for a PersistentVolumeClaim, to be used as datadir.

        :schema: InnoDbClusterSpec#datadirVolumeClaimTemplate
        '''
        result = self._values.get("datadir_volume_claim_template")
        return typing.cast(typing.Any, result)

    @builtins.property
    def edition(self) -> typing.Optional[builtins.str]:
        '''MySQL Server Edition (community or enterprise).

        :schema: InnoDbClusterSpec#edition
        '''
        result = self._values.get("edition")
        return typing.cast(typing.Optional[builtins.str], result)

    @builtins.property
    def image_pull_policy(self) -> typing.Optional[builtins.str]:
        '''Defaults to Always, but set to IfNotPresent in deploy-operator.yaml when deploying Operator.

        :default: Always, but set to IfNotPresent in deploy-operator.yaml when deploying Operator

        :schema: InnoDbClusterSpec#imagePullPolicy
        '''
        result = self._values.get("image_pull_policy")
        return typing.cast(typing.Optional[builtins.str], result)

    @builtins.property
    def image_pull_secrets(
        self,
    ) -> typing.Optional[typing.List["InnoDbClusterSpecImagePullSecrets"]]:
        '''
        :schema: InnoDbClusterSpec#imagePullSecrets
        '''
        result = self._values.get("image_pull_secrets")
        return typing.cast(typing.Optional[typing.List["InnoDbClusterSpecImagePullSecrets"]], result)

    @builtins.property
    def image_repository(self) -> typing.Optional[builtins.str]:
        '''Repository where images are pulled from;

        defaults to container-registry.oracle.com/mysql

        :schema: InnoDbClusterSpec#imageRepository
        '''
        result = self._values.get("image_repository")
        return typing.cast(typing.Optional[builtins.str], result)

    @builtins.property
    def init_db(self) -> typing.Optional["InnoDbClusterSpecInitDb"]:
        '''
        :schema: InnoDbClusterSpec#initDB
        '''
        result = self._values.get("init_db")
        return typing.cast(typing.Optional["InnoDbClusterSpecInitDb"], result)

    @builtins.property
    def instances(self) -> typing.Optional[jsii.Number]:
        '''Number of MySQL replica instances for the cluster.

        :schema: InnoDbClusterSpec#instances
        '''
        result = self._values.get("instances")
        return typing.cast(typing.Optional[jsii.Number], result)

    @builtins.property
    def keyring(self) -> typing.Optional["InnoDbClusterSpecKeyring"]:
        '''Keyring specification.

        :schema: InnoDbClusterSpec#keyring
        '''
        result = self._values.get("keyring")
        return typing.cast(typing.Optional["InnoDbClusterSpecKeyring"], result)

    @builtins.property
    def logs(self) -> typing.Optional["InnoDbClusterSpecLogs"]:
        '''
        :schema: InnoDbClusterSpec#logs
        '''
        result = self._values.get("logs")
        return typing.cast(typing.Optional["InnoDbClusterSpecLogs"], result)

    @builtins.property
    def metrics(self) -> typing.Optional["InnoDbClusterSpecMetrics"]:
        '''Configuration of a Prometheus-style metrics provider.

        :schema: InnoDbClusterSpec#metrics
        '''
        result = self._values.get("metrics")
        return typing.cast(typing.Optional["InnoDbClusterSpecMetrics"], result)

    @builtins.property
    def mycnf(self) -> typing.Optional[builtins.str]:
        '''Custom configuration additions for my.cnf.

        :schema: InnoDbClusterSpec#mycnf
        '''
        result = self._values.get("mycnf")
        return typing.cast(typing.Optional[builtins.str], result)

    @builtins.property
    def pod_annotations(self) -> typing.Any:
        '''
        :schema: InnoDbClusterSpec#podAnnotations
        '''
        result = self._values.get("pod_annotations")
        return typing.cast(typing.Any, result)

    @builtins.property
    def pod_labels(self) -> typing.Any:
        '''
        :schema: InnoDbClusterSpec#podLabels
        '''
        result = self._values.get("pod_labels")
        return typing.cast(typing.Any, result)

    @builtins.property
    def pod_spec(self) -> typing.Any:
        '''
        :schema: InnoDbClusterSpec#podSpec
        '''
        result = self._values.get("pod_spec")
        return typing.cast(typing.Any, result)

    @builtins.property
    def read_replicas(
        self,
    ) -> typing.Optional[typing.List["InnoDbClusterSpecReadReplicas"]]:
        '''
        :schema: InnoDbClusterSpec#readReplicas
        '''
        result = self._values.get("read_replicas")
        return typing.cast(typing.Optional[typing.List["InnoDbClusterSpecReadReplicas"]], result)

    @builtins.property
    def router(self) -> typing.Optional["InnoDbClusterSpecRouter"]:
        '''MySQL Router specification.

        :schema: InnoDbClusterSpec#router
        '''
        result = self._values.get("router")
        return typing.cast(typing.Optional["InnoDbClusterSpecRouter"], result)

    @builtins.property
    def service(self) -> typing.Optional["InnoDbClusterSpecService"]:
        '''Configuration of the Service used by applications connecting to the InnoDB Cluster.

        :schema: InnoDbClusterSpec#service
        '''
        result = self._values.get("service")
        return typing.cast(typing.Optional["InnoDbClusterSpecService"], result)

    @builtins.property
    def service_account_name(self) -> typing.Optional[builtins.str]:
        '''
        :schema: InnoDbClusterSpec#serviceAccountName
        '''
        result = self._values.get("service_account_name")
        return typing.cast(typing.Optional[builtins.str], result)

    @builtins.property
    def service_fqdn_template(self) -> typing.Optional[builtins.str]:
        '''Template for a FQDN resolving to the cluster's headless instance Service and individual Pods.

        :schema: InnoDbClusterSpec#serviceFqdnTemplate
        '''
        result = self._values.get("service_fqdn_template")
        return typing.cast(typing.Optional[builtins.str], result)

    @builtins.property
    def tls_ca_secret_name(self) -> typing.Optional[builtins.str]:
        '''Name of a generic type Secret containing CA (ca.pem) and optional CRL (crl.pem) for SSL.

        :schema: InnoDbClusterSpec#tlsCASecretName
        '''
        result = self._values.get("tls_ca_secret_name")
        return typing.cast(typing.Optional[builtins.str], result)

    @builtins.property
    def tls_secret_name(self) -> typing.Optional[builtins.str]:
        '''Name of a TLS type Secret containing Server certificate and private key for SSL.

        :schema: InnoDbClusterSpec#tlsSecretName
        '''
        result = self._values.get("tls_secret_name")
        return typing.cast(typing.Optional[builtins.str], result)

    @builtins.property
    def tls_use_self_signed(self) -> typing.Optional[builtins.bool]:
        '''Enables use of self-signed TLS certificates, reducing or disabling TLS based security verifications.

        :schema: InnoDbClusterSpec#tlsUseSelfSigned
        '''
        result = self._values.get("tls_use_self_signed")
        return typing.cast(typing.Optional[builtins.bool], result)

    @builtins.property
    def version(self) -> typing.Optional[builtins.str]:
        '''MySQL Server version.

        :schema: InnoDbClusterSpec#version
        '''
        result = self._values.get("version")
        return typing.cast(typing.Optional[builtins.str], result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "InnoDbClusterSpec(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


@jsii.data_type(
    jsii_type="mysql_comoraclemysql.InnoDbClusterSpecBackupProfiles",
    jsii_struct_bases=[],
    name_mapping={
        "name": "name",
        "dump_instance": "dumpInstance",
        "pod_annotations": "podAnnotations",
        "pod_labels": "podLabels",
        "snapshot": "snapshot",
    },
)
class InnoDbClusterSpecBackupProfiles:
    def __init__(
        self,
        *,
        name: builtins.str,
        dump_instance: typing.Optional[typing.Union["InnoDbClusterSpecBackupProfilesDumpInstance", typing.Dict[builtins.str, typing.Any]]] = None,
        pod_annotations: typing.Any = None,
        pod_labels: typing.Any = None,
        snapshot: typing.Optional[typing.Union["InnoDbClusterSpecBackupProfilesSnapshot", typing.Dict[builtins.str, typing.Any]]] = None,
    ) -> None:
        '''
        :param name: Embedded backup profile, referenced as backupProfileName elsewhere.
        :param dump_instance: 
        :param pod_annotations: 
        :param pod_labels: 
        :param snapshot: 

        :schema: InnoDbClusterSpecBackupProfiles
        '''
        if isinstance(dump_instance, dict):
            dump_instance = InnoDbClusterSpecBackupProfilesDumpInstance(**dump_instance)
        if isinstance(snapshot, dict):
            snapshot = InnoDbClusterSpecBackupProfilesSnapshot(**snapshot)
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__aea18711e9e8391c5256a8cc6fef027b89b782ccc6502199d2f2e11c2f555706)
            check_type(argname="argument name", value=name, expected_type=type_hints["name"])
            check_type(argname="argument dump_instance", value=dump_instance, expected_type=type_hints["dump_instance"])
            check_type(argname="argument pod_annotations", value=pod_annotations, expected_type=type_hints["pod_annotations"])
            check_type(argname="argument pod_labels", value=pod_labels, expected_type=type_hints["pod_labels"])
            check_type(argname="argument snapshot", value=snapshot, expected_type=type_hints["snapshot"])
        self._values: typing.Dict[builtins.str, typing.Any] = {
            "name": name,
        }
        if dump_instance is not None:
            self._values["dump_instance"] = dump_instance
        if pod_annotations is not None:
            self._values["pod_annotations"] = pod_annotations
        if pod_labels is not None:
            self._values["pod_labels"] = pod_labels
        if snapshot is not None:
            self._values["snapshot"] = snapshot

    @builtins.property
    def name(self) -> builtins.str:
        '''Embedded backup profile, referenced as backupProfileName elsewhere.

        :schema: InnoDbClusterSpecBackupProfiles#name
        '''
        result = self._values.get("name")
        assert result is not None, "Required property 'name' is missing"
        return typing.cast(builtins.str, result)

    @builtins.property
    def dump_instance(
        self,
    ) -> typing.Optional["InnoDbClusterSpecBackupProfilesDumpInstance"]:
        '''
        :schema: InnoDbClusterSpecBackupProfiles#dumpInstance
        '''
        result = self._values.get("dump_instance")
        return typing.cast(typing.Optional["InnoDbClusterSpecBackupProfilesDumpInstance"], result)

    @builtins.property
    def pod_annotations(self) -> typing.Any:
        '''
        :schema: InnoDbClusterSpecBackupProfiles#podAnnotations
        '''
        result = self._values.get("pod_annotations")
        return typing.cast(typing.Any, result)

    @builtins.property
    def pod_labels(self) -> typing.Any:
        '''
        :schema: InnoDbClusterSpecBackupProfiles#podLabels
        '''
        result = self._values.get("pod_labels")
        return typing.cast(typing.Any, result)

    @builtins.property
    def snapshot(self) -> typing.Optional["InnoDbClusterSpecBackupProfilesSnapshot"]:
        '''
        :schema: InnoDbClusterSpecBackupProfiles#snapshot
        '''
        result = self._values.get("snapshot")
        return typing.cast(typing.Optional["InnoDbClusterSpecBackupProfilesSnapshot"], result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "InnoDbClusterSpecBackupProfiles(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


@jsii.data_type(
    jsii_type="mysql_comoraclemysql.InnoDbClusterSpecBackupProfilesDumpInstance",
    jsii_struct_bases=[],
    name_mapping={"dump_options": "dumpOptions", "storage": "storage"},
)
class InnoDbClusterSpecBackupProfilesDumpInstance:
    def __init__(
        self,
        *,
        dump_options: typing.Any = None,
        storage: typing.Optional[typing.Union["InnoDbClusterSpecBackupProfilesDumpInstanceStorage", typing.Dict[builtins.str, typing.Any]]] = None,
    ) -> None:
        '''
        :param dump_options: A dictionary of key-value pairs passed directly to MySQL Shell's DumpInstance().
        :param storage: 

        :schema: InnoDbClusterSpecBackupProfilesDumpInstance
        '''
        if isinstance(storage, dict):
            storage = InnoDbClusterSpecBackupProfilesDumpInstanceStorage(**storage)
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__11f0178113d3e8fcda13f3b9b6cc9c23cb044204c92e5e8ea5516c2236947349)
            check_type(argname="argument dump_options", value=dump_options, expected_type=type_hints["dump_options"])
            check_type(argname="argument storage", value=storage, expected_type=type_hints["storage"])
        self._values: typing.Dict[builtins.str, typing.Any] = {}
        if dump_options is not None:
            self._values["dump_options"] = dump_options
        if storage is not None:
            self._values["storage"] = storage

    @builtins.property
    def dump_options(self) -> typing.Any:
        '''A dictionary of key-value pairs passed directly to MySQL Shell's DumpInstance().

        :schema: InnoDbClusterSpecBackupProfilesDumpInstance#dumpOptions
        '''
        result = self._values.get("dump_options")
        return typing.cast(typing.Any, result)

    @builtins.property
    def storage(
        self,
    ) -> typing.Optional["InnoDbClusterSpecBackupProfilesDumpInstanceStorage"]:
        '''
        :schema: InnoDbClusterSpecBackupProfilesDumpInstance#storage
        '''
        result = self._values.get("storage")
        return typing.cast(typing.Optional["InnoDbClusterSpecBackupProfilesDumpInstanceStorage"], result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "InnoDbClusterSpecBackupProfilesDumpInstance(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


@jsii.data_type(
    jsii_type="mysql_comoraclemysql.InnoDbClusterSpecBackupProfilesDumpInstanceStorage",
    jsii_struct_bases=[],
    name_mapping={
        "azure": "azure",
        "oci_object_storage": "ociObjectStorage",
        "persistent_volume_claim": "persistentVolumeClaim",
        "s3": "s3",
    },
)
class InnoDbClusterSpecBackupProfilesDumpInstanceStorage:
    def __init__(
        self,
        *,
        azure: typing.Optional[typing.Union["InnoDbClusterSpecBackupProfilesDumpInstanceStorageAzure", typing.Dict[builtins.str, typing.Any]]] = None,
        oci_object_storage: typing.Optional[typing.Union["InnoDbClusterSpecBackupProfilesDumpInstanceStorageOciObjectStorage", typing.Dict[builtins.str, typing.Any]]] = None,
        persistent_volume_claim: typing.Any = None,
        s3: typing.Optional[typing.Union["InnoDbClusterSpecBackupProfilesDumpInstanceStorageS3", typing.Dict[builtins.str, typing.Any]]] = None,
    ) -> None:
        '''
        :param azure: 
        :param oci_object_storage: 
        :param persistent_volume_claim: Specification of the PVC to be used. Used 'as is' in pod executing the backup.
        :param s3: 

        :schema: InnoDbClusterSpecBackupProfilesDumpInstanceStorage
        '''
        if isinstance(azure, dict):
            azure = InnoDbClusterSpecBackupProfilesDumpInstanceStorageAzure(**azure)
        if isinstance(oci_object_storage, dict):
            oci_object_storage = InnoDbClusterSpecBackupProfilesDumpInstanceStorageOciObjectStorage(**oci_object_storage)
        if isinstance(s3, dict):
            s3 = InnoDbClusterSpecBackupProfilesDumpInstanceStorageS3(**s3)
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__76d7146f0c0bb12d314a6db409b755cf3a01915271c357f8005ecf3b0414a8f1)
            check_type(argname="argument azure", value=azure, expected_type=type_hints["azure"])
            check_type(argname="argument oci_object_storage", value=oci_object_storage, expected_type=type_hints["oci_object_storage"])
            check_type(argname="argument persistent_volume_claim", value=persistent_volume_claim, expected_type=type_hints["persistent_volume_claim"])
            check_type(argname="argument s3", value=s3, expected_type=type_hints["s3"])
        self._values: typing.Dict[builtins.str, typing.Any] = {}
        if azure is not None:
            self._values["azure"] = azure
        if oci_object_storage is not None:
            self._values["oci_object_storage"] = oci_object_storage
        if persistent_volume_claim is not None:
            self._values["persistent_volume_claim"] = persistent_volume_claim
        if s3 is not None:
            self._values["s3"] = s3

    @builtins.property
    def azure(
        self,
    ) -> typing.Optional["InnoDbClusterSpecBackupProfilesDumpInstanceStorageAzure"]:
        '''
        :schema: InnoDbClusterSpecBackupProfilesDumpInstanceStorage#azure
        '''
        result = self._values.get("azure")
        return typing.cast(typing.Optional["InnoDbClusterSpecBackupProfilesDumpInstanceStorageAzure"], result)

    @builtins.property
    def oci_object_storage(
        self,
    ) -> typing.Optional["InnoDbClusterSpecBackupProfilesDumpInstanceStorageOciObjectStorage"]:
        '''
        :schema: InnoDbClusterSpecBackupProfilesDumpInstanceStorage#ociObjectStorage
        '''
        result = self._values.get("oci_object_storage")
        return typing.cast(typing.Optional["InnoDbClusterSpecBackupProfilesDumpInstanceStorageOciObjectStorage"], result)

    @builtins.property
    def persistent_volume_claim(self) -> typing.Any:
        '''Specification of the PVC to be used.

        Used 'as is' in pod executing the backup.

        :schema: InnoDbClusterSpecBackupProfilesDumpInstanceStorage#persistentVolumeClaim
        '''
        result = self._values.get("persistent_volume_claim")
        return typing.cast(typing.Any, result)

    @builtins.property
    def s3(
        self,
    ) -> typing.Optional["InnoDbClusterSpecBackupProfilesDumpInstanceStorageS3"]:
        '''
        :schema: InnoDbClusterSpecBackupProfilesDumpInstanceStorage#s3
        '''
        result = self._values.get("s3")
        return typing.cast(typing.Optional["InnoDbClusterSpecBackupProfilesDumpInstanceStorageS3"], result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "InnoDbClusterSpecBackupProfilesDumpInstanceStorage(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


@jsii.data_type(
    jsii_type="mysql_comoraclemysql.InnoDbClusterSpecBackupProfilesDumpInstanceStorageAzure",
    jsii_struct_bases=[],
    name_mapping={
        "config": "config",
        "container_name": "containerName",
        "prefix": "prefix",
    },
)
class InnoDbClusterSpecBackupProfilesDumpInstanceStorageAzure:
    def __init__(
        self,
        *,
        config: builtins.str,
        container_name: builtins.str,
        prefix: typing.Optional[builtins.str] = None,
    ) -> None:
        '''
        :param config: Name of a Secret with Azure BLOB Storage configuration and credentials.
        :param container_name: Name of the Azure BLOB Storage container where the dump is stored.
        :param prefix: Path in the container where the dump files are stored.

        :schema: InnoDbClusterSpecBackupProfilesDumpInstanceStorageAzure
        '''
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__253859038fd3c974e4d99c24288cb0433c7bcdaeaf79956e5e2e672869b18e1f)
            check_type(argname="argument config", value=config, expected_type=type_hints["config"])
            check_type(argname="argument container_name", value=container_name, expected_type=type_hints["container_name"])
            check_type(argname="argument prefix", value=prefix, expected_type=type_hints["prefix"])
        self._values: typing.Dict[builtins.str, typing.Any] = {
            "config": config,
            "container_name": container_name,
        }
        if prefix is not None:
            self._values["prefix"] = prefix

    @builtins.property
    def config(self) -> builtins.str:
        '''Name of a Secret with Azure BLOB Storage configuration and credentials.

        :schema: InnoDbClusterSpecBackupProfilesDumpInstanceStorageAzure#config
        '''
        result = self._values.get("config")
        assert result is not None, "Required property 'config' is missing"
        return typing.cast(builtins.str, result)

    @builtins.property
    def container_name(self) -> builtins.str:
        '''Name of the Azure  BLOB Storage container where the dump is stored.

        :schema: InnoDbClusterSpecBackupProfilesDumpInstanceStorageAzure#containerName
        '''
        result = self._values.get("container_name")
        assert result is not None, "Required property 'container_name' is missing"
        return typing.cast(builtins.str, result)

    @builtins.property
    def prefix(self) -> typing.Optional[builtins.str]:
        '''Path in the container where the dump files are stored.

        :schema: InnoDbClusterSpecBackupProfilesDumpInstanceStorageAzure#prefix
        '''
        result = self._values.get("prefix")
        return typing.cast(typing.Optional[builtins.str], result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "InnoDbClusterSpecBackupProfilesDumpInstanceStorageAzure(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


@jsii.data_type(
    jsii_type="mysql_comoraclemysql.InnoDbClusterSpecBackupProfilesDumpInstanceStorageOciObjectStorage",
    jsii_struct_bases=[],
    name_mapping={
        "bucket_name": "bucketName",
        "credentials": "credentials",
        "prefix": "prefix",
    },
)
class InnoDbClusterSpecBackupProfilesDumpInstanceStorageOciObjectStorage:
    def __init__(
        self,
        *,
        bucket_name: builtins.str,
        credentials: builtins.str,
        prefix: typing.Optional[builtins.str] = None,
    ) -> None:
        '''
        :param bucket_name: Name of the OCI bucket where backup is stored.
        :param credentials: Name of a Secret with data for accessing the bucket.
        :param prefix: Path in bucket where backup is stored.

        :schema: InnoDbClusterSpecBackupProfilesDumpInstanceStorageOciObjectStorage
        '''
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__85b39f65d50b8004103988bbf95124a03e1b4a47ff558ef8993aa955b9eaf70b)
            check_type(argname="argument bucket_name", value=bucket_name, expected_type=type_hints["bucket_name"])
            check_type(argname="argument credentials", value=credentials, expected_type=type_hints["credentials"])
            check_type(argname="argument prefix", value=prefix, expected_type=type_hints["prefix"])
        self._values: typing.Dict[builtins.str, typing.Any] = {
            "bucket_name": bucket_name,
            "credentials": credentials,
        }
        if prefix is not None:
            self._values["prefix"] = prefix

    @builtins.property
    def bucket_name(self) -> builtins.str:
        '''Name of the OCI bucket where backup is stored.

        :schema: InnoDbClusterSpecBackupProfilesDumpInstanceStorageOciObjectStorage#bucketName
        '''
        result = self._values.get("bucket_name")
        assert result is not None, "Required property 'bucket_name' is missing"
        return typing.cast(builtins.str, result)

    @builtins.property
    def credentials(self) -> builtins.str:
        '''Name of a Secret with data for accessing the bucket.

        :schema: InnoDbClusterSpecBackupProfilesDumpInstanceStorageOciObjectStorage#credentials
        '''
        result = self._values.get("credentials")
        assert result is not None, "Required property 'credentials' is missing"
        return typing.cast(builtins.str, result)

    @builtins.property
    def prefix(self) -> typing.Optional[builtins.str]:
        '''Path in bucket where backup is stored.

        :schema: InnoDbClusterSpecBackupProfilesDumpInstanceStorageOciObjectStorage#prefix
        '''
        result = self._values.get("prefix")
        return typing.cast(typing.Optional[builtins.str], result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "InnoDbClusterSpecBackupProfilesDumpInstanceStorageOciObjectStorage(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


@jsii.data_type(
    jsii_type="mysql_comoraclemysql.InnoDbClusterSpecBackupProfilesDumpInstanceStorageS3",
    jsii_struct_bases=[],
    name_mapping={
        "bucket_name": "bucketName",
        "config": "config",
        "endpoint": "endpoint",
        "prefix": "prefix",
        "profile": "profile",
    },
)
class InnoDbClusterSpecBackupProfilesDumpInstanceStorageS3:
    def __init__(
        self,
        *,
        bucket_name: builtins.str,
        config: builtins.str,
        endpoint: typing.Optional[builtins.str] = None,
        prefix: typing.Optional[builtins.str] = None,
        profile: typing.Optional[builtins.str] = None,
    ) -> None:
        '''
        :param bucket_name: Name of the S3 bucket where the dump is stored.
        :param config: Name of a Secret with S3 configuration and credentials.
        :param endpoint: Override endpoint URL.
        :param prefix: Path in the bucket where the dump files are stored.
        :param profile: Profile being used in configuration files.

        :schema: InnoDbClusterSpecBackupProfilesDumpInstanceStorageS3
        '''
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__c58bfab294b9d59b1c10884192e894a38e2f981415dd3dd2f333ee77ee20ea8a)
            check_type(argname="argument bucket_name", value=bucket_name, expected_type=type_hints["bucket_name"])
            check_type(argname="argument config", value=config, expected_type=type_hints["config"])
            check_type(argname="argument endpoint", value=endpoint, expected_type=type_hints["endpoint"])
            check_type(argname="argument prefix", value=prefix, expected_type=type_hints["prefix"])
            check_type(argname="argument profile", value=profile, expected_type=type_hints["profile"])
        self._values: typing.Dict[builtins.str, typing.Any] = {
            "bucket_name": bucket_name,
            "config": config,
        }
        if endpoint is not None:
            self._values["endpoint"] = endpoint
        if prefix is not None:
            self._values["prefix"] = prefix
        if profile is not None:
            self._values["profile"] = profile

    @builtins.property
    def bucket_name(self) -> builtins.str:
        '''Name of the S3 bucket where the dump is stored.

        :schema: InnoDbClusterSpecBackupProfilesDumpInstanceStorageS3#bucketName
        '''
        result = self._values.get("bucket_name")
        assert result is not None, "Required property 'bucket_name' is missing"
        return typing.cast(builtins.str, result)

    @builtins.property
    def config(self) -> builtins.str:
        '''Name of a Secret with S3 configuration and credentials.

        :schema: InnoDbClusterSpecBackupProfilesDumpInstanceStorageS3#config
        '''
        result = self._values.get("config")
        assert result is not None, "Required property 'config' is missing"
        return typing.cast(builtins.str, result)

    @builtins.property
    def endpoint(self) -> typing.Optional[builtins.str]:
        '''Override endpoint URL.

        :schema: InnoDbClusterSpecBackupProfilesDumpInstanceStorageS3#endpoint
        '''
        result = self._values.get("endpoint")
        return typing.cast(typing.Optional[builtins.str], result)

    @builtins.property
    def prefix(self) -> typing.Optional[builtins.str]:
        '''Path in the bucket where the dump files are stored.

        :schema: InnoDbClusterSpecBackupProfilesDumpInstanceStorageS3#prefix
        '''
        result = self._values.get("prefix")
        return typing.cast(typing.Optional[builtins.str], result)

    @builtins.property
    def profile(self) -> typing.Optional[builtins.str]:
        '''Profile being used in configuration files.

        :schema: InnoDbClusterSpecBackupProfilesDumpInstanceStorageS3#profile
        '''
        result = self._values.get("profile")
        return typing.cast(typing.Optional[builtins.str], result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "InnoDbClusterSpecBackupProfilesDumpInstanceStorageS3(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


@jsii.data_type(
    jsii_type="mysql_comoraclemysql.InnoDbClusterSpecBackupProfilesSnapshot",
    jsii_struct_bases=[],
    name_mapping={"storage": "storage"},
)
class InnoDbClusterSpecBackupProfilesSnapshot:
    def __init__(
        self,
        *,
        storage: typing.Optional[typing.Union["InnoDbClusterSpecBackupProfilesSnapshotStorage", typing.Dict[builtins.str, typing.Any]]] = None,
    ) -> None:
        '''
        :param storage: 

        :schema: InnoDbClusterSpecBackupProfilesSnapshot
        '''
        if isinstance(storage, dict):
            storage = InnoDbClusterSpecBackupProfilesSnapshotStorage(**storage)
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__271299140aca5c119f6a53d00b70d33632339b1feaee3eafc4733863dd1c2f0b)
            check_type(argname="argument storage", value=storage, expected_type=type_hints["storage"])
        self._values: typing.Dict[builtins.str, typing.Any] = {}
        if storage is not None:
            self._values["storage"] = storage

    @builtins.property
    def storage(
        self,
    ) -> typing.Optional["InnoDbClusterSpecBackupProfilesSnapshotStorage"]:
        '''
        :schema: InnoDbClusterSpecBackupProfilesSnapshot#storage
        '''
        result = self._values.get("storage")
        return typing.cast(typing.Optional["InnoDbClusterSpecBackupProfilesSnapshotStorage"], result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "InnoDbClusterSpecBackupProfilesSnapshot(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


@jsii.data_type(
    jsii_type="mysql_comoraclemysql.InnoDbClusterSpecBackupProfilesSnapshotStorage",
    jsii_struct_bases=[],
    name_mapping={
        "azure": "azure",
        "oci_object_storage": "ociObjectStorage",
        "persistent_volume_claim": "persistentVolumeClaim",
        "s3": "s3",
    },
)
class InnoDbClusterSpecBackupProfilesSnapshotStorage:
    def __init__(
        self,
        *,
        azure: typing.Optional[typing.Union["InnoDbClusterSpecBackupProfilesSnapshotStorageAzure", typing.Dict[builtins.str, typing.Any]]] = None,
        oci_object_storage: typing.Optional[typing.Union["InnoDbClusterSpecBackupProfilesSnapshotStorageOciObjectStorage", typing.Dict[builtins.str, typing.Any]]] = None,
        persistent_volume_claim: typing.Any = None,
        s3: typing.Optional[typing.Union["InnoDbClusterSpecBackupProfilesSnapshotStorageS3", typing.Dict[builtins.str, typing.Any]]] = None,
    ) -> None:
        '''
        :param azure: 
        :param oci_object_storage: 
        :param persistent_volume_claim: Specification of the PVC to be used. Used 'as is' in pod executing the backup.
        :param s3: 

        :schema: InnoDbClusterSpecBackupProfilesSnapshotStorage
        '''
        if isinstance(azure, dict):
            azure = InnoDbClusterSpecBackupProfilesSnapshotStorageAzure(**azure)
        if isinstance(oci_object_storage, dict):
            oci_object_storage = InnoDbClusterSpecBackupProfilesSnapshotStorageOciObjectStorage(**oci_object_storage)
        if isinstance(s3, dict):
            s3 = InnoDbClusterSpecBackupProfilesSnapshotStorageS3(**s3)
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__e288c702334b5a12b25cbc182d58bb491c9646f87cf22c10f9757e6d21930f1e)
            check_type(argname="argument azure", value=azure, expected_type=type_hints["azure"])
            check_type(argname="argument oci_object_storage", value=oci_object_storage, expected_type=type_hints["oci_object_storage"])
            check_type(argname="argument persistent_volume_claim", value=persistent_volume_claim, expected_type=type_hints["persistent_volume_claim"])
            check_type(argname="argument s3", value=s3, expected_type=type_hints["s3"])
        self._values: typing.Dict[builtins.str, typing.Any] = {}
        if azure is not None:
            self._values["azure"] = azure
        if oci_object_storage is not None:
            self._values["oci_object_storage"] = oci_object_storage
        if persistent_volume_claim is not None:
            self._values["persistent_volume_claim"] = persistent_volume_claim
        if s3 is not None:
            self._values["s3"] = s3

    @builtins.property
    def azure(
        self,
    ) -> typing.Optional["InnoDbClusterSpecBackupProfilesSnapshotStorageAzure"]:
        '''
        :schema: InnoDbClusterSpecBackupProfilesSnapshotStorage#azure
        '''
        result = self._values.get("azure")
        return typing.cast(typing.Optional["InnoDbClusterSpecBackupProfilesSnapshotStorageAzure"], result)

    @builtins.property
    def oci_object_storage(
        self,
    ) -> typing.Optional["InnoDbClusterSpecBackupProfilesSnapshotStorageOciObjectStorage"]:
        '''
        :schema: InnoDbClusterSpecBackupProfilesSnapshotStorage#ociObjectStorage
        '''
        result = self._values.get("oci_object_storage")
        return typing.cast(typing.Optional["InnoDbClusterSpecBackupProfilesSnapshotStorageOciObjectStorage"], result)

    @builtins.property
    def persistent_volume_claim(self) -> typing.Any:
        '''Specification of the PVC to be used.

        Used 'as is' in pod executing the backup.

        :schema: InnoDbClusterSpecBackupProfilesSnapshotStorage#persistentVolumeClaim
        '''
        result = self._values.get("persistent_volume_claim")
        return typing.cast(typing.Any, result)

    @builtins.property
    def s3(self) -> typing.Optional["InnoDbClusterSpecBackupProfilesSnapshotStorageS3"]:
        '''
        :schema: InnoDbClusterSpecBackupProfilesSnapshotStorage#s3
        '''
        result = self._values.get("s3")
        return typing.cast(typing.Optional["InnoDbClusterSpecBackupProfilesSnapshotStorageS3"], result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "InnoDbClusterSpecBackupProfilesSnapshotStorage(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


@jsii.data_type(
    jsii_type="mysql_comoraclemysql.InnoDbClusterSpecBackupProfilesSnapshotStorageAzure",
    jsii_struct_bases=[],
    name_mapping={
        "config": "config",
        "container_name": "containerName",
        "prefix": "prefix",
    },
)
class InnoDbClusterSpecBackupProfilesSnapshotStorageAzure:
    def __init__(
        self,
        *,
        config: builtins.str,
        container_name: builtins.str,
        prefix: typing.Optional[builtins.str] = None,
    ) -> None:
        '''
        :param config: Name of a Secret with Azure BLOB Storage configuration and credentials.
        :param container_name: Name of the Azure BLOB Storage container where the dump is stored.
        :param prefix: Path in the container where the dump files are stored.

        :schema: InnoDbClusterSpecBackupProfilesSnapshotStorageAzure
        '''
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__84029385257e2f575c67a98b880bc1c082b433cd793033567c9fecb811ea957d)
            check_type(argname="argument config", value=config, expected_type=type_hints["config"])
            check_type(argname="argument container_name", value=container_name, expected_type=type_hints["container_name"])
            check_type(argname="argument prefix", value=prefix, expected_type=type_hints["prefix"])
        self._values: typing.Dict[builtins.str, typing.Any] = {
            "config": config,
            "container_name": container_name,
        }
        if prefix is not None:
            self._values["prefix"] = prefix

    @builtins.property
    def config(self) -> builtins.str:
        '''Name of a Secret with Azure BLOB Storage configuration and credentials.

        :schema: InnoDbClusterSpecBackupProfilesSnapshotStorageAzure#config
        '''
        result = self._values.get("config")
        assert result is not None, "Required property 'config' is missing"
        return typing.cast(builtins.str, result)

    @builtins.property
    def container_name(self) -> builtins.str:
        '''Name of the Azure  BLOB Storage container where the dump is stored.

        :schema: InnoDbClusterSpecBackupProfilesSnapshotStorageAzure#containerName
        '''
        result = self._values.get("container_name")
        assert result is not None, "Required property 'container_name' is missing"
        return typing.cast(builtins.str, result)

    @builtins.property
    def prefix(self) -> typing.Optional[builtins.str]:
        '''Path in the container where the dump files are stored.

        :schema: InnoDbClusterSpecBackupProfilesSnapshotStorageAzure#prefix
        '''
        result = self._values.get("prefix")
        return typing.cast(typing.Optional[builtins.str], result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "InnoDbClusterSpecBackupProfilesSnapshotStorageAzure(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


@jsii.data_type(
    jsii_type="mysql_comoraclemysql.InnoDbClusterSpecBackupProfilesSnapshotStorageOciObjectStorage",
    jsii_struct_bases=[],
    name_mapping={
        "bucket_name": "bucketName",
        "credentials": "credentials",
        "prefix": "prefix",
    },
)
class InnoDbClusterSpecBackupProfilesSnapshotStorageOciObjectStorage:
    def __init__(
        self,
        *,
        bucket_name: builtins.str,
        credentials: builtins.str,
        prefix: typing.Optional[builtins.str] = None,
    ) -> None:
        '''
        :param bucket_name: Bucket name where backup is stored.
        :param credentials: Name of a Secret with data for accessing the bucket.
        :param prefix: Path in bucket where backup is stored.

        :schema: InnoDbClusterSpecBackupProfilesSnapshotStorageOciObjectStorage
        '''
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__ffd106d45708f78f1caa44e90c76709785cb255c54b1cc71e50e08086c0d3bd8)
            check_type(argname="argument bucket_name", value=bucket_name, expected_type=type_hints["bucket_name"])
            check_type(argname="argument credentials", value=credentials, expected_type=type_hints["credentials"])
            check_type(argname="argument prefix", value=prefix, expected_type=type_hints["prefix"])
        self._values: typing.Dict[builtins.str, typing.Any] = {
            "bucket_name": bucket_name,
            "credentials": credentials,
        }
        if prefix is not None:
            self._values["prefix"] = prefix

    @builtins.property
    def bucket_name(self) -> builtins.str:
        '''Bucket name where backup is stored.

        :schema: InnoDbClusterSpecBackupProfilesSnapshotStorageOciObjectStorage#bucketName
        '''
        result = self._values.get("bucket_name")
        assert result is not None, "Required property 'bucket_name' is missing"
        return typing.cast(builtins.str, result)

    @builtins.property
    def credentials(self) -> builtins.str:
        '''Name of a Secret with data for accessing the bucket.

        :schema: InnoDbClusterSpecBackupProfilesSnapshotStorageOciObjectStorage#credentials
        '''
        result = self._values.get("credentials")
        assert result is not None, "Required property 'credentials' is missing"
        return typing.cast(builtins.str, result)

    @builtins.property
    def prefix(self) -> typing.Optional[builtins.str]:
        '''Path in bucket where backup is stored.

        :schema: InnoDbClusterSpecBackupProfilesSnapshotStorageOciObjectStorage#prefix
        '''
        result = self._values.get("prefix")
        return typing.cast(typing.Optional[builtins.str], result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "InnoDbClusterSpecBackupProfilesSnapshotStorageOciObjectStorage(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


@jsii.data_type(
    jsii_type="mysql_comoraclemysql.InnoDbClusterSpecBackupProfilesSnapshotStorageS3",
    jsii_struct_bases=[],
    name_mapping={
        "bucket_name": "bucketName",
        "config": "config",
        "endpoint": "endpoint",
        "prefix": "prefix",
        "profile": "profile",
    },
)
class InnoDbClusterSpecBackupProfilesSnapshotStorageS3:
    def __init__(
        self,
        *,
        bucket_name: builtins.str,
        config: builtins.str,
        endpoint: typing.Optional[builtins.str] = None,
        prefix: typing.Optional[builtins.str] = None,
        profile: typing.Optional[builtins.str] = None,
    ) -> None:
        '''
        :param bucket_name: Name of the S3 bucket where the dump is stored.
        :param config: Name of a Secret with S3 configuration and credentials.
        :param endpoint: Override endpoint URL.
        :param prefix: Path in the bucket where the dump files are stored.
        :param profile: Profile being used in configuration files.

        :schema: InnoDbClusterSpecBackupProfilesSnapshotStorageS3
        '''
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__2ea74ca19aaf89f79e453ac676b6a4c7961429b01648d41f34e041d61862a1bb)
            check_type(argname="argument bucket_name", value=bucket_name, expected_type=type_hints["bucket_name"])
            check_type(argname="argument config", value=config, expected_type=type_hints["config"])
            check_type(argname="argument endpoint", value=endpoint, expected_type=type_hints["endpoint"])
            check_type(argname="argument prefix", value=prefix, expected_type=type_hints["prefix"])
            check_type(argname="argument profile", value=profile, expected_type=type_hints["profile"])
        self._values: typing.Dict[builtins.str, typing.Any] = {
            "bucket_name": bucket_name,
            "config": config,
        }
        if endpoint is not None:
            self._values["endpoint"] = endpoint
        if prefix is not None:
            self._values["prefix"] = prefix
        if profile is not None:
            self._values["profile"] = profile

    @builtins.property
    def bucket_name(self) -> builtins.str:
        '''Name of the S3 bucket where the dump is stored.

        :schema: InnoDbClusterSpecBackupProfilesSnapshotStorageS3#bucketName
        '''
        result = self._values.get("bucket_name")
        assert result is not None, "Required property 'bucket_name' is missing"
        return typing.cast(builtins.str, result)

    @builtins.property
    def config(self) -> builtins.str:
        '''Name of a Secret with S3 configuration and credentials.

        :schema: InnoDbClusterSpecBackupProfilesSnapshotStorageS3#config
        '''
        result = self._values.get("config")
        assert result is not None, "Required property 'config' is missing"
        return typing.cast(builtins.str, result)

    @builtins.property
    def endpoint(self) -> typing.Optional[builtins.str]:
        '''Override endpoint URL.

        :schema: InnoDbClusterSpecBackupProfilesSnapshotStorageS3#endpoint
        '''
        result = self._values.get("endpoint")
        return typing.cast(typing.Optional[builtins.str], result)

    @builtins.property
    def prefix(self) -> typing.Optional[builtins.str]:
        '''Path in the bucket where the dump files are stored.

        :schema: InnoDbClusterSpecBackupProfilesSnapshotStorageS3#prefix
        '''
        result = self._values.get("prefix")
        return typing.cast(typing.Optional[builtins.str], result)

    @builtins.property
    def profile(self) -> typing.Optional[builtins.str]:
        '''Profile being used in configuration files.

        :schema: InnoDbClusterSpecBackupProfilesSnapshotStorageS3#profile
        '''
        result = self._values.get("profile")
        return typing.cast(typing.Optional[builtins.str], result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "InnoDbClusterSpecBackupProfilesSnapshotStorageS3(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


@jsii.data_type(
    jsii_type="mysql_comoraclemysql.InnoDbClusterSpecBackupSchedules",
    jsii_struct_bases=[],
    name_mapping={
        "name": "name",
        "schedule": "schedule",
        "backup_profile": "backupProfile",
        "backup_profile_name": "backupProfileName",
        "delete_backup_data": "deleteBackupData",
        "enabled": "enabled",
        "time_zone": "timeZone",
    },
)
class InnoDbClusterSpecBackupSchedules:
    def __init__(
        self,
        *,
        name: builtins.str,
        schedule: builtins.str,
        backup_profile: typing.Optional[typing.Union["InnoDbClusterSpecBackupSchedulesBackupProfile", typing.Dict[builtins.str, typing.Any]]] = None,
        backup_profile_name: typing.Optional[builtins.str] = None,
        delete_backup_data: typing.Optional[builtins.bool] = None,
        enabled: typing.Optional[builtins.bool] = None,
        time_zone: typing.Optional[builtins.str] = None,
    ) -> None:
        '''
        :param name: Name of the backup schedule.
        :param schedule: The schedule of the job, syntax as a cron expression.
        :param backup_profile: backupProfile specification if backupProfileName is not specified.
        :param backup_profile_name: Name of the backupProfile to be used.
        :param delete_backup_data: Whether to delete the backup data in case the MySQLBackup object created by the job is deleted.
        :param enabled: Whether the schedule is enabled or not.
        :param time_zone: Timezone for the backup schedule, example: 'America/New_York'.

        :schema: InnoDbClusterSpecBackupSchedules
        '''
        if isinstance(backup_profile, dict):
            backup_profile = InnoDbClusterSpecBackupSchedulesBackupProfile(**backup_profile)
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__63cf3de5af6a69c923e692f953e565c21e77a85895d372d34423929d192d05a1)
            check_type(argname="argument name", value=name, expected_type=type_hints["name"])
            check_type(argname="argument schedule", value=schedule, expected_type=type_hints["schedule"])
            check_type(argname="argument backup_profile", value=backup_profile, expected_type=type_hints["backup_profile"])
            check_type(argname="argument backup_profile_name", value=backup_profile_name, expected_type=type_hints["backup_profile_name"])
            check_type(argname="argument delete_backup_data", value=delete_backup_data, expected_type=type_hints["delete_backup_data"])
            check_type(argname="argument enabled", value=enabled, expected_type=type_hints["enabled"])
            check_type(argname="argument time_zone", value=time_zone, expected_type=type_hints["time_zone"])
        self._values: typing.Dict[builtins.str, typing.Any] = {
            "name": name,
            "schedule": schedule,
        }
        if backup_profile is not None:
            self._values["backup_profile"] = backup_profile
        if backup_profile_name is not None:
            self._values["backup_profile_name"] = backup_profile_name
        if delete_backup_data is not None:
            self._values["delete_backup_data"] = delete_backup_data
        if enabled is not None:
            self._values["enabled"] = enabled
        if time_zone is not None:
            self._values["time_zone"] = time_zone

    @builtins.property
    def name(self) -> builtins.str:
        '''Name of the backup schedule.

        :schema: InnoDbClusterSpecBackupSchedules#name
        '''
        result = self._values.get("name")
        assert result is not None, "Required property 'name' is missing"
        return typing.cast(builtins.str, result)

    @builtins.property
    def schedule(self) -> builtins.str:
        '''The schedule of the job, syntax as a cron expression.

        :schema: InnoDbClusterSpecBackupSchedules#schedule
        '''
        result = self._values.get("schedule")
        assert result is not None, "Required property 'schedule' is missing"
        return typing.cast(builtins.str, result)

    @builtins.property
    def backup_profile(
        self,
    ) -> typing.Optional["InnoDbClusterSpecBackupSchedulesBackupProfile"]:
        '''backupProfile specification if backupProfileName is not specified.

        :schema: InnoDbClusterSpecBackupSchedules#backupProfile
        '''
        result = self._values.get("backup_profile")
        return typing.cast(typing.Optional["InnoDbClusterSpecBackupSchedulesBackupProfile"], result)

    @builtins.property
    def backup_profile_name(self) -> typing.Optional[builtins.str]:
        '''Name of the backupProfile to be used.

        :schema: InnoDbClusterSpecBackupSchedules#backupProfileName
        '''
        result = self._values.get("backup_profile_name")
        return typing.cast(typing.Optional[builtins.str], result)

    @builtins.property
    def delete_backup_data(self) -> typing.Optional[builtins.bool]:
        '''Whether to delete the backup data in case the MySQLBackup object created by the job is deleted.

        :schema: InnoDbClusterSpecBackupSchedules#deleteBackupData
        '''
        result = self._values.get("delete_backup_data")
        return typing.cast(typing.Optional[builtins.bool], result)

    @builtins.property
    def enabled(self) -> typing.Optional[builtins.bool]:
        '''Whether the schedule is enabled or not.

        :schema: InnoDbClusterSpecBackupSchedules#enabled
        '''
        result = self._values.get("enabled")
        return typing.cast(typing.Optional[builtins.bool], result)

    @builtins.property
    def time_zone(self) -> typing.Optional[builtins.str]:
        '''Timezone for the backup schedule, example: 'America/New_York'.

        :schema: InnoDbClusterSpecBackupSchedules#timeZone
        '''
        result = self._values.get("time_zone")
        return typing.cast(typing.Optional[builtins.str], result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "InnoDbClusterSpecBackupSchedules(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


@jsii.data_type(
    jsii_type="mysql_comoraclemysql.InnoDbClusterSpecBackupSchedulesBackupProfile",
    jsii_struct_bases=[],
    name_mapping={
        "dump_instance": "dumpInstance",
        "pod_annotations": "podAnnotations",
        "pod_labels": "podLabels",
    },
)
class InnoDbClusterSpecBackupSchedulesBackupProfile:
    def __init__(
        self,
        *,
        dump_instance: typing.Optional[typing.Union["InnoDbClusterSpecBackupSchedulesBackupProfileDumpInstance", typing.Dict[builtins.str, typing.Any]]] = None,
        pod_annotations: typing.Any = None,
        pod_labels: typing.Any = None,
    ) -> None:
        '''backupProfile specification if backupProfileName is not specified.

        :param dump_instance: 
        :param pod_annotations: 
        :param pod_labels: 

        :schema: InnoDbClusterSpecBackupSchedulesBackupProfile
        '''
        if isinstance(dump_instance, dict):
            dump_instance = InnoDbClusterSpecBackupSchedulesBackupProfileDumpInstance(**dump_instance)
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__402310d2d422dc14bc003c605ac58b67f61ee1387728ed6e771caf4025d958f1)
            check_type(argname="argument dump_instance", value=dump_instance, expected_type=type_hints["dump_instance"])
            check_type(argname="argument pod_annotations", value=pod_annotations, expected_type=type_hints["pod_annotations"])
            check_type(argname="argument pod_labels", value=pod_labels, expected_type=type_hints["pod_labels"])
        self._values: typing.Dict[builtins.str, typing.Any] = {}
        if dump_instance is not None:
            self._values["dump_instance"] = dump_instance
        if pod_annotations is not None:
            self._values["pod_annotations"] = pod_annotations
        if pod_labels is not None:
            self._values["pod_labels"] = pod_labels

    @builtins.property
    def dump_instance(
        self,
    ) -> typing.Optional["InnoDbClusterSpecBackupSchedulesBackupProfileDumpInstance"]:
        '''
        :schema: InnoDbClusterSpecBackupSchedulesBackupProfile#dumpInstance
        '''
        result = self._values.get("dump_instance")
        return typing.cast(typing.Optional["InnoDbClusterSpecBackupSchedulesBackupProfileDumpInstance"], result)

    @builtins.property
    def pod_annotations(self) -> typing.Any:
        '''
        :schema: InnoDbClusterSpecBackupSchedulesBackupProfile#podAnnotations
        '''
        result = self._values.get("pod_annotations")
        return typing.cast(typing.Any, result)

    @builtins.property
    def pod_labels(self) -> typing.Any:
        '''
        :schema: InnoDbClusterSpecBackupSchedulesBackupProfile#podLabels
        '''
        result = self._values.get("pod_labels")
        return typing.cast(typing.Any, result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "InnoDbClusterSpecBackupSchedulesBackupProfile(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


@jsii.data_type(
    jsii_type="mysql_comoraclemysql.InnoDbClusterSpecBackupSchedulesBackupProfileDumpInstance",
    jsii_struct_bases=[],
    name_mapping={"dump_options": "dumpOptions", "storage": "storage"},
)
class InnoDbClusterSpecBackupSchedulesBackupProfileDumpInstance:
    def __init__(
        self,
        *,
        dump_options: typing.Any = None,
        storage: typing.Optional[typing.Union["InnoDbClusterSpecBackupSchedulesBackupProfileDumpInstanceStorage", typing.Dict[builtins.str, typing.Any]]] = None,
    ) -> None:
        '''
        :param dump_options: A dictionary of key-value pairs passed directly to MySQL Shell's DumpInstance().
        :param storage: 

        :schema: InnoDbClusterSpecBackupSchedulesBackupProfileDumpInstance
        '''
        if isinstance(storage, dict):
            storage = InnoDbClusterSpecBackupSchedulesBackupProfileDumpInstanceStorage(**storage)
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__0582fcbd6584e951ca6c36fb80768a55ba39b137e79c139dd4648f8dc63cea4b)
            check_type(argname="argument dump_options", value=dump_options, expected_type=type_hints["dump_options"])
            check_type(argname="argument storage", value=storage, expected_type=type_hints["storage"])
        self._values: typing.Dict[builtins.str, typing.Any] = {}
        if dump_options is not None:
            self._values["dump_options"] = dump_options
        if storage is not None:
            self._values["storage"] = storage

    @builtins.property
    def dump_options(self) -> typing.Any:
        '''A dictionary of key-value pairs passed directly to MySQL Shell's DumpInstance().

        :schema: InnoDbClusterSpecBackupSchedulesBackupProfileDumpInstance#dumpOptions
        '''
        result = self._values.get("dump_options")
        return typing.cast(typing.Any, result)

    @builtins.property
    def storage(
        self,
    ) -> typing.Optional["InnoDbClusterSpecBackupSchedulesBackupProfileDumpInstanceStorage"]:
        '''
        :schema: InnoDbClusterSpecBackupSchedulesBackupProfileDumpInstance#storage
        '''
        result = self._values.get("storage")
        return typing.cast(typing.Optional["InnoDbClusterSpecBackupSchedulesBackupProfileDumpInstanceStorage"], result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "InnoDbClusterSpecBackupSchedulesBackupProfileDumpInstance(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


@jsii.data_type(
    jsii_type="mysql_comoraclemysql.InnoDbClusterSpecBackupSchedulesBackupProfileDumpInstanceStorage",
    jsii_struct_bases=[],
    name_mapping={
        "azure": "azure",
        "oci_object_storage": "ociObjectStorage",
        "persistent_volume_claim": "persistentVolumeClaim",
        "s3": "s3",
    },
)
class InnoDbClusterSpecBackupSchedulesBackupProfileDumpInstanceStorage:
    def __init__(
        self,
        *,
        azure: typing.Optional[typing.Union["InnoDbClusterSpecBackupSchedulesBackupProfileDumpInstanceStorageAzure", typing.Dict[builtins.str, typing.Any]]] = None,
        oci_object_storage: typing.Optional[typing.Union["InnoDbClusterSpecBackupSchedulesBackupProfileDumpInstanceStorageOciObjectStorage", typing.Dict[builtins.str, typing.Any]]] = None,
        persistent_volume_claim: typing.Any = None,
        s3: typing.Optional[typing.Union["InnoDbClusterSpecBackupSchedulesBackupProfileDumpInstanceStorageS3", typing.Dict[builtins.str, typing.Any]]] = None,
    ) -> None:
        '''
        :param azure: 
        :param oci_object_storage: 
        :param persistent_volume_claim: Specification of the PVC to be used. Used 'as is' in pod executing the backup.
        :param s3: 

        :schema: InnoDbClusterSpecBackupSchedulesBackupProfileDumpInstanceStorage
        '''
        if isinstance(azure, dict):
            azure = InnoDbClusterSpecBackupSchedulesBackupProfileDumpInstanceStorageAzure(**azure)
        if isinstance(oci_object_storage, dict):
            oci_object_storage = InnoDbClusterSpecBackupSchedulesBackupProfileDumpInstanceStorageOciObjectStorage(**oci_object_storage)
        if isinstance(s3, dict):
            s3 = InnoDbClusterSpecBackupSchedulesBackupProfileDumpInstanceStorageS3(**s3)
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__acf17b402e20fd56edc8fbb0149bea187aae7cd18ab1367d0011d2e54b7f34b4)
            check_type(argname="argument azure", value=azure, expected_type=type_hints["azure"])
            check_type(argname="argument oci_object_storage", value=oci_object_storage, expected_type=type_hints["oci_object_storage"])
            check_type(argname="argument persistent_volume_claim", value=persistent_volume_claim, expected_type=type_hints["persistent_volume_claim"])
            check_type(argname="argument s3", value=s3, expected_type=type_hints["s3"])
        self._values: typing.Dict[builtins.str, typing.Any] = {}
        if azure is not None:
            self._values["azure"] = azure
        if oci_object_storage is not None:
            self._values["oci_object_storage"] = oci_object_storage
        if persistent_volume_claim is not None:
            self._values["persistent_volume_claim"] = persistent_volume_claim
        if s3 is not None:
            self._values["s3"] = s3

    @builtins.property
    def azure(
        self,
    ) -> typing.Optional["InnoDbClusterSpecBackupSchedulesBackupProfileDumpInstanceStorageAzure"]:
        '''
        :schema: InnoDbClusterSpecBackupSchedulesBackupProfileDumpInstanceStorage#azure
        '''
        result = self._values.get("azure")
        return typing.cast(typing.Optional["InnoDbClusterSpecBackupSchedulesBackupProfileDumpInstanceStorageAzure"], result)

    @builtins.property
    def oci_object_storage(
        self,
    ) -> typing.Optional["InnoDbClusterSpecBackupSchedulesBackupProfileDumpInstanceStorageOciObjectStorage"]:
        '''
        :schema: InnoDbClusterSpecBackupSchedulesBackupProfileDumpInstanceStorage#ociObjectStorage
        '''
        result = self._values.get("oci_object_storage")
        return typing.cast(typing.Optional["InnoDbClusterSpecBackupSchedulesBackupProfileDumpInstanceStorageOciObjectStorage"], result)

    @builtins.property
    def persistent_volume_claim(self) -> typing.Any:
        '''Specification of the PVC to be used.

        Used 'as is' in pod executing the backup.

        :schema: InnoDbClusterSpecBackupSchedulesBackupProfileDumpInstanceStorage#persistentVolumeClaim
        '''
        result = self._values.get("persistent_volume_claim")
        return typing.cast(typing.Any, result)

    @builtins.property
    def s3(
        self,
    ) -> typing.Optional["InnoDbClusterSpecBackupSchedulesBackupProfileDumpInstanceStorageS3"]:
        '''
        :schema: InnoDbClusterSpecBackupSchedulesBackupProfileDumpInstanceStorage#s3
        '''
        result = self._values.get("s3")
        return typing.cast(typing.Optional["InnoDbClusterSpecBackupSchedulesBackupProfileDumpInstanceStorageS3"], result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "InnoDbClusterSpecBackupSchedulesBackupProfileDumpInstanceStorage(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


@jsii.data_type(
    jsii_type="mysql_comoraclemysql.InnoDbClusterSpecBackupSchedulesBackupProfileDumpInstanceStorageAzure",
    jsii_struct_bases=[],
    name_mapping={
        "config": "config",
        "container_name": "containerName",
        "prefix": "prefix",
    },
)
class InnoDbClusterSpecBackupSchedulesBackupProfileDumpInstanceStorageAzure:
    def __init__(
        self,
        *,
        config: builtins.str,
        container_name: builtins.str,
        prefix: typing.Optional[builtins.str] = None,
    ) -> None:
        '''
        :param config: Name of a Secret with Azure BLOB Storage configuration and credentials.
        :param container_name: Name of the Azure BLOB Storage container where the dump is stored.
        :param prefix: Path in the container where the dump files are stored.

        :schema: InnoDbClusterSpecBackupSchedulesBackupProfileDumpInstanceStorageAzure
        '''
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__c225f30486b632a757ceb8fdf4a399930d016e56a0748866145319a1f9a5a2a3)
            check_type(argname="argument config", value=config, expected_type=type_hints["config"])
            check_type(argname="argument container_name", value=container_name, expected_type=type_hints["container_name"])
            check_type(argname="argument prefix", value=prefix, expected_type=type_hints["prefix"])
        self._values: typing.Dict[builtins.str, typing.Any] = {
            "config": config,
            "container_name": container_name,
        }
        if prefix is not None:
            self._values["prefix"] = prefix

    @builtins.property
    def config(self) -> builtins.str:
        '''Name of a Secret with Azure BLOB Storage configuration and credentials.

        :schema: InnoDbClusterSpecBackupSchedulesBackupProfileDumpInstanceStorageAzure#config
        '''
        result = self._values.get("config")
        assert result is not None, "Required property 'config' is missing"
        return typing.cast(builtins.str, result)

    @builtins.property
    def container_name(self) -> builtins.str:
        '''Name of the Azure  BLOB Storage container where the dump is stored.

        :schema: InnoDbClusterSpecBackupSchedulesBackupProfileDumpInstanceStorageAzure#containerName
        '''
        result = self._values.get("container_name")
        assert result is not None, "Required property 'container_name' is missing"
        return typing.cast(builtins.str, result)

    @builtins.property
    def prefix(self) -> typing.Optional[builtins.str]:
        '''Path in the container where the dump files are stored.

        :schema: InnoDbClusterSpecBackupSchedulesBackupProfileDumpInstanceStorageAzure#prefix
        '''
        result = self._values.get("prefix")
        return typing.cast(typing.Optional[builtins.str], result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "InnoDbClusterSpecBackupSchedulesBackupProfileDumpInstanceStorageAzure(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


@jsii.data_type(
    jsii_type="mysql_comoraclemysql.InnoDbClusterSpecBackupSchedulesBackupProfileDumpInstanceStorageOciObjectStorage",
    jsii_struct_bases=[],
    name_mapping={
        "bucket_name": "bucketName",
        "credentials": "credentials",
        "prefix": "prefix",
    },
)
class InnoDbClusterSpecBackupSchedulesBackupProfileDumpInstanceStorageOciObjectStorage:
    def __init__(
        self,
        *,
        bucket_name: builtins.str,
        credentials: builtins.str,
        prefix: typing.Optional[builtins.str] = None,
    ) -> None:
        '''
        :param bucket_name: Name of the OCI Bucket where backup is stored.
        :param credentials: Name of a Secret with data for accessing the bucket.
        :param prefix: Path in bucket where backup is stored.

        :schema: InnoDbClusterSpecBackupSchedulesBackupProfileDumpInstanceStorageOciObjectStorage
        '''
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__cf316e946a823963cb104775b320cce83c33d567bb61217812628111e3b7d07c)
            check_type(argname="argument bucket_name", value=bucket_name, expected_type=type_hints["bucket_name"])
            check_type(argname="argument credentials", value=credentials, expected_type=type_hints["credentials"])
            check_type(argname="argument prefix", value=prefix, expected_type=type_hints["prefix"])
        self._values: typing.Dict[builtins.str, typing.Any] = {
            "bucket_name": bucket_name,
            "credentials": credentials,
        }
        if prefix is not None:
            self._values["prefix"] = prefix

    @builtins.property
    def bucket_name(self) -> builtins.str:
        '''Name of the OCI Bucket where backup is stored.

        :schema: InnoDbClusterSpecBackupSchedulesBackupProfileDumpInstanceStorageOciObjectStorage#bucketName
        '''
        result = self._values.get("bucket_name")
        assert result is not None, "Required property 'bucket_name' is missing"
        return typing.cast(builtins.str, result)

    @builtins.property
    def credentials(self) -> builtins.str:
        '''Name of a Secret with data for accessing the bucket.

        :schema: InnoDbClusterSpecBackupSchedulesBackupProfileDumpInstanceStorageOciObjectStorage#credentials
        '''
        result = self._values.get("credentials")
        assert result is not None, "Required property 'credentials' is missing"
        return typing.cast(builtins.str, result)

    @builtins.property
    def prefix(self) -> typing.Optional[builtins.str]:
        '''Path in bucket where backup is stored.

        :schema: InnoDbClusterSpecBackupSchedulesBackupProfileDumpInstanceStorageOciObjectStorage#prefix
        '''
        result = self._values.get("prefix")
        return typing.cast(typing.Optional[builtins.str], result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "InnoDbClusterSpecBackupSchedulesBackupProfileDumpInstanceStorageOciObjectStorage(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


@jsii.data_type(
    jsii_type="mysql_comoraclemysql.InnoDbClusterSpecBackupSchedulesBackupProfileDumpInstanceStorageS3",
    jsii_struct_bases=[],
    name_mapping={
        "bucket_name": "bucketName",
        "config": "config",
        "endpoint": "endpoint",
        "prefix": "prefix",
        "profile": "profile",
    },
)
class InnoDbClusterSpecBackupSchedulesBackupProfileDumpInstanceStorageS3:
    def __init__(
        self,
        *,
        bucket_name: builtins.str,
        config: builtins.str,
        endpoint: typing.Optional[builtins.str] = None,
        prefix: typing.Optional[builtins.str] = None,
        profile: typing.Optional[builtins.str] = None,
    ) -> None:
        '''
        :param bucket_name: Name of the S3 bucket where the dump is stored.
        :param config: Name of a Secret with S3 configuration and credentials.
        :param endpoint: Override endpoint URL.
        :param prefix: Path in the bucket where the dump files are stored.
        :param profile: Profile being used in configuration files.

        :schema: InnoDbClusterSpecBackupSchedulesBackupProfileDumpInstanceStorageS3
        '''
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__a87e47f5e10e41ddc5d6a0f9bedb2cb4bd3d3ad2dbec43b037641f6b4273998b)
            check_type(argname="argument bucket_name", value=bucket_name, expected_type=type_hints["bucket_name"])
            check_type(argname="argument config", value=config, expected_type=type_hints["config"])
            check_type(argname="argument endpoint", value=endpoint, expected_type=type_hints["endpoint"])
            check_type(argname="argument prefix", value=prefix, expected_type=type_hints["prefix"])
            check_type(argname="argument profile", value=profile, expected_type=type_hints["profile"])
        self._values: typing.Dict[builtins.str, typing.Any] = {
            "bucket_name": bucket_name,
            "config": config,
        }
        if endpoint is not None:
            self._values["endpoint"] = endpoint
        if prefix is not None:
            self._values["prefix"] = prefix
        if profile is not None:
            self._values["profile"] = profile

    @builtins.property
    def bucket_name(self) -> builtins.str:
        '''Name of the S3 bucket where the dump is stored.

        :schema: InnoDbClusterSpecBackupSchedulesBackupProfileDumpInstanceStorageS3#bucketName
        '''
        result = self._values.get("bucket_name")
        assert result is not None, "Required property 'bucket_name' is missing"
        return typing.cast(builtins.str, result)

    @builtins.property
    def config(self) -> builtins.str:
        '''Name of a Secret with S3 configuration and credentials.

        :schema: InnoDbClusterSpecBackupSchedulesBackupProfileDumpInstanceStorageS3#config
        '''
        result = self._values.get("config")
        assert result is not None, "Required property 'config' is missing"
        return typing.cast(builtins.str, result)

    @builtins.property
    def endpoint(self) -> typing.Optional[builtins.str]:
        '''Override endpoint URL.

        :schema: InnoDbClusterSpecBackupSchedulesBackupProfileDumpInstanceStorageS3#endpoint
        '''
        result = self._values.get("endpoint")
        return typing.cast(typing.Optional[builtins.str], result)

    @builtins.property
    def prefix(self) -> typing.Optional[builtins.str]:
        '''Path in the bucket where the dump files are stored.

        :schema: InnoDbClusterSpecBackupSchedulesBackupProfileDumpInstanceStorageS3#prefix
        '''
        result = self._values.get("prefix")
        return typing.cast(typing.Optional[builtins.str], result)

    @builtins.property
    def profile(self) -> typing.Optional[builtins.str]:
        '''Profile being used in configuration files.

        :schema: InnoDbClusterSpecBackupSchedulesBackupProfileDumpInstanceStorageS3#profile
        '''
        result = self._values.get("profile")
        return typing.cast(typing.Optional[builtins.str], result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "InnoDbClusterSpecBackupSchedulesBackupProfileDumpInstanceStorageS3(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


@jsii.data_type(
    jsii_type="mysql_comoraclemysql.InnoDbClusterSpecDatadirPermissions",
    jsii_struct_bases=[],
    name_mapping={
        "fs_group_change_policy": "fsGroupChangePolicy",
        "set_rights_using_init_container": "setRightsUsingInitContainer",
    },
)
class InnoDbClusterSpecDatadirPermissions:
    def __init__(
        self,
        *,
        fs_group_change_policy: typing.Optional[builtins.str] = None,
        set_rights_using_init_container: typing.Optional[builtins.bool] = None,
    ) -> None:
        '''
        :param fs_group_change_policy: Optional fsGroupChangePolicy value to be set in the pod security context. Some possible values are OnRootMismatch and Always. For more information check the official Kubernetes documentation
        :param set_rights_using_init_container: Whether to use an init container to set at start the DataDir permissions.

        :schema: InnoDbClusterSpecDatadirPermissions
        '''
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__876d2f8fce8e0b54b1486a6a0664a4c45cf110ee966067c48b5a121767f7451c)
            check_type(argname="argument fs_group_change_policy", value=fs_group_change_policy, expected_type=type_hints["fs_group_change_policy"])
            check_type(argname="argument set_rights_using_init_container", value=set_rights_using_init_container, expected_type=type_hints["set_rights_using_init_container"])
        self._values: typing.Dict[builtins.str, typing.Any] = {}
        if fs_group_change_policy is not None:
            self._values["fs_group_change_policy"] = fs_group_change_policy
        if set_rights_using_init_container is not None:
            self._values["set_rights_using_init_container"] = set_rights_using_init_container

    @builtins.property
    def fs_group_change_policy(self) -> typing.Optional[builtins.str]:
        '''Optional fsGroupChangePolicy value to be set in the pod security context.

        Some possible values are OnRootMismatch and Always. For more information check the official Kubernetes documentation

        :schema: InnoDbClusterSpecDatadirPermissions#fsGroupChangePolicy
        '''
        result = self._values.get("fs_group_change_policy")
        return typing.cast(typing.Optional[builtins.str], result)

    @builtins.property
    def set_rights_using_init_container(self) -> typing.Optional[builtins.bool]:
        '''Whether to use an init container to set at start the DataDir permissions.

        :schema: InnoDbClusterSpecDatadirPermissions#setRightsUsingInitContainer
        '''
        result = self._values.get("set_rights_using_init_container")
        return typing.cast(typing.Optional[builtins.bool], result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "InnoDbClusterSpecDatadirPermissions(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


@jsii.data_type(
    jsii_type="mysql_comoraclemysql.InnoDbClusterSpecImagePullSecrets",
    jsii_struct_bases=[],
    name_mapping={"name": "name"},
)
class InnoDbClusterSpecImagePullSecrets:
    def __init__(self, *, name: typing.Optional[builtins.str] = None) -> None:
        '''
        :param name: 

        :schema: InnoDbClusterSpecImagePullSecrets
        '''
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__46b60591f65f61f8d9065a0ca65032159390a5df68dcbb12d8eca35d75b1dbdf)
            check_type(argname="argument name", value=name, expected_type=type_hints["name"])
        self._values: typing.Dict[builtins.str, typing.Any] = {}
        if name is not None:
            self._values["name"] = name

    @builtins.property
    def name(self) -> typing.Optional[builtins.str]:
        '''
        :schema: InnoDbClusterSpecImagePullSecrets#name
        '''
        result = self._values.get("name")
        return typing.cast(typing.Optional[builtins.str], result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "InnoDbClusterSpecImagePullSecrets(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


@jsii.data_type(
    jsii_type="mysql_comoraclemysql.InnoDbClusterSpecInitDb",
    jsii_struct_bases=[],
    name_mapping={"clone": "clone", "dump": "dump"},
)
class InnoDbClusterSpecInitDb:
    def __init__(
        self,
        *,
        clone: typing.Optional[typing.Union["InnoDbClusterSpecInitDbClone", typing.Dict[builtins.str, typing.Any]]] = None,
        dump: typing.Optional[typing.Union["InnoDbClusterSpecInitDbDump", typing.Dict[builtins.str, typing.Any]]] = None,
    ) -> None:
        '''
        :param clone: 
        :param dump: 

        :schema: InnoDbClusterSpecInitDb
        '''
        if isinstance(clone, dict):
            clone = InnoDbClusterSpecInitDbClone(**clone)
        if isinstance(dump, dict):
            dump = InnoDbClusterSpecInitDbDump(**dump)
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__5dbd8196a61912df195d670054b6c276900e55516ab81810ec33f9d794f03e7c)
            check_type(argname="argument clone", value=clone, expected_type=type_hints["clone"])
            check_type(argname="argument dump", value=dump, expected_type=type_hints["dump"])
        self._values: typing.Dict[builtins.str, typing.Any] = {}
        if clone is not None:
            self._values["clone"] = clone
        if dump is not None:
            self._values["dump"] = dump

    @builtins.property
    def clone(self) -> typing.Optional["InnoDbClusterSpecInitDbClone"]:
        '''
        :schema: InnoDbClusterSpecInitDb#clone
        '''
        result = self._values.get("clone")
        return typing.cast(typing.Optional["InnoDbClusterSpecInitDbClone"], result)

    @builtins.property
    def dump(self) -> typing.Optional["InnoDbClusterSpecInitDbDump"]:
        '''
        :schema: InnoDbClusterSpecInitDb#dump
        '''
        result = self._values.get("dump")
        return typing.cast(typing.Optional["InnoDbClusterSpecInitDbDump"], result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "InnoDbClusterSpecInitDb(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


@jsii.data_type(
    jsii_type="mysql_comoraclemysql.InnoDbClusterSpecInitDbClone",
    jsii_struct_bases=[],
    name_mapping={
        "donor_url": "donorUrl",
        "secret_key_ref": "secretKeyRef",
        "root_user": "rootUser",
    },
)
class InnoDbClusterSpecInitDbClone:
    def __init__(
        self,
        *,
        donor_url: builtins.str,
        secret_key_ref: typing.Union["InnoDbClusterSpecInitDbCloneSecretKeyRef", typing.Dict[builtins.str, typing.Any]],
        root_user: typing.Optional[builtins.str] = None,
    ) -> None:
        '''
        :param donor_url: URL of the cluster to clone from.
        :param secret_key_ref: 
        :param root_user: User name used for cloning.

        :schema: InnoDbClusterSpecInitDbClone
        '''
        if isinstance(secret_key_ref, dict):
            secret_key_ref = InnoDbClusterSpecInitDbCloneSecretKeyRef(**secret_key_ref)
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__88dbc1a516764a1b2909c8bd689d39015c9fbb07fa140f8182c73106ecd29fe5)
            check_type(argname="argument donor_url", value=donor_url, expected_type=type_hints["donor_url"])
            check_type(argname="argument secret_key_ref", value=secret_key_ref, expected_type=type_hints["secret_key_ref"])
            check_type(argname="argument root_user", value=root_user, expected_type=type_hints["root_user"])
        self._values: typing.Dict[builtins.str, typing.Any] = {
            "donor_url": donor_url,
            "secret_key_ref": secret_key_ref,
        }
        if root_user is not None:
            self._values["root_user"] = root_user

    @builtins.property
    def donor_url(self) -> builtins.str:
        '''URL of the cluster to clone from.

        :schema: InnoDbClusterSpecInitDbClone#donorUrl
        '''
        result = self._values.get("donor_url")
        assert result is not None, "Required property 'donor_url' is missing"
        return typing.cast(builtins.str, result)

    @builtins.property
    def secret_key_ref(self) -> "InnoDbClusterSpecInitDbCloneSecretKeyRef":
        '''
        :schema: InnoDbClusterSpecInitDbClone#secretKeyRef
        '''
        result = self._values.get("secret_key_ref")
        assert result is not None, "Required property 'secret_key_ref' is missing"
        return typing.cast("InnoDbClusterSpecInitDbCloneSecretKeyRef", result)

    @builtins.property
    def root_user(self) -> typing.Optional[builtins.str]:
        '''User name used for cloning.

        :schema: InnoDbClusterSpecInitDbClone#rootUser
        '''
        result = self._values.get("root_user")
        return typing.cast(typing.Optional[builtins.str], result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "InnoDbClusterSpecInitDbClone(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


@jsii.data_type(
    jsii_type="mysql_comoraclemysql.InnoDbClusterSpecInitDbCloneSecretKeyRef",
    jsii_struct_bases=[],
    name_mapping={"name": "name"},
)
class InnoDbClusterSpecInitDbCloneSecretKeyRef:
    def __init__(self, *, name: builtins.str) -> None:
        '''
        :param name: Secret name with key 'rootPassword' storing the password for the user specified in rootUser.

        :schema: InnoDbClusterSpecInitDbCloneSecretKeyRef
        '''
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__e0db3810c091024e3161e74e1f06b1af514c7d465e9e24bbb39eed376c4b94aa)
            check_type(argname="argument name", value=name, expected_type=type_hints["name"])
        self._values: typing.Dict[builtins.str, typing.Any] = {
            "name": name,
        }

    @builtins.property
    def name(self) -> builtins.str:
        '''Secret name with key 'rootPassword' storing the password for the user specified in rootUser.

        :schema: InnoDbClusterSpecInitDbCloneSecretKeyRef#name
        '''
        result = self._values.get("name")
        assert result is not None, "Required property 'name' is missing"
        return typing.cast(builtins.str, result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "InnoDbClusterSpecInitDbCloneSecretKeyRef(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


@jsii.data_type(
    jsii_type="mysql_comoraclemysql.InnoDbClusterSpecInitDbDump",
    jsii_struct_bases=[],
    name_mapping={
        "storage": "storage",
        "name": "name",
        "options": "options",
        "path": "path",
    },
)
class InnoDbClusterSpecInitDbDump:
    def __init__(
        self,
        *,
        storage: typing.Union["InnoDbClusterSpecInitDbDumpStorage", typing.Dict[builtins.str, typing.Any]],
        name: typing.Optional[builtins.str] = None,
        options: typing.Any = None,
        path: typing.Optional[builtins.str] = None,
    ) -> None:
        '''
        :param storage: 
        :param name: Name of the dump. Not used by the operator, but a descriptive hint for the cluster administrator
        :param options: A dictionary of key-value pairs passed directly to MySQL Shell's loadDump().
        :param path: Path to the dump in the PVC. Use when specifying persistentVolumeClaim. Omit for ociObjectStorage, S3, or azure.

        :schema: InnoDbClusterSpecInitDbDump
        '''
        if isinstance(storage, dict):
            storage = InnoDbClusterSpecInitDbDumpStorage(**storage)
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__33fea2f266f5bc18a59134e541dbb42a71b7b276844ace36732f93aa7129eacf)
            check_type(argname="argument storage", value=storage, expected_type=type_hints["storage"])
            check_type(argname="argument name", value=name, expected_type=type_hints["name"])
            check_type(argname="argument options", value=options, expected_type=type_hints["options"])
            check_type(argname="argument path", value=path, expected_type=type_hints["path"])
        self._values: typing.Dict[builtins.str, typing.Any] = {
            "storage": storage,
        }
        if name is not None:
            self._values["name"] = name
        if options is not None:
            self._values["options"] = options
        if path is not None:
            self._values["path"] = path

    @builtins.property
    def storage(self) -> "InnoDbClusterSpecInitDbDumpStorage":
        '''
        :schema: InnoDbClusterSpecInitDbDump#storage
        '''
        result = self._values.get("storage")
        assert result is not None, "Required property 'storage' is missing"
        return typing.cast("InnoDbClusterSpecInitDbDumpStorage", result)

    @builtins.property
    def name(self) -> typing.Optional[builtins.str]:
        '''Name of the dump.

        Not used by the operator, but a descriptive hint for the cluster administrator

        :schema: InnoDbClusterSpecInitDbDump#name
        '''
        result = self._values.get("name")
        return typing.cast(typing.Optional[builtins.str], result)

    @builtins.property
    def options(self) -> typing.Any:
        '''A dictionary of key-value pairs passed directly to MySQL Shell's loadDump().

        :schema: InnoDbClusterSpecInitDbDump#options
        '''
        result = self._values.get("options")
        return typing.cast(typing.Any, result)

    @builtins.property
    def path(self) -> typing.Optional[builtins.str]:
        '''Path to the dump in the PVC.

        Use when specifying persistentVolumeClaim. Omit for ociObjectStorage, S3, or azure.

        :schema: InnoDbClusterSpecInitDbDump#path
        '''
        result = self._values.get("path")
        return typing.cast(typing.Optional[builtins.str], result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "InnoDbClusterSpecInitDbDump(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


@jsii.data_type(
    jsii_type="mysql_comoraclemysql.InnoDbClusterSpecInitDbDumpStorage",
    jsii_struct_bases=[],
    name_mapping={
        "azure": "azure",
        "oci_object_storage": "ociObjectStorage",
        "persistent_volume_claim": "persistentVolumeClaim",
        "s3": "s3",
    },
)
class InnoDbClusterSpecInitDbDumpStorage:
    def __init__(
        self,
        *,
        azure: typing.Optional[typing.Union["InnoDbClusterSpecInitDbDumpStorageAzure", typing.Dict[builtins.str, typing.Any]]] = None,
        oci_object_storage: typing.Optional[typing.Union["InnoDbClusterSpecInitDbDumpStorageOciObjectStorage", typing.Dict[builtins.str, typing.Any]]] = None,
        persistent_volume_claim: typing.Any = None,
        s3: typing.Optional[typing.Union["InnoDbClusterSpecInitDbDumpStorageS3", typing.Dict[builtins.str, typing.Any]]] = None,
    ) -> None:
        '''
        :param azure: 
        :param oci_object_storage: 
        :param persistent_volume_claim: Specification of the PVC to be used. Used 'as is' in the cloning pod.
        :param s3: 

        :schema: InnoDbClusterSpecInitDbDumpStorage
        '''
        if isinstance(azure, dict):
            azure = InnoDbClusterSpecInitDbDumpStorageAzure(**azure)
        if isinstance(oci_object_storage, dict):
            oci_object_storage = InnoDbClusterSpecInitDbDumpStorageOciObjectStorage(**oci_object_storage)
        if isinstance(s3, dict):
            s3 = InnoDbClusterSpecInitDbDumpStorageS3(**s3)
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__fda5bae755b14a3a85e7ae7cd01666458a75557da4d52882c589cbb39e714926)
            check_type(argname="argument azure", value=azure, expected_type=type_hints["azure"])
            check_type(argname="argument oci_object_storage", value=oci_object_storage, expected_type=type_hints["oci_object_storage"])
            check_type(argname="argument persistent_volume_claim", value=persistent_volume_claim, expected_type=type_hints["persistent_volume_claim"])
            check_type(argname="argument s3", value=s3, expected_type=type_hints["s3"])
        self._values: typing.Dict[builtins.str, typing.Any] = {}
        if azure is not None:
            self._values["azure"] = azure
        if oci_object_storage is not None:
            self._values["oci_object_storage"] = oci_object_storage
        if persistent_volume_claim is not None:
            self._values["persistent_volume_claim"] = persistent_volume_claim
        if s3 is not None:
            self._values["s3"] = s3

    @builtins.property
    def azure(self) -> typing.Optional["InnoDbClusterSpecInitDbDumpStorageAzure"]:
        '''
        :schema: InnoDbClusterSpecInitDbDumpStorage#azure
        '''
        result = self._values.get("azure")
        return typing.cast(typing.Optional["InnoDbClusterSpecInitDbDumpStorageAzure"], result)

    @builtins.property
    def oci_object_storage(
        self,
    ) -> typing.Optional["InnoDbClusterSpecInitDbDumpStorageOciObjectStorage"]:
        '''
        :schema: InnoDbClusterSpecInitDbDumpStorage#ociObjectStorage
        '''
        result = self._values.get("oci_object_storage")
        return typing.cast(typing.Optional["InnoDbClusterSpecInitDbDumpStorageOciObjectStorage"], result)

    @builtins.property
    def persistent_volume_claim(self) -> typing.Any:
        '''Specification of the PVC to be used.

        Used 'as is' in the cloning pod.

        :schema: InnoDbClusterSpecInitDbDumpStorage#persistentVolumeClaim
        '''
        result = self._values.get("persistent_volume_claim")
        return typing.cast(typing.Any, result)

    @builtins.property
    def s3(self) -> typing.Optional["InnoDbClusterSpecInitDbDumpStorageS3"]:
        '''
        :schema: InnoDbClusterSpecInitDbDumpStorage#s3
        '''
        result = self._values.get("s3")
        return typing.cast(typing.Optional["InnoDbClusterSpecInitDbDumpStorageS3"], result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "InnoDbClusterSpecInitDbDumpStorage(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


@jsii.data_type(
    jsii_type="mysql_comoraclemysql.InnoDbClusterSpecInitDbDumpStorageAzure",
    jsii_struct_bases=[],
    name_mapping={
        "config": "config",
        "container_name": "containerName",
        "prefix": "prefix",
    },
)
class InnoDbClusterSpecInitDbDumpStorageAzure:
    def __init__(
        self,
        *,
        config: builtins.str,
        container_name: builtins.str,
        prefix: builtins.str,
    ) -> None:
        '''
        :param config: Name of a Secret with Azure BLOB Storage configuration and credentials.
        :param container_name: Name of the Azure BLOB Storage container where the dump is stored.
        :param prefix: Path in the container where the dump files are stored.

        :schema: InnoDbClusterSpecInitDbDumpStorageAzure
        '''
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__96e10904549a2c0403fab61c92079c394adf9ffe05accb04bc16ef92f3a870c1)
            check_type(argname="argument config", value=config, expected_type=type_hints["config"])
            check_type(argname="argument container_name", value=container_name, expected_type=type_hints["container_name"])
            check_type(argname="argument prefix", value=prefix, expected_type=type_hints["prefix"])
        self._values: typing.Dict[builtins.str, typing.Any] = {
            "config": config,
            "container_name": container_name,
            "prefix": prefix,
        }

    @builtins.property
    def config(self) -> builtins.str:
        '''Name of a Secret with Azure BLOB Storage configuration and credentials.

        :schema: InnoDbClusterSpecInitDbDumpStorageAzure#config
        '''
        result = self._values.get("config")
        assert result is not None, "Required property 'config' is missing"
        return typing.cast(builtins.str, result)

    @builtins.property
    def container_name(self) -> builtins.str:
        '''Name of the Azure  BLOB Storage container where the dump is stored.

        :schema: InnoDbClusterSpecInitDbDumpStorageAzure#containerName
        '''
        result = self._values.get("container_name")
        assert result is not None, "Required property 'container_name' is missing"
        return typing.cast(builtins.str, result)

    @builtins.property
    def prefix(self) -> builtins.str:
        '''Path in the container where the dump files are stored.

        :schema: InnoDbClusterSpecInitDbDumpStorageAzure#prefix
        '''
        result = self._values.get("prefix")
        assert result is not None, "Required property 'prefix' is missing"
        return typing.cast(builtins.str, result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "InnoDbClusterSpecInitDbDumpStorageAzure(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


@jsii.data_type(
    jsii_type="mysql_comoraclemysql.InnoDbClusterSpecInitDbDumpStorageOciObjectStorage",
    jsii_struct_bases=[],
    name_mapping={
        "bucket_name": "bucketName",
        "credentials": "credentials",
        "prefix": "prefix",
    },
)
class InnoDbClusterSpecInitDbDumpStorageOciObjectStorage:
    def __init__(
        self,
        *,
        bucket_name: builtins.str,
        credentials: builtins.str,
        prefix: builtins.str,
    ) -> None:
        '''
        :param bucket_name: Name of the OCI bucket where the dump is stored.
        :param credentials: Name of a Secret with data for accessing the bucket.
        :param prefix: Path in the bucket where the dump files are stored.

        :schema: InnoDbClusterSpecInitDbDumpStorageOciObjectStorage
        '''
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__cc895fcd3c53dfd60215ce1a61b7f13f286d6fbf49e9cf218c6e614d164cc960)
            check_type(argname="argument bucket_name", value=bucket_name, expected_type=type_hints["bucket_name"])
            check_type(argname="argument credentials", value=credentials, expected_type=type_hints["credentials"])
            check_type(argname="argument prefix", value=prefix, expected_type=type_hints["prefix"])
        self._values: typing.Dict[builtins.str, typing.Any] = {
            "bucket_name": bucket_name,
            "credentials": credentials,
            "prefix": prefix,
        }

    @builtins.property
    def bucket_name(self) -> builtins.str:
        '''Name of the OCI bucket where the dump is stored.

        :schema: InnoDbClusterSpecInitDbDumpStorageOciObjectStorage#bucketName
        '''
        result = self._values.get("bucket_name")
        assert result is not None, "Required property 'bucket_name' is missing"
        return typing.cast(builtins.str, result)

    @builtins.property
    def credentials(self) -> builtins.str:
        '''Name of a Secret with data for accessing the bucket.

        :schema: InnoDbClusterSpecInitDbDumpStorageOciObjectStorage#credentials
        '''
        result = self._values.get("credentials")
        assert result is not None, "Required property 'credentials' is missing"
        return typing.cast(builtins.str, result)

    @builtins.property
    def prefix(self) -> builtins.str:
        '''Path in the bucket where the dump files are stored.

        :schema: InnoDbClusterSpecInitDbDumpStorageOciObjectStorage#prefix
        '''
        result = self._values.get("prefix")
        assert result is not None, "Required property 'prefix' is missing"
        return typing.cast(builtins.str, result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "InnoDbClusterSpecInitDbDumpStorageOciObjectStorage(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


@jsii.data_type(
    jsii_type="mysql_comoraclemysql.InnoDbClusterSpecInitDbDumpStorageS3",
    jsii_struct_bases=[],
    name_mapping={
        "bucket_name": "bucketName",
        "config": "config",
        "prefix": "prefix",
        "endpoint": "endpoint",
        "profile": "profile",
    },
)
class InnoDbClusterSpecInitDbDumpStorageS3:
    def __init__(
        self,
        *,
        bucket_name: builtins.str,
        config: builtins.str,
        prefix: builtins.str,
        endpoint: typing.Optional[builtins.str] = None,
        profile: typing.Optional[builtins.str] = None,
    ) -> None:
        '''
        :param bucket_name: Name of the S3 bucket where the dump is stored.
        :param config: Name of a Secret with S3 configuration and credentials.
        :param prefix: Path in the bucket where the dump files are stored.
        :param endpoint: Override endpoint URL.
        :param profile: Profile being used in configuration files.

        :schema: InnoDbClusterSpecInitDbDumpStorageS3
        '''
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__1ded36efefe3a193274e046a938c754907fdf336123a4abb74b16c6088e43130)
            check_type(argname="argument bucket_name", value=bucket_name, expected_type=type_hints["bucket_name"])
            check_type(argname="argument config", value=config, expected_type=type_hints["config"])
            check_type(argname="argument prefix", value=prefix, expected_type=type_hints["prefix"])
            check_type(argname="argument endpoint", value=endpoint, expected_type=type_hints["endpoint"])
            check_type(argname="argument profile", value=profile, expected_type=type_hints["profile"])
        self._values: typing.Dict[builtins.str, typing.Any] = {
            "bucket_name": bucket_name,
            "config": config,
            "prefix": prefix,
        }
        if endpoint is not None:
            self._values["endpoint"] = endpoint
        if profile is not None:
            self._values["profile"] = profile

    @builtins.property
    def bucket_name(self) -> builtins.str:
        '''Name of the S3 bucket where the dump is stored.

        :schema: InnoDbClusterSpecInitDbDumpStorageS3#bucketName
        '''
        result = self._values.get("bucket_name")
        assert result is not None, "Required property 'bucket_name' is missing"
        return typing.cast(builtins.str, result)

    @builtins.property
    def config(self) -> builtins.str:
        '''Name of a Secret with S3 configuration and credentials.

        :schema: InnoDbClusterSpecInitDbDumpStorageS3#config
        '''
        result = self._values.get("config")
        assert result is not None, "Required property 'config' is missing"
        return typing.cast(builtins.str, result)

    @builtins.property
    def prefix(self) -> builtins.str:
        '''Path in the bucket where the dump files are stored.

        :schema: InnoDbClusterSpecInitDbDumpStorageS3#prefix
        '''
        result = self._values.get("prefix")
        assert result is not None, "Required property 'prefix' is missing"
        return typing.cast(builtins.str, result)

    @builtins.property
    def endpoint(self) -> typing.Optional[builtins.str]:
        '''Override endpoint URL.

        :schema: InnoDbClusterSpecInitDbDumpStorageS3#endpoint
        '''
        result = self._values.get("endpoint")
        return typing.cast(typing.Optional[builtins.str], result)

    @builtins.property
    def profile(self) -> typing.Optional[builtins.str]:
        '''Profile being used in configuration files.

        :schema: InnoDbClusterSpecInitDbDumpStorageS3#profile
        '''
        result = self._values.get("profile")
        return typing.cast(typing.Optional[builtins.str], result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "InnoDbClusterSpecInitDbDumpStorageS3(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


@jsii.data_type(
    jsii_type="mysql_comoraclemysql.InnoDbClusterSpecKeyring",
    jsii_struct_bases=[],
    name_mapping={"encrypted_file": "encryptedFile", "file": "file", "oci": "oci"},
)
class InnoDbClusterSpecKeyring:
    def __init__(
        self,
        *,
        encrypted_file: typing.Optional[typing.Union["InnoDbClusterSpecKeyringEncryptedFile", typing.Dict[builtins.str, typing.Any]]] = None,
        file: typing.Optional[typing.Union["InnoDbClusterSpecKeyringFile", typing.Dict[builtins.str, typing.Any]]] = None,
        oci: typing.Optional[typing.Union["InnoDbClusterSpecKeyringOci", typing.Dict[builtins.str, typing.Any]]] = None,
    ) -> None:
        '''Keyring specification.

        :param encrypted_file: Keyring 'Encrypted File' specification.
        :param file: Keyring 'File' specification.
        :param oci: Keyring 'OCI' specification.

        :schema: InnoDbClusterSpecKeyring
        '''
        if isinstance(encrypted_file, dict):
            encrypted_file = InnoDbClusterSpecKeyringEncryptedFile(**encrypted_file)
        if isinstance(file, dict):
            file = InnoDbClusterSpecKeyringFile(**file)
        if isinstance(oci, dict):
            oci = InnoDbClusterSpecKeyringOci(**oci)
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__5a155b59d98e149fe4468d9b493d3b812f269ebde96cc9f6202a8c488bf741fa)
            check_type(argname="argument encrypted_file", value=encrypted_file, expected_type=type_hints["encrypted_file"])
            check_type(argname="argument file", value=file, expected_type=type_hints["file"])
            check_type(argname="argument oci", value=oci, expected_type=type_hints["oci"])
        self._values: typing.Dict[builtins.str, typing.Any] = {}
        if encrypted_file is not None:
            self._values["encrypted_file"] = encrypted_file
        if file is not None:
            self._values["file"] = file
        if oci is not None:
            self._values["oci"] = oci

    @builtins.property
    def encrypted_file(
        self,
    ) -> typing.Optional["InnoDbClusterSpecKeyringEncryptedFile"]:
        '''Keyring 'Encrypted File' specification.

        :schema: InnoDbClusterSpecKeyring#encryptedFile
        '''
        result = self._values.get("encrypted_file")
        return typing.cast(typing.Optional["InnoDbClusterSpecKeyringEncryptedFile"], result)

    @builtins.property
    def file(self) -> typing.Optional["InnoDbClusterSpecKeyringFile"]:
        '''Keyring 'File' specification.

        :schema: InnoDbClusterSpecKeyring#file
        '''
        result = self._values.get("file")
        return typing.cast(typing.Optional["InnoDbClusterSpecKeyringFile"], result)

    @builtins.property
    def oci(self) -> typing.Optional["InnoDbClusterSpecKeyringOci"]:
        '''Keyring 'OCI' specification.

        :schema: InnoDbClusterSpecKeyring#oci
        '''
        result = self._values.get("oci")
        return typing.cast(typing.Optional["InnoDbClusterSpecKeyringOci"], result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "InnoDbClusterSpecKeyring(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


@jsii.data_type(
    jsii_type="mysql_comoraclemysql.InnoDbClusterSpecKeyringEncryptedFile",
    jsii_struct_bases=[],
    name_mapping={
        "password": "password",
        "storage": "storage",
        "file_name": "fileName",
        "read_only": "readOnly",
    },
)
class InnoDbClusterSpecKeyringEncryptedFile:
    def __init__(
        self,
        *,
        password: builtins.str,
        storage: typing.Any,
        file_name: typing.Optional[builtins.str] = None,
        read_only: typing.Optional[builtins.bool] = None,
    ) -> None:
        '''Keyring 'Encrypted File' specification.

        :param password: Name of a secret that contains password for the keyring in the key 'keyring_password'.
        :param storage: Specification of the volume to be mounted where the keyring file resides.
        :param file_name: Path to the keyring file name inside the storage volume (will be prefixed by mount path).
        :param read_only: Whether to open the keyring file in read-only mode.

        :schema: InnoDbClusterSpecKeyringEncryptedFile
        '''
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__c5f2c71923543315dca890fb05894dbf220710002d90611b277b3874079eac0d)
            check_type(argname="argument password", value=password, expected_type=type_hints["password"])
            check_type(argname="argument storage", value=storage, expected_type=type_hints["storage"])
            check_type(argname="argument file_name", value=file_name, expected_type=type_hints["file_name"])
            check_type(argname="argument read_only", value=read_only, expected_type=type_hints["read_only"])
        self._values: typing.Dict[builtins.str, typing.Any] = {
            "password": password,
            "storage": storage,
        }
        if file_name is not None:
            self._values["file_name"] = file_name
        if read_only is not None:
            self._values["read_only"] = read_only

    @builtins.property
    def password(self) -> builtins.str:
        '''Name of a secret that contains password for the keyring in the key 'keyring_password'.

        :schema: InnoDbClusterSpecKeyringEncryptedFile#password
        '''
        result = self._values.get("password")
        assert result is not None, "Required property 'password' is missing"
        return typing.cast(builtins.str, result)

    @builtins.property
    def storage(self) -> typing.Any:
        '''Specification of the volume to be mounted where the keyring file resides.

        :schema: InnoDbClusterSpecKeyringEncryptedFile#storage
        '''
        result = self._values.get("storage")
        assert result is not None, "Required property 'storage' is missing"
        return typing.cast(typing.Any, result)

    @builtins.property
    def file_name(self) -> typing.Optional[builtins.str]:
        '''Path to the keyring file name inside the storage volume (will be prefixed by mount path).

        :schema: InnoDbClusterSpecKeyringEncryptedFile#fileName
        '''
        result = self._values.get("file_name")
        return typing.cast(typing.Optional[builtins.str], result)

    @builtins.property
    def read_only(self) -> typing.Optional[builtins.bool]:
        '''Whether to open the keyring file in read-only mode.

        :schema: InnoDbClusterSpecKeyringEncryptedFile#readOnly
        '''
        result = self._values.get("read_only")
        return typing.cast(typing.Optional[builtins.bool], result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "InnoDbClusterSpecKeyringEncryptedFile(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


@jsii.data_type(
    jsii_type="mysql_comoraclemysql.InnoDbClusterSpecKeyringFile",
    jsii_struct_bases=[],
    name_mapping={
        "storage": "storage",
        "file_name": "fileName",
        "read_only": "readOnly",
    },
)
class InnoDbClusterSpecKeyringFile:
    def __init__(
        self,
        *,
        storage: typing.Any,
        file_name: typing.Optional[builtins.str] = None,
        read_only: typing.Optional[builtins.bool] = None,
    ) -> None:
        '''Keyring 'File' specification.

        :param storage: Specification of the volume to be mounted where the keyring file resides.
        :param file_name: Path to the keyring file name inside the storage volume (will be prefixed by mount path).
        :param read_only: Whether to open the keyring file in read-only mode.

        :schema: InnoDbClusterSpecKeyringFile
        '''
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__abf0bad338008dc7290550880270c1f00fe2539a7cb6372de3f5aa1c2d999ad6)
            check_type(argname="argument storage", value=storage, expected_type=type_hints["storage"])
            check_type(argname="argument file_name", value=file_name, expected_type=type_hints["file_name"])
            check_type(argname="argument read_only", value=read_only, expected_type=type_hints["read_only"])
        self._values: typing.Dict[builtins.str, typing.Any] = {
            "storage": storage,
        }
        if file_name is not None:
            self._values["file_name"] = file_name
        if read_only is not None:
            self._values["read_only"] = read_only

    @builtins.property
    def storage(self) -> typing.Any:
        '''Specification of the volume to be mounted where the keyring file resides.

        :schema: InnoDbClusterSpecKeyringFile#storage
        '''
        result = self._values.get("storage")
        assert result is not None, "Required property 'storage' is missing"
        return typing.cast(typing.Any, result)

    @builtins.property
    def file_name(self) -> typing.Optional[builtins.str]:
        '''Path to the keyring file name inside the storage volume (will be prefixed by mount path).

        :schema: InnoDbClusterSpecKeyringFile#fileName
        '''
        result = self._values.get("file_name")
        return typing.cast(typing.Optional[builtins.str], result)

    @builtins.property
    def read_only(self) -> typing.Optional[builtins.bool]:
        '''Whether to open the keyring file in read-only mode.

        :schema: InnoDbClusterSpecKeyringFile#readOnly
        '''
        result = self._values.get("read_only")
        return typing.cast(typing.Optional[builtins.bool], result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "InnoDbClusterSpecKeyringFile(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


@jsii.data_type(
    jsii_type="mysql_comoraclemysql.InnoDbClusterSpecKeyringOci",
    jsii_struct_bases=[],
    name_mapping={
        "key_fingerprint": "keyFingerprint",
        "key_secret": "keySecret",
        "tenancy": "tenancy",
        "user": "user",
        "ca_certificate": "caCertificate",
        "compartment": "compartment",
        "endpoints": "endpoints",
        "master_key": "masterKey",
        "virtual_vault": "virtualVault",
    },
)
class InnoDbClusterSpecKeyringOci:
    def __init__(
        self,
        *,
        key_fingerprint: builtins.str,
        key_secret: builtins.str,
        tenancy: builtins.str,
        user: builtins.str,
        ca_certificate: typing.Optional[builtins.str] = None,
        compartment: typing.Optional[builtins.str] = None,
        endpoints: typing.Optional[typing.Union["InnoDbClusterSpecKeyringOciEndpoints", typing.Dict[builtins.str, typing.Any]]] = None,
        master_key: typing.Optional[builtins.str] = None,
        virtual_vault: typing.Optional[builtins.str] = None,
    ) -> None:
        '''Keyring 'OCI' specification.

        :param key_fingerprint: Private key fingerprint.
        :param key_secret: A secret that contains the private key under the field 'privatekey'.
        :param tenancy: Tenancy identifier in the form ocid1.tenancy.oc1...
        :param user: User identifier in the form of ocid1.user.oc1...
        :param ca_certificate: Secret that contains ca.crt field with CA certificate bundle file that the keyring_oci plugin uses for Oracle Cloud Infrastructure certificate verification.
        :param compartment: Compartment identifier in the form ocid1.compartment.oc1...
        :param endpoints: 
        :param master_key: Master key identified in the form ocid1.key.oc1...
        :param virtual_vault: Vault identifier in the form ocid1.vault.oc1...

        :schema: InnoDbClusterSpecKeyringOci
        '''
        if isinstance(endpoints, dict):
            endpoints = InnoDbClusterSpecKeyringOciEndpoints(**endpoints)
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__47c2818c371a879d8150dc5ae7267d46d4c01d4862ef7a2515c4961397ae2194)
            check_type(argname="argument key_fingerprint", value=key_fingerprint, expected_type=type_hints["key_fingerprint"])
            check_type(argname="argument key_secret", value=key_secret, expected_type=type_hints["key_secret"])
            check_type(argname="argument tenancy", value=tenancy, expected_type=type_hints["tenancy"])
            check_type(argname="argument user", value=user, expected_type=type_hints["user"])
            check_type(argname="argument ca_certificate", value=ca_certificate, expected_type=type_hints["ca_certificate"])
            check_type(argname="argument compartment", value=compartment, expected_type=type_hints["compartment"])
            check_type(argname="argument endpoints", value=endpoints, expected_type=type_hints["endpoints"])
            check_type(argname="argument master_key", value=master_key, expected_type=type_hints["master_key"])
            check_type(argname="argument virtual_vault", value=virtual_vault, expected_type=type_hints["virtual_vault"])
        self._values: typing.Dict[builtins.str, typing.Any] = {
            "key_fingerprint": key_fingerprint,
            "key_secret": key_secret,
            "tenancy": tenancy,
            "user": user,
        }
        if ca_certificate is not None:
            self._values["ca_certificate"] = ca_certificate
        if compartment is not None:
            self._values["compartment"] = compartment
        if endpoints is not None:
            self._values["endpoints"] = endpoints
        if master_key is not None:
            self._values["master_key"] = master_key
        if virtual_vault is not None:
            self._values["virtual_vault"] = virtual_vault

    @builtins.property
    def key_fingerprint(self) -> builtins.str:
        '''Private key fingerprint.

        :schema: InnoDbClusterSpecKeyringOci#keyFingerprint
        '''
        result = self._values.get("key_fingerprint")
        assert result is not None, "Required property 'key_fingerprint' is missing"
        return typing.cast(builtins.str, result)

    @builtins.property
    def key_secret(self) -> builtins.str:
        '''A secret that contains the private key under the field 'privatekey'.

        :schema: InnoDbClusterSpecKeyringOci#keySecret
        '''
        result = self._values.get("key_secret")
        assert result is not None, "Required property 'key_secret' is missing"
        return typing.cast(builtins.str, result)

    @builtins.property
    def tenancy(self) -> builtins.str:
        '''Tenancy identifier in the form ocid1.tenancy.oc1...

        :schema: InnoDbClusterSpecKeyringOci#tenancy
        '''
        result = self._values.get("tenancy")
        assert result is not None, "Required property 'tenancy' is missing"
        return typing.cast(builtins.str, result)

    @builtins.property
    def user(self) -> builtins.str:
        '''User identifier in the form of ocid1.user.oc1...

        :schema: InnoDbClusterSpecKeyringOci#user
        '''
        result = self._values.get("user")
        assert result is not None, "Required property 'user' is missing"
        return typing.cast(builtins.str, result)

    @builtins.property
    def ca_certificate(self) -> typing.Optional[builtins.str]:
        '''Secret that contains ca.crt field with CA certificate bundle file that the keyring_oci plugin uses for Oracle Cloud Infrastructure certificate verification.

        :schema: InnoDbClusterSpecKeyringOci#caCertificate
        '''
        result = self._values.get("ca_certificate")
        return typing.cast(typing.Optional[builtins.str], result)

    @builtins.property
    def compartment(self) -> typing.Optional[builtins.str]:
        '''Compartment identifier in the form ocid1.compartment.oc1...

        :schema: InnoDbClusterSpecKeyringOci#compartment
        '''
        result = self._values.get("compartment")
        return typing.cast(typing.Optional[builtins.str], result)

    @builtins.property
    def endpoints(self) -> typing.Optional["InnoDbClusterSpecKeyringOciEndpoints"]:
        '''
        :schema: InnoDbClusterSpecKeyringOci#endpoints
        '''
        result = self._values.get("endpoints")
        return typing.cast(typing.Optional["InnoDbClusterSpecKeyringOciEndpoints"], result)

    @builtins.property
    def master_key(self) -> typing.Optional[builtins.str]:
        '''Master key identified in the form ocid1.key.oc1...

        :schema: InnoDbClusterSpecKeyringOci#masterKey
        '''
        result = self._values.get("master_key")
        return typing.cast(typing.Optional[builtins.str], result)

    @builtins.property
    def virtual_vault(self) -> typing.Optional[builtins.str]:
        '''Vault identifier in the form ocid1.vault.oc1...

        :schema: InnoDbClusterSpecKeyringOci#virtualVault
        '''
        result = self._values.get("virtual_vault")
        return typing.cast(typing.Optional[builtins.str], result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "InnoDbClusterSpecKeyringOci(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


@jsii.data_type(
    jsii_type="mysql_comoraclemysql.InnoDbClusterSpecKeyringOciEndpoints",
    jsii_struct_bases=[],
    name_mapping={
        "encryption": "encryption",
        "management": "management",
        "secrets": "secrets",
        "vaults": "vaults",
    },
)
class InnoDbClusterSpecKeyringOciEndpoints:
    def __init__(
        self,
        *,
        encryption: typing.Optional[builtins.str] = None,
        management: typing.Optional[builtins.str] = None,
        secrets: typing.Optional[builtins.str] = None,
        vaults: typing.Optional[builtins.str] = None,
    ) -> None:
        '''
        :param encryption: Encryption endpoint URI like {identifier}-crypto.kms.{region}.oraclecloud.com.
        :param management: Management endpoint URI like {identifier}-management.kms.{region}.oraclecloud.com.
        :param secrets: Secrets endpoint URI like secrets.vaults.{region}.oci.oraclecloud.com.
        :param vaults: Vaults endpoint URI like vaults.{region}.oci.oraclecloud.com.

        :schema: InnoDbClusterSpecKeyringOciEndpoints
        '''
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__b865be6bda63ee0e1884d594ff374a52c75f1b1ba5b3d0ad142e0bd21eb08949)
            check_type(argname="argument encryption", value=encryption, expected_type=type_hints["encryption"])
            check_type(argname="argument management", value=management, expected_type=type_hints["management"])
            check_type(argname="argument secrets", value=secrets, expected_type=type_hints["secrets"])
            check_type(argname="argument vaults", value=vaults, expected_type=type_hints["vaults"])
        self._values: typing.Dict[builtins.str, typing.Any] = {}
        if encryption is not None:
            self._values["encryption"] = encryption
        if management is not None:
            self._values["management"] = management
        if secrets is not None:
            self._values["secrets"] = secrets
        if vaults is not None:
            self._values["vaults"] = vaults

    @builtins.property
    def encryption(self) -> typing.Optional[builtins.str]:
        '''Encryption endpoint URI like {identifier}-crypto.kms.{region}.oraclecloud.com.

        :schema: InnoDbClusterSpecKeyringOciEndpoints#encryption
        '''
        result = self._values.get("encryption")
        return typing.cast(typing.Optional[builtins.str], result)

    @builtins.property
    def management(self) -> typing.Optional[builtins.str]:
        '''Management endpoint URI like {identifier}-management.kms.{region}.oraclecloud.com.

        :schema: InnoDbClusterSpecKeyringOciEndpoints#management
        '''
        result = self._values.get("management")
        return typing.cast(typing.Optional[builtins.str], result)

    @builtins.property
    def secrets(self) -> typing.Optional[builtins.str]:
        '''Secrets endpoint URI like secrets.vaults.{region}.oci.oraclecloud.com.

        :schema: InnoDbClusterSpecKeyringOciEndpoints#secrets
        '''
        result = self._values.get("secrets")
        return typing.cast(typing.Optional[builtins.str], result)

    @builtins.property
    def vaults(self) -> typing.Optional[builtins.str]:
        '''Vaults endpoint URI like vaults.{region}.oci.oraclecloud.com.

        :schema: InnoDbClusterSpecKeyringOciEndpoints#vaults
        '''
        result = self._values.get("vaults")
        return typing.cast(typing.Optional[builtins.str], result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "InnoDbClusterSpecKeyringOciEndpoints(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


@jsii.data_type(
    jsii_type="mysql_comoraclemysql.InnoDbClusterSpecLogs",
    jsii_struct_bases=[],
    name_mapping={
        "collector": "collector",
        "error": "error",
        "general": "general",
        "slow_query": "slowQuery",
    },
)
class InnoDbClusterSpecLogs:
    def __init__(
        self,
        *,
        collector: typing.Optional[typing.Union["InnoDbClusterSpecLogsCollector", typing.Dict[builtins.str, typing.Any]]] = None,
        error: typing.Optional[typing.Union["InnoDbClusterSpecLogsError", typing.Dict[builtins.str, typing.Any]]] = None,
        general: typing.Optional[typing.Union["InnoDbClusterSpecLogsGeneral", typing.Dict[builtins.str, typing.Any]]] = None,
        slow_query: typing.Optional[typing.Union["InnoDbClusterSpecLogsSlowQuery", typing.Dict[builtins.str, typing.Any]]] = None,
    ) -> None:
        '''
        :param collector: 
        :param error: 
        :param general: 
        :param slow_query: 

        :schema: InnoDbClusterSpecLogs
        '''
        if isinstance(collector, dict):
            collector = InnoDbClusterSpecLogsCollector(**collector)
        if isinstance(error, dict):
            error = InnoDbClusterSpecLogsError(**error)
        if isinstance(general, dict):
            general = InnoDbClusterSpecLogsGeneral(**general)
        if isinstance(slow_query, dict):
            slow_query = InnoDbClusterSpecLogsSlowQuery(**slow_query)
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__237c5e7526577428e468a45213b94e83be8e44bbce0ccb09e28291641244541d)
            check_type(argname="argument collector", value=collector, expected_type=type_hints["collector"])
            check_type(argname="argument error", value=error, expected_type=type_hints["error"])
            check_type(argname="argument general", value=general, expected_type=type_hints["general"])
            check_type(argname="argument slow_query", value=slow_query, expected_type=type_hints["slow_query"])
        self._values: typing.Dict[builtins.str, typing.Any] = {}
        if collector is not None:
            self._values["collector"] = collector
        if error is not None:
            self._values["error"] = error
        if general is not None:
            self._values["general"] = general
        if slow_query is not None:
            self._values["slow_query"] = slow_query

    @builtins.property
    def collector(self) -> typing.Optional["InnoDbClusterSpecLogsCollector"]:
        '''
        :schema: InnoDbClusterSpecLogs#collector
        '''
        result = self._values.get("collector")
        return typing.cast(typing.Optional["InnoDbClusterSpecLogsCollector"], result)

    @builtins.property
    def error(self) -> typing.Optional["InnoDbClusterSpecLogsError"]:
        '''
        :schema: InnoDbClusterSpecLogs#error
        '''
        result = self._values.get("error")
        return typing.cast(typing.Optional["InnoDbClusterSpecLogsError"], result)

    @builtins.property
    def general(self) -> typing.Optional["InnoDbClusterSpecLogsGeneral"]:
        '''
        :schema: InnoDbClusterSpecLogs#general
        '''
        result = self._values.get("general")
        return typing.cast(typing.Optional["InnoDbClusterSpecLogsGeneral"], result)

    @builtins.property
    def slow_query(self) -> typing.Optional["InnoDbClusterSpecLogsSlowQuery"]:
        '''
        :schema: InnoDbClusterSpecLogs#slowQuery
        '''
        result = self._values.get("slow_query")
        return typing.cast(typing.Optional["InnoDbClusterSpecLogsSlowQuery"], result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "InnoDbClusterSpecLogs(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


@jsii.data_type(
    jsii_type="mysql_comoraclemysql.InnoDbClusterSpecLogsCollector",
    jsii_struct_bases=[],
    name_mapping={
        "container_name": "containerName",
        "env": "env",
        "fluentd": "fluentd",
        "image": "image",
    },
)
class InnoDbClusterSpecLogsCollector:
    def __init__(
        self,
        *,
        container_name: typing.Optional[builtins.str] = None,
        env: typing.Optional[typing.Sequence[typing.Any]] = None,
        fluentd: typing.Optional[typing.Union["InnoDbClusterSpecLogsCollectorFluentd", typing.Dict[builtins.str, typing.Any]]] = None,
        image: typing.Optional[builtins.str] = None,
    ) -> None:
        '''
        :param container_name: Name of the collector container sidecar.
        :param env: 
        :param fluentd: Properties of the fluentd log collector.
        :param image: Name of an image, including registry and repository, to be used for the log collector sidecar. If provided it needs to be an image for the configured collector type.

        :schema: InnoDbClusterSpecLogsCollector
        '''
        if isinstance(fluentd, dict):
            fluentd = InnoDbClusterSpecLogsCollectorFluentd(**fluentd)
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__6fb03723f473c54c8898cd0e7a219a31b9e8e2bcab6ad6869c6222d04bf6d5bc)
            check_type(argname="argument container_name", value=container_name, expected_type=type_hints["container_name"])
            check_type(argname="argument env", value=env, expected_type=type_hints["env"])
            check_type(argname="argument fluentd", value=fluentd, expected_type=type_hints["fluentd"])
            check_type(argname="argument image", value=image, expected_type=type_hints["image"])
        self._values: typing.Dict[builtins.str, typing.Any] = {}
        if container_name is not None:
            self._values["container_name"] = container_name
        if env is not None:
            self._values["env"] = env
        if fluentd is not None:
            self._values["fluentd"] = fluentd
        if image is not None:
            self._values["image"] = image

    @builtins.property
    def container_name(self) -> typing.Optional[builtins.str]:
        '''Name of the collector container sidecar.

        :schema: InnoDbClusterSpecLogsCollector#containerName
        '''
        result = self._values.get("container_name")
        return typing.cast(typing.Optional[builtins.str], result)

    @builtins.property
    def env(self) -> typing.Optional[typing.List[typing.Any]]:
        '''
        :schema: InnoDbClusterSpecLogsCollector#env
        '''
        result = self._values.get("env")
        return typing.cast(typing.Optional[typing.List[typing.Any]], result)

    @builtins.property
    def fluentd(self) -> typing.Optional["InnoDbClusterSpecLogsCollectorFluentd"]:
        '''Properties of the fluentd log collector.

        :schema: InnoDbClusterSpecLogsCollector#fluentd
        '''
        result = self._values.get("fluentd")
        return typing.cast(typing.Optional["InnoDbClusterSpecLogsCollectorFluentd"], result)

    @builtins.property
    def image(self) -> typing.Optional[builtins.str]:
        '''Name of an image, including registry and repository, to be used for the log collector sidecar.

        If provided it needs to be an image for the configured collector type.

        :schema: InnoDbClusterSpecLogsCollector#image
        '''
        result = self._values.get("image")
        return typing.cast(typing.Optional[builtins.str], result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "InnoDbClusterSpecLogsCollector(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


@jsii.data_type(
    jsii_type="mysql_comoraclemysql.InnoDbClusterSpecLogsCollectorFluentd",
    jsii_struct_bases=[],
    name_mapping={
        "additional_filter_configuration": "additionalFilterConfiguration",
        "error_log": "errorLog",
        "general_log": "generalLog",
        "record_augmentation": "recordAugmentation",
        "sinks": "sinks",
        "slow_query_log": "slowQueryLog",
    },
)
class InnoDbClusterSpecLogsCollectorFluentd:
    def __init__(
        self,
        *,
        additional_filter_configuration: typing.Optional[builtins.str] = None,
        error_log: typing.Optional[typing.Union["InnoDbClusterSpecLogsCollectorFluentdErrorLog", typing.Dict[builtins.str, typing.Any]]] = None,
        general_log: typing.Optional[typing.Union["InnoDbClusterSpecLogsCollectorFluentdGeneralLog", typing.Dict[builtins.str, typing.Any]]] = None,
        record_augmentation: typing.Optional[typing.Union["InnoDbClusterSpecLogsCollectorFluentdRecordAugmentation", typing.Dict[builtins.str, typing.Any]]] = None,
        sinks: typing.Optional[typing.Sequence[typing.Union["InnoDbClusterSpecLogsCollectorFluentdSinks", typing.Dict[builtins.str, typing.Any]]]] = None,
        slow_query_log: typing.Optional[typing.Union["InnoDbClusterSpecLogsCollectorFluentdSlowQueryLog", typing.Dict[builtins.str, typing.Any]]] = None,
    ) -> None:
        '''Properties of the fluentd log collector.

        :param additional_filter_configuration: Raw configuration of additional Fluentd filters to be added to the configuration file.
        :param error_log: 
        :param general_log: 
        :param record_augmentation: 
        :param sinks: 
        :param slow_query_log: 

        :schema: InnoDbClusterSpecLogsCollectorFluentd
        '''
        if isinstance(error_log, dict):
            error_log = InnoDbClusterSpecLogsCollectorFluentdErrorLog(**error_log)
        if isinstance(general_log, dict):
            general_log = InnoDbClusterSpecLogsCollectorFluentdGeneralLog(**general_log)
        if isinstance(record_augmentation, dict):
            record_augmentation = InnoDbClusterSpecLogsCollectorFluentdRecordAugmentation(**record_augmentation)
        if isinstance(slow_query_log, dict):
            slow_query_log = InnoDbClusterSpecLogsCollectorFluentdSlowQueryLog(**slow_query_log)
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__33833ade1c2d95513fc99d533c29fb26e21bf8476b0d39308a6abf586c13734c)
            check_type(argname="argument additional_filter_configuration", value=additional_filter_configuration, expected_type=type_hints["additional_filter_configuration"])
            check_type(argname="argument error_log", value=error_log, expected_type=type_hints["error_log"])
            check_type(argname="argument general_log", value=general_log, expected_type=type_hints["general_log"])
            check_type(argname="argument record_augmentation", value=record_augmentation, expected_type=type_hints["record_augmentation"])
            check_type(argname="argument sinks", value=sinks, expected_type=type_hints["sinks"])
            check_type(argname="argument slow_query_log", value=slow_query_log, expected_type=type_hints["slow_query_log"])
        self._values: typing.Dict[builtins.str, typing.Any] = {}
        if additional_filter_configuration is not None:
            self._values["additional_filter_configuration"] = additional_filter_configuration
        if error_log is not None:
            self._values["error_log"] = error_log
        if general_log is not None:
            self._values["general_log"] = general_log
        if record_augmentation is not None:
            self._values["record_augmentation"] = record_augmentation
        if sinks is not None:
            self._values["sinks"] = sinks
        if slow_query_log is not None:
            self._values["slow_query_log"] = slow_query_log

    @builtins.property
    def additional_filter_configuration(self) -> typing.Optional[builtins.str]:
        '''Raw configuration of additional Fluentd filters to be added to the configuration file.

        :schema: InnoDbClusterSpecLogsCollectorFluentd#additionalFilterConfiguration
        '''
        result = self._values.get("additional_filter_configuration")
        return typing.cast(typing.Optional[builtins.str], result)

    @builtins.property
    def error_log(
        self,
    ) -> typing.Optional["InnoDbClusterSpecLogsCollectorFluentdErrorLog"]:
        '''
        :schema: InnoDbClusterSpecLogsCollectorFluentd#errorLog
        '''
        result = self._values.get("error_log")
        return typing.cast(typing.Optional["InnoDbClusterSpecLogsCollectorFluentdErrorLog"], result)

    @builtins.property
    def general_log(
        self,
    ) -> typing.Optional["InnoDbClusterSpecLogsCollectorFluentdGeneralLog"]:
        '''
        :schema: InnoDbClusterSpecLogsCollectorFluentd#generalLog
        '''
        result = self._values.get("general_log")
        return typing.cast(typing.Optional["InnoDbClusterSpecLogsCollectorFluentdGeneralLog"], result)

    @builtins.property
    def record_augmentation(
        self,
    ) -> typing.Optional["InnoDbClusterSpecLogsCollectorFluentdRecordAugmentation"]:
        '''
        :schema: InnoDbClusterSpecLogsCollectorFluentd#recordAugmentation
        '''
        result = self._values.get("record_augmentation")
        return typing.cast(typing.Optional["InnoDbClusterSpecLogsCollectorFluentdRecordAugmentation"], result)

    @builtins.property
    def sinks(
        self,
    ) -> typing.Optional[typing.List["InnoDbClusterSpecLogsCollectorFluentdSinks"]]:
        '''
        :schema: InnoDbClusterSpecLogsCollectorFluentd#sinks
        '''
        result = self._values.get("sinks")
        return typing.cast(typing.Optional[typing.List["InnoDbClusterSpecLogsCollectorFluentdSinks"]], result)

    @builtins.property
    def slow_query_log(
        self,
    ) -> typing.Optional["InnoDbClusterSpecLogsCollectorFluentdSlowQueryLog"]:
        '''
        :schema: InnoDbClusterSpecLogsCollectorFluentd#slowQueryLog
        '''
        result = self._values.get("slow_query_log")
        return typing.cast(typing.Optional["InnoDbClusterSpecLogsCollectorFluentdSlowQueryLog"], result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "InnoDbClusterSpecLogsCollectorFluentd(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


@jsii.data_type(
    jsii_type="mysql_comoraclemysql.InnoDbClusterSpecLogsCollectorFluentdErrorLog",
    jsii_struct_bases=[],
    name_mapping={"options": "options", "tag": "tag"},
)
class InnoDbClusterSpecLogsCollectorFluentdErrorLog:
    def __init__(
        self,
        *,
        options: typing.Any = None,
        tag: typing.Optional[builtins.str] = None,
    ) -> None:
        '''
        :param options: fluentd specific options for the error log.
        :param tag: Tag for the error log records.

        :schema: InnoDbClusterSpecLogsCollectorFluentdErrorLog
        '''
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__b9b8e19b669d613c930f63d70dd75505416b045a23ed4d078dd13202e29cb02e)
            check_type(argname="argument options", value=options, expected_type=type_hints["options"])
            check_type(argname="argument tag", value=tag, expected_type=type_hints["tag"])
        self._values: typing.Dict[builtins.str, typing.Any] = {}
        if options is not None:
            self._values["options"] = options
        if tag is not None:
            self._values["tag"] = tag

    @builtins.property
    def options(self) -> typing.Any:
        '''fluentd specific options for the error log.

        :schema: InnoDbClusterSpecLogsCollectorFluentdErrorLog#options
        '''
        result = self._values.get("options")
        return typing.cast(typing.Any, result)

    @builtins.property
    def tag(self) -> typing.Optional[builtins.str]:
        '''Tag for the error log records.

        :schema: InnoDbClusterSpecLogsCollectorFluentdErrorLog#tag
        '''
        result = self._values.get("tag")
        return typing.cast(typing.Optional[builtins.str], result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "InnoDbClusterSpecLogsCollectorFluentdErrorLog(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


@jsii.data_type(
    jsii_type="mysql_comoraclemysql.InnoDbClusterSpecLogsCollectorFluentdGeneralLog",
    jsii_struct_bases=[],
    name_mapping={"options": "options", "tag": "tag"},
)
class InnoDbClusterSpecLogsCollectorFluentdGeneralLog:
    def __init__(
        self,
        *,
        options: typing.Any = None,
        tag: typing.Optional[builtins.str] = None,
    ) -> None:
        '''
        :param options: fluentd specific options for the general log.
        :param tag: Tag for the general log records.

        :schema: InnoDbClusterSpecLogsCollectorFluentdGeneralLog
        '''
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__3045a34eaa2044d885c3cf710350fba6c871ff03f1f8b32e58a65ad4cb7e900e)
            check_type(argname="argument options", value=options, expected_type=type_hints["options"])
            check_type(argname="argument tag", value=tag, expected_type=type_hints["tag"])
        self._values: typing.Dict[builtins.str, typing.Any] = {}
        if options is not None:
            self._values["options"] = options
        if tag is not None:
            self._values["tag"] = tag

    @builtins.property
    def options(self) -> typing.Any:
        '''fluentd specific options for the general log.

        :schema: InnoDbClusterSpecLogsCollectorFluentdGeneralLog#options
        '''
        result = self._values.get("options")
        return typing.cast(typing.Any, result)

    @builtins.property
    def tag(self) -> typing.Optional[builtins.str]:
        '''Tag for the general log records.

        :schema: InnoDbClusterSpecLogsCollectorFluentdGeneralLog#tag
        '''
        result = self._values.get("tag")
        return typing.cast(typing.Optional[builtins.str], result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "InnoDbClusterSpecLogsCollectorFluentdGeneralLog(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


@jsii.data_type(
    jsii_type="mysql_comoraclemysql.InnoDbClusterSpecLogsCollectorFluentdRecordAugmentation",
    jsii_struct_bases=[],
    name_mapping={
        "annotations": "annotations",
        "enabled": "enabled",
        "labels": "labels",
        "pod_fields": "podFields",
        "resource_fields": "resourceFields",
        "static_fields": "staticFields",
    },
)
class InnoDbClusterSpecLogsCollectorFluentdRecordAugmentation:
    def __init__(
        self,
        *,
        annotations: typing.Optional[typing.Sequence[typing.Union["InnoDbClusterSpecLogsCollectorFluentdRecordAugmentationAnnotations", typing.Dict[builtins.str, typing.Any]]]] = None,
        enabled: typing.Optional[builtins.bool] = None,
        labels: typing.Optional[typing.Sequence[typing.Union["InnoDbClusterSpecLogsCollectorFluentdRecordAugmentationLabels", typing.Dict[builtins.str, typing.Any]]]] = None,
        pod_fields: typing.Optional[typing.Sequence[typing.Union["InnoDbClusterSpecLogsCollectorFluentdRecordAugmentationPodFields", typing.Dict[builtins.str, typing.Any]]]] = None,
        resource_fields: typing.Optional[typing.Sequence[typing.Union["InnoDbClusterSpecLogsCollectorFluentdRecordAugmentationResourceFields", typing.Dict[builtins.str, typing.Any]]]] = None,
        static_fields: typing.Optional[typing.Sequence[typing.Union["InnoDbClusterSpecLogsCollectorFluentdRecordAugmentationStaticFields", typing.Dict[builtins.str, typing.Any]]]] = None,
    ) -> None:
        '''
        :param annotations: 
        :param enabled: Whether to enable record augmentation with additional data.
        :param labels: 
        :param pod_fields: 
        :param resource_fields: 
        :param static_fields: 

        :schema: InnoDbClusterSpecLogsCollectorFluentdRecordAugmentation
        '''
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__23f784558abe814d34805c657b78caec7bd42b234fa056b6a2f7c50bbb64b531)
            check_type(argname="argument annotations", value=annotations, expected_type=type_hints["annotations"])
            check_type(argname="argument enabled", value=enabled, expected_type=type_hints["enabled"])
            check_type(argname="argument labels", value=labels, expected_type=type_hints["labels"])
            check_type(argname="argument pod_fields", value=pod_fields, expected_type=type_hints["pod_fields"])
            check_type(argname="argument resource_fields", value=resource_fields, expected_type=type_hints["resource_fields"])
            check_type(argname="argument static_fields", value=static_fields, expected_type=type_hints["static_fields"])
        self._values: typing.Dict[builtins.str, typing.Any] = {}
        if annotations is not None:
            self._values["annotations"] = annotations
        if enabled is not None:
            self._values["enabled"] = enabled
        if labels is not None:
            self._values["labels"] = labels
        if pod_fields is not None:
            self._values["pod_fields"] = pod_fields
        if resource_fields is not None:
            self._values["resource_fields"] = resource_fields
        if static_fields is not None:
            self._values["static_fields"] = static_fields

    @builtins.property
    def annotations(
        self,
    ) -> typing.Optional[typing.List["InnoDbClusterSpecLogsCollectorFluentdRecordAugmentationAnnotations"]]:
        '''
        :schema: InnoDbClusterSpecLogsCollectorFluentdRecordAugmentation#annotations
        '''
        result = self._values.get("annotations")
        return typing.cast(typing.Optional[typing.List["InnoDbClusterSpecLogsCollectorFluentdRecordAugmentationAnnotations"]], result)

    @builtins.property
    def enabled(self) -> typing.Optional[builtins.bool]:
        '''Whether to enable record augmentation with additional data.

        :schema: InnoDbClusterSpecLogsCollectorFluentdRecordAugmentation#enabled
        '''
        result = self._values.get("enabled")
        return typing.cast(typing.Optional[builtins.bool], result)

    @builtins.property
    def labels(
        self,
    ) -> typing.Optional[typing.List["InnoDbClusterSpecLogsCollectorFluentdRecordAugmentationLabels"]]:
        '''
        :schema: InnoDbClusterSpecLogsCollectorFluentdRecordAugmentation#labels
        '''
        result = self._values.get("labels")
        return typing.cast(typing.Optional[typing.List["InnoDbClusterSpecLogsCollectorFluentdRecordAugmentationLabels"]], result)

    @builtins.property
    def pod_fields(
        self,
    ) -> typing.Optional[typing.List["InnoDbClusterSpecLogsCollectorFluentdRecordAugmentationPodFields"]]:
        '''
        :schema: InnoDbClusterSpecLogsCollectorFluentdRecordAugmentation#podFields
        '''
        result = self._values.get("pod_fields")
        return typing.cast(typing.Optional[typing.List["InnoDbClusterSpecLogsCollectorFluentdRecordAugmentationPodFields"]], result)

    @builtins.property
    def resource_fields(
        self,
    ) -> typing.Optional[typing.List["InnoDbClusterSpecLogsCollectorFluentdRecordAugmentationResourceFields"]]:
        '''
        :schema: InnoDbClusterSpecLogsCollectorFluentdRecordAugmentation#resourceFields
        '''
        result = self._values.get("resource_fields")
        return typing.cast(typing.Optional[typing.List["InnoDbClusterSpecLogsCollectorFluentdRecordAugmentationResourceFields"]], result)

    @builtins.property
    def static_fields(
        self,
    ) -> typing.Optional[typing.List["InnoDbClusterSpecLogsCollectorFluentdRecordAugmentationStaticFields"]]:
        '''
        :schema: InnoDbClusterSpecLogsCollectorFluentdRecordAugmentation#staticFields
        '''
        result = self._values.get("static_fields")
        return typing.cast(typing.Optional[typing.List["InnoDbClusterSpecLogsCollectorFluentdRecordAugmentationStaticFields"]], result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "InnoDbClusterSpecLogsCollectorFluentdRecordAugmentation(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


@jsii.data_type(
    jsii_type="mysql_comoraclemysql.InnoDbClusterSpecLogsCollectorFluentdRecordAugmentationAnnotations",
    jsii_struct_bases=[],
    name_mapping={"annotation_name": "annotationName", "field_name": "fieldName"},
)
class InnoDbClusterSpecLogsCollectorFluentdRecordAugmentationAnnotations:
    def __init__(
        self,
        *,
        annotation_name: builtins.str,
        field_name: builtins.str,
    ) -> None:
        '''
        :param annotation_name: Name of the pod label that holds the value to be stored under fieldName in the log record.
        :param field_name: Name of the field added to the log record with value from annotationName.

        :schema: InnoDbClusterSpecLogsCollectorFluentdRecordAugmentationAnnotations
        '''
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__3b69c806705400006811580e6b5c6ab2d23b848efacea3434df4f4d3f2d606b2)
            check_type(argname="argument annotation_name", value=annotation_name, expected_type=type_hints["annotation_name"])
            check_type(argname="argument field_name", value=field_name, expected_type=type_hints["field_name"])
        self._values: typing.Dict[builtins.str, typing.Any] = {
            "annotation_name": annotation_name,
            "field_name": field_name,
        }

    @builtins.property
    def annotation_name(self) -> builtins.str:
        '''Name of the pod label that holds the value to be stored under fieldName in the log record.

        :schema: InnoDbClusterSpecLogsCollectorFluentdRecordAugmentationAnnotations#annotationName
        '''
        result = self._values.get("annotation_name")
        assert result is not None, "Required property 'annotation_name' is missing"
        return typing.cast(builtins.str, result)

    @builtins.property
    def field_name(self) -> builtins.str:
        '''Name of the field added to the log record with value from annotationName.

        :schema: InnoDbClusterSpecLogsCollectorFluentdRecordAugmentationAnnotations#fieldName
        '''
        result = self._values.get("field_name")
        assert result is not None, "Required property 'field_name' is missing"
        return typing.cast(builtins.str, result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "InnoDbClusterSpecLogsCollectorFluentdRecordAugmentationAnnotations(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


@jsii.data_type(
    jsii_type="mysql_comoraclemysql.InnoDbClusterSpecLogsCollectorFluentdRecordAugmentationLabels",
    jsii_struct_bases=[],
    name_mapping={"field_name": "fieldName", "label_name": "labelName"},
)
class InnoDbClusterSpecLogsCollectorFluentdRecordAugmentationLabels:
    def __init__(self, *, field_name: builtins.str, label_name: builtins.str) -> None:
        '''
        :param field_name: Name of the field added to the log record with value from labelName.
        :param label_name: Name of the pod label that holds the value to be stored under fieldName in the log record.

        :schema: InnoDbClusterSpecLogsCollectorFluentdRecordAugmentationLabels
        '''
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__5bf7bbc39fd9986425df2ffbee5130e7ba838ddfe0150cbf0db065600392033d)
            check_type(argname="argument field_name", value=field_name, expected_type=type_hints["field_name"])
            check_type(argname="argument label_name", value=label_name, expected_type=type_hints["label_name"])
        self._values: typing.Dict[builtins.str, typing.Any] = {
            "field_name": field_name,
            "label_name": label_name,
        }

    @builtins.property
    def field_name(self) -> builtins.str:
        '''Name of the field added to the log record with value from labelName.

        :schema: InnoDbClusterSpecLogsCollectorFluentdRecordAugmentationLabels#fieldName
        '''
        result = self._values.get("field_name")
        assert result is not None, "Required property 'field_name' is missing"
        return typing.cast(builtins.str, result)

    @builtins.property
    def label_name(self) -> builtins.str:
        '''Name of the pod label that holds the value to be stored under fieldName in the log record.

        :schema: InnoDbClusterSpecLogsCollectorFluentdRecordAugmentationLabels#labelName
        '''
        result = self._values.get("label_name")
        assert result is not None, "Required property 'label_name' is missing"
        return typing.cast(builtins.str, result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "InnoDbClusterSpecLogsCollectorFluentdRecordAugmentationLabels(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


@jsii.data_type(
    jsii_type="mysql_comoraclemysql.InnoDbClusterSpecLogsCollectorFluentdRecordAugmentationPodFields",
    jsii_struct_bases=[],
    name_mapping={"field_name": "fieldName", "field_path": "fieldPath"},
)
class InnoDbClusterSpecLogsCollectorFluentdRecordAugmentationPodFields:
    def __init__(self, *, field_name: builtins.str, field_path: builtins.str) -> None:
        '''
        :param field_name: Name of the field added to the log record with value taken from a field with path stored in fieldPath.
        :param field_path: Value for the field fieldName. The path should be of the same syntax as the one used for mounting environment variables from field reference - valueFrom.fieldRef.fieldPath . The field will be mounted in the pod as a environment variable, prefixed with a prefix and used then added to the log record. Examples for fieldRef are : spec.nodeName, metadata.namespace, status.podIP, etc.

        :schema: InnoDbClusterSpecLogsCollectorFluentdRecordAugmentationPodFields
        '''
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__ccfd29e7ef237eb5eaba9c35918e0a3111befb7213d1c904b78e27389ada0b8d)
            check_type(argname="argument field_name", value=field_name, expected_type=type_hints["field_name"])
            check_type(argname="argument field_path", value=field_path, expected_type=type_hints["field_path"])
        self._values: typing.Dict[builtins.str, typing.Any] = {
            "field_name": field_name,
            "field_path": field_path,
        }

    @builtins.property
    def field_name(self) -> builtins.str:
        '''Name of the field added to the log record with value taken from a field with path stored in fieldPath.

        :schema: InnoDbClusterSpecLogsCollectorFluentdRecordAugmentationPodFields#fieldName
        '''
        result = self._values.get("field_name")
        assert result is not None, "Required property 'field_name' is missing"
        return typing.cast(builtins.str, result)

    @builtins.property
    def field_path(self) -> builtins.str:
        '''Value for the field fieldName.

        The path should be of the same syntax as the one used for mounting environment variables from field reference - valueFrom.fieldRef.fieldPath . The field will be mounted in the pod as a environment variable, prefixed with a prefix and used then added to the log record. Examples for fieldRef are : spec.nodeName, metadata.namespace, status.podIP, etc.

        :schema: InnoDbClusterSpecLogsCollectorFluentdRecordAugmentationPodFields#fieldPath
        '''
        result = self._values.get("field_path")
        assert result is not None, "Required property 'field_path' is missing"
        return typing.cast(builtins.str, result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "InnoDbClusterSpecLogsCollectorFluentdRecordAugmentationPodFields(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


@jsii.data_type(
    jsii_type="mysql_comoraclemysql.InnoDbClusterSpecLogsCollectorFluentdRecordAugmentationResourceFields",
    jsii_struct_bases=[],
    name_mapping={
        "container_name": "containerName",
        "field_name": "fieldName",
        "resource": "resource",
    },
)
class InnoDbClusterSpecLogsCollectorFluentdRecordAugmentationResourceFields:
    def __init__(
        self,
        *,
        container_name: builtins.str,
        field_name: builtins.str,
        resource: builtins.str,
    ) -> None:
        '''
        :param container_name: 
        :param field_name: Name of the field added to the log record with value taken from a field with path stored in fieldPath.
        :param resource: See https://kubernetes.io/docs/tasks/inject-data-application/environment-variable-expose-pod-information/#use-container-fields-as-values-for-environment-variables.

        :schema: InnoDbClusterSpecLogsCollectorFluentdRecordAugmentationResourceFields
        '''
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__60eb7a3d9a08b1ae46741681235077a46cd00a7abb2147a7b5265613c992a533)
            check_type(argname="argument container_name", value=container_name, expected_type=type_hints["container_name"])
            check_type(argname="argument field_name", value=field_name, expected_type=type_hints["field_name"])
            check_type(argname="argument resource", value=resource, expected_type=type_hints["resource"])
        self._values: typing.Dict[builtins.str, typing.Any] = {
            "container_name": container_name,
            "field_name": field_name,
            "resource": resource,
        }

    @builtins.property
    def container_name(self) -> builtins.str:
        '''
        :schema: InnoDbClusterSpecLogsCollectorFluentdRecordAugmentationResourceFields#containerName
        '''
        result = self._values.get("container_name")
        assert result is not None, "Required property 'container_name' is missing"
        return typing.cast(builtins.str, result)

    @builtins.property
    def field_name(self) -> builtins.str:
        '''Name of the field added to the log record with value taken from a field with path stored in fieldPath.

        :schema: InnoDbClusterSpecLogsCollectorFluentdRecordAugmentationResourceFields#fieldName
        '''
        result = self._values.get("field_name")
        assert result is not None, "Required property 'field_name' is missing"
        return typing.cast(builtins.str, result)

    @builtins.property
    def resource(self) -> builtins.str:
        '''See https://kubernetes.io/docs/tasks/inject-data-application/environment-variable-expose-pod-information/#use-container-fields-as-values-for-environment-variables.

        :schema: InnoDbClusterSpecLogsCollectorFluentdRecordAugmentationResourceFields#resource
        '''
        result = self._values.get("resource")
        assert result is not None, "Required property 'resource' is missing"
        return typing.cast(builtins.str, result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "InnoDbClusterSpecLogsCollectorFluentdRecordAugmentationResourceFields(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


@jsii.data_type(
    jsii_type="mysql_comoraclemysql.InnoDbClusterSpecLogsCollectorFluentdRecordAugmentationStaticFields",
    jsii_struct_bases=[],
    name_mapping={"field_name": "fieldName", "field_value": "fieldValue"},
)
class InnoDbClusterSpecLogsCollectorFluentdRecordAugmentationStaticFields:
    def __init__(self, *, field_name: builtins.str, field_value: builtins.str) -> None:
        '''
        :param field_name: Name of the field added to the log record with value from fieldValue.
        :param field_value: Value for the static field with name taken from fieldName.

        :schema: InnoDbClusterSpecLogsCollectorFluentdRecordAugmentationStaticFields
        '''
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__84f0d794aea29c94269ebf8df958c6b7c2c07b972bb1f118bccedc2f209371f7)
            check_type(argname="argument field_name", value=field_name, expected_type=type_hints["field_name"])
            check_type(argname="argument field_value", value=field_value, expected_type=type_hints["field_value"])
        self._values: typing.Dict[builtins.str, typing.Any] = {
            "field_name": field_name,
            "field_value": field_value,
        }

    @builtins.property
    def field_name(self) -> builtins.str:
        '''Name of the field added to the log record with value from fieldValue.

        :schema: InnoDbClusterSpecLogsCollectorFluentdRecordAugmentationStaticFields#fieldName
        '''
        result = self._values.get("field_name")
        assert result is not None, "Required property 'field_name' is missing"
        return typing.cast(builtins.str, result)

    @builtins.property
    def field_value(self) -> builtins.str:
        '''Value for the static field with name taken from fieldName.

        :schema: InnoDbClusterSpecLogsCollectorFluentdRecordAugmentationStaticFields#fieldValue
        '''
        result = self._values.get("field_value")
        assert result is not None, "Required property 'field_value' is missing"
        return typing.cast(builtins.str, result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "InnoDbClusterSpecLogsCollectorFluentdRecordAugmentationStaticFields(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


@jsii.data_type(
    jsii_type="mysql_comoraclemysql.InnoDbClusterSpecLogsCollectorFluentdSinks",
    jsii_struct_bases=[],
    name_mapping={"name": "name", "raw_config": "rawConfig"},
)
class InnoDbClusterSpecLogsCollectorFluentdSinks:
    def __init__(self, *, name: builtins.str, raw_config: builtins.str) -> None:
        '''
        :param name: Name of the sink. Used only for documentation purposes
        :param raw_config: Raw configuration of the sink.

        :schema: InnoDbClusterSpecLogsCollectorFluentdSinks
        '''
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__75c4c5e555c91b03367a6c36bf0ef81f98f6969157435794ced773eaad3ed88a)
            check_type(argname="argument name", value=name, expected_type=type_hints["name"])
            check_type(argname="argument raw_config", value=raw_config, expected_type=type_hints["raw_config"])
        self._values: typing.Dict[builtins.str, typing.Any] = {
            "name": name,
            "raw_config": raw_config,
        }

    @builtins.property
    def name(self) -> builtins.str:
        '''Name of the sink.

        Used only for documentation purposes

        :schema: InnoDbClusterSpecLogsCollectorFluentdSinks#name
        '''
        result = self._values.get("name")
        assert result is not None, "Required property 'name' is missing"
        return typing.cast(builtins.str, result)

    @builtins.property
    def raw_config(self) -> builtins.str:
        '''Raw configuration of the sink.

        :schema: InnoDbClusterSpecLogsCollectorFluentdSinks#rawConfig
        '''
        result = self._values.get("raw_config")
        assert result is not None, "Required property 'raw_config' is missing"
        return typing.cast(builtins.str, result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "InnoDbClusterSpecLogsCollectorFluentdSinks(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


@jsii.data_type(
    jsii_type="mysql_comoraclemysql.InnoDbClusterSpecLogsCollectorFluentdSlowQueryLog",
    jsii_struct_bases=[],
    name_mapping={"options": "options", "tag": "tag"},
)
class InnoDbClusterSpecLogsCollectorFluentdSlowQueryLog:
    def __init__(
        self,
        *,
        options: typing.Any = None,
        tag: typing.Optional[builtins.str] = None,
    ) -> None:
        '''
        :param options: fluentd specific options for the slow log.
        :param tag: Tag for the slow log records.

        :schema: InnoDbClusterSpecLogsCollectorFluentdSlowQueryLog
        '''
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__3031af518e54682c2f2f4d6f2a79955baec8e39f34a184b4c6e49422bcf5732e)
            check_type(argname="argument options", value=options, expected_type=type_hints["options"])
            check_type(argname="argument tag", value=tag, expected_type=type_hints["tag"])
        self._values: typing.Dict[builtins.str, typing.Any] = {}
        if options is not None:
            self._values["options"] = options
        if tag is not None:
            self._values["tag"] = tag

    @builtins.property
    def options(self) -> typing.Any:
        '''fluentd specific options for the slow log.

        :schema: InnoDbClusterSpecLogsCollectorFluentdSlowQueryLog#options
        '''
        result = self._values.get("options")
        return typing.cast(typing.Any, result)

    @builtins.property
    def tag(self) -> typing.Optional[builtins.str]:
        '''Tag for the slow log records.

        :schema: InnoDbClusterSpecLogsCollectorFluentdSlowQueryLog#tag
        '''
        result = self._values.get("tag")
        return typing.cast(typing.Optional[builtins.str], result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "InnoDbClusterSpecLogsCollectorFluentdSlowQueryLog(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


@jsii.data_type(
    jsii_type="mysql_comoraclemysql.InnoDbClusterSpecLogsError",
    jsii_struct_bases=[],
    name_mapping={"collect": "collect", "verbosity": "verbosity"},
)
class InnoDbClusterSpecLogsError:
    def __init__(
        self,
        *,
        collect: typing.Optional[builtins.bool] = None,
        verbosity: typing.Optional[jsii.Number] = None,
    ) -> None:
        '''
        :param collect: Whether error logging data should be collected. Implies that the logging should be enabled. If enabled the error log will be switched to JSON format output
        :param verbosity: Log error verbosity. For details, see the MySQL Server --log-error-verbosity documentation.

        :schema: InnoDbClusterSpecLogsError
        '''
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__3e41342e386b001dfcda3d16cf14a0ede42b8bca7a4b7d11bf867cc55a42c039)
            check_type(argname="argument collect", value=collect, expected_type=type_hints["collect"])
            check_type(argname="argument verbosity", value=verbosity, expected_type=type_hints["verbosity"])
        self._values: typing.Dict[builtins.str, typing.Any] = {}
        if collect is not None:
            self._values["collect"] = collect
        if verbosity is not None:
            self._values["verbosity"] = verbosity

    @builtins.property
    def collect(self) -> typing.Optional[builtins.bool]:
        '''Whether error logging data should be collected.

        Implies that the logging should be enabled. If enabled the error log will be switched to JSON format output

        :schema: InnoDbClusterSpecLogsError#collect
        '''
        result = self._values.get("collect")
        return typing.cast(typing.Optional[builtins.bool], result)

    @builtins.property
    def verbosity(self) -> typing.Optional[jsii.Number]:
        '''Log error verbosity.

        For details, see the MySQL Server --log-error-verbosity documentation.

        :schema: InnoDbClusterSpecLogsError#verbosity
        '''
        result = self._values.get("verbosity")
        return typing.cast(typing.Optional[jsii.Number], result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "InnoDbClusterSpecLogsError(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


@jsii.data_type(
    jsii_type="mysql_comoraclemysql.InnoDbClusterSpecLogsGeneral",
    jsii_struct_bases=[],
    name_mapping={"collect": "collect", "enabled": "enabled"},
)
class InnoDbClusterSpecLogsGeneral:
    def __init__(
        self,
        *,
        collect: typing.Optional[builtins.bool] = None,
        enabled: typing.Optional[builtins.bool] = None,
    ) -> None:
        '''
        :param collect: Whether general logging data should be collected. Implies that the logging should be enabled.
        :param enabled: Whether general logging should be enabled.

        :schema: InnoDbClusterSpecLogsGeneral
        '''
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__35862f101ebc5676c40678cb283b7966b13c8873cb8914b1bd7c10c81562bb51)
            check_type(argname="argument collect", value=collect, expected_type=type_hints["collect"])
            check_type(argname="argument enabled", value=enabled, expected_type=type_hints["enabled"])
        self._values: typing.Dict[builtins.str, typing.Any] = {}
        if collect is not None:
            self._values["collect"] = collect
        if enabled is not None:
            self._values["enabled"] = enabled

    @builtins.property
    def collect(self) -> typing.Optional[builtins.bool]:
        '''Whether general logging data should be collected.

        Implies that the logging should be enabled.

        :schema: InnoDbClusterSpecLogsGeneral#collect
        '''
        result = self._values.get("collect")
        return typing.cast(typing.Optional[builtins.bool], result)

    @builtins.property
    def enabled(self) -> typing.Optional[builtins.bool]:
        '''Whether general logging should be enabled.

        :schema: InnoDbClusterSpecLogsGeneral#enabled
        '''
        result = self._values.get("enabled")
        return typing.cast(typing.Optional[builtins.bool], result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "InnoDbClusterSpecLogsGeneral(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


@jsii.data_type(
    jsii_type="mysql_comoraclemysql.InnoDbClusterSpecLogsSlowQuery",
    jsii_struct_bases=[],
    name_mapping={
        "collect": "collect",
        "enabled": "enabled",
        "long_query_time": "longQueryTime",
    },
)
class InnoDbClusterSpecLogsSlowQuery:
    def __init__(
        self,
        *,
        collect: typing.Optional[builtins.bool] = None,
        enabled: typing.Optional[builtins.bool] = None,
        long_query_time: typing.Optional[jsii.Number] = None,
    ) -> None:
        '''
        :param collect: Whether slow query logging data should be collected. Implies that the logging should be enabled.
        :param enabled: Whether slow query logging should be enabled.
        :param long_query_time: Long query time threshold.

        :schema: InnoDbClusterSpecLogsSlowQuery
        '''
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__8a6efbfa28b4e461432fc65641c8cda164763bad85f5f2a235274f5248c2bef8)
            check_type(argname="argument collect", value=collect, expected_type=type_hints["collect"])
            check_type(argname="argument enabled", value=enabled, expected_type=type_hints["enabled"])
            check_type(argname="argument long_query_time", value=long_query_time, expected_type=type_hints["long_query_time"])
        self._values: typing.Dict[builtins.str, typing.Any] = {}
        if collect is not None:
            self._values["collect"] = collect
        if enabled is not None:
            self._values["enabled"] = enabled
        if long_query_time is not None:
            self._values["long_query_time"] = long_query_time

    @builtins.property
    def collect(self) -> typing.Optional[builtins.bool]:
        '''Whether slow query logging data should be collected.

        Implies that the logging should be enabled.

        :schema: InnoDbClusterSpecLogsSlowQuery#collect
        '''
        result = self._values.get("collect")
        return typing.cast(typing.Optional[builtins.bool], result)

    @builtins.property
    def enabled(self) -> typing.Optional[builtins.bool]:
        '''Whether slow query logging should be enabled.

        :schema: InnoDbClusterSpecLogsSlowQuery#enabled
        '''
        result = self._values.get("enabled")
        return typing.cast(typing.Optional[builtins.bool], result)

    @builtins.property
    def long_query_time(self) -> typing.Optional[jsii.Number]:
        '''Long query time threshold.

        :schema: InnoDbClusterSpecLogsSlowQuery#longQueryTime
        '''
        result = self._values.get("long_query_time")
        return typing.cast(typing.Optional[jsii.Number], result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "InnoDbClusterSpecLogsSlowQuery(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


@jsii.data_type(
    jsii_type="mysql_comoraclemysql.InnoDbClusterSpecMetrics",
    jsii_struct_bases=[],
    name_mapping={
        "enable": "enable",
        "image": "image",
        "monitor": "monitor",
        "monitor_spec": "monitorSpec",
        "options": "options",
        "tls_secret": "tlsSecret",
        "web_config": "webConfig",
    },
)
class InnoDbClusterSpecMetrics:
    def __init__(
        self,
        *,
        enable: builtins.bool,
        image: builtins.str,
        monitor: typing.Optional[builtins.bool] = None,
        monitor_spec: typing.Any = None,
        options: typing.Optional[typing.Sequence[builtins.str]] = None,
        tls_secret: typing.Optional[builtins.str] = None,
        web_config: typing.Optional[builtins.str] = None,
    ) -> None:
        '''Configuration of a Prometheus-style metrics provider.

        :param enable: Toggle to enable or disable the metrics sidecar.
        :param image: Name of an image to be used for the metrics sidecar, if provided metrics will be enabled.
        :param monitor: Create a ServiceMonitor for Prometheus Operator.
        :param monitor_spec: Custom configuration for the ServiceMonitor object.
        :param options: Options passed to the metrics provider as command line arguments.
        :param tls_secret: Name of a Secret with TLS certificate, key and CA, which will be mounted at /tls into the container an can be used from webConfig.
        :param web_config: Name of a ConfigMap with a web.config file, if this option is provided a command line option --web.config.file is added.

        :schema: InnoDbClusterSpecMetrics
        '''
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__6d323aca44f7334a264150ad1d92922072653435d8d7c5631d2364e3cf488f8d)
            check_type(argname="argument enable", value=enable, expected_type=type_hints["enable"])
            check_type(argname="argument image", value=image, expected_type=type_hints["image"])
            check_type(argname="argument monitor", value=monitor, expected_type=type_hints["monitor"])
            check_type(argname="argument monitor_spec", value=monitor_spec, expected_type=type_hints["monitor_spec"])
            check_type(argname="argument options", value=options, expected_type=type_hints["options"])
            check_type(argname="argument tls_secret", value=tls_secret, expected_type=type_hints["tls_secret"])
            check_type(argname="argument web_config", value=web_config, expected_type=type_hints["web_config"])
        self._values: typing.Dict[builtins.str, typing.Any] = {
            "enable": enable,
            "image": image,
        }
        if monitor is not None:
            self._values["monitor"] = monitor
        if monitor_spec is not None:
            self._values["monitor_spec"] = monitor_spec
        if options is not None:
            self._values["options"] = options
        if tls_secret is not None:
            self._values["tls_secret"] = tls_secret
        if web_config is not None:
            self._values["web_config"] = web_config

    @builtins.property
    def enable(self) -> builtins.bool:
        '''Toggle to enable or disable the metrics sidecar.

        :schema: InnoDbClusterSpecMetrics#enable
        '''
        result = self._values.get("enable")
        assert result is not None, "Required property 'enable' is missing"
        return typing.cast(builtins.bool, result)

    @builtins.property
    def image(self) -> builtins.str:
        '''Name of an image to be used for the metrics sidecar, if provided metrics will be enabled.

        :schema: InnoDbClusterSpecMetrics#image
        '''
        result = self._values.get("image")
        assert result is not None, "Required property 'image' is missing"
        return typing.cast(builtins.str, result)

    @builtins.property
    def monitor(self) -> typing.Optional[builtins.bool]:
        '''Create a ServiceMonitor for Prometheus Operator.

        :schema: InnoDbClusterSpecMetrics#monitor
        '''
        result = self._values.get("monitor")
        return typing.cast(typing.Optional[builtins.bool], result)

    @builtins.property
    def monitor_spec(self) -> typing.Any:
        '''Custom configuration for the ServiceMonitor object.

        :schema: InnoDbClusterSpecMetrics#monitorSpec
        '''
        result = self._values.get("monitor_spec")
        return typing.cast(typing.Any, result)

    @builtins.property
    def options(self) -> typing.Optional[typing.List[builtins.str]]:
        '''Options passed to the metrics provider as command line arguments.

        :schema: InnoDbClusterSpecMetrics#options
        '''
        result = self._values.get("options")
        return typing.cast(typing.Optional[typing.List[builtins.str]], result)

    @builtins.property
    def tls_secret(self) -> typing.Optional[builtins.str]:
        '''Name of a Secret with TLS certificate, key and CA, which will be mounted at /tls into the container an can be used from webConfig.

        :schema: InnoDbClusterSpecMetrics#tlsSecret
        '''
        result = self._values.get("tls_secret")
        return typing.cast(typing.Optional[builtins.str], result)

    @builtins.property
    def web_config(self) -> typing.Optional[builtins.str]:
        '''Name of a ConfigMap with a web.config file, if this option is provided a command line option --web.config.file is added.

        :schema: InnoDbClusterSpecMetrics#webConfig
        '''
        result = self._values.get("web_config")
        return typing.cast(typing.Optional[builtins.str], result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "InnoDbClusterSpecMetrics(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


@jsii.data_type(
    jsii_type="mysql_comoraclemysql.InnoDbClusterSpecReadReplicas",
    jsii_struct_bases=[],
    name_mapping={
        "base_server_id": "baseServerId",
        "name": "name",
        "datadir_volume_claim_template": "datadirVolumeClaimTemplate",
        "instances": "instances",
        "mycnf": "mycnf",
        "pod_annotations": "podAnnotations",
        "pod_labels": "podLabels",
        "pod_spec": "podSpec",
        "version": "version",
    },
)
class InnoDbClusterSpecReadReplicas:
    def __init__(
        self,
        *,
        base_server_id: jsii.Number,
        name: builtins.str,
        datadir_volume_claim_template: typing.Any = None,
        instances: typing.Optional[jsii.Number] = None,
        mycnf: typing.Optional[builtins.str] = None,
        pod_annotations: typing.Any = None,
        pod_labels: typing.Any = None,
        pod_spec: typing.Any = None,
        version: typing.Optional[builtins.str] = None,
    ) -> None:
        '''
        :param base_server_id: Base value for MySQL server_id for instances of the readReplica, if 0 it will be assigned automatically.
        :param name: 
        :param datadir_volume_claim_template: Template for a PersistentVolumeClaim, to be used as datadir.
        :param instances: Number of MySQL instances for the set of read replica.
        :param mycnf: Custom configuration additions for my.cnf.
        :param pod_annotations: 
        :param pod_labels: 
        :param pod_spec: 
        :param version: MySQL Server version.

        :schema: InnoDbClusterSpecReadReplicas
        '''
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__5b5ca7115264f6f9703e52153ef3fae24d04c06434b537b99fdffbffc5368d8b)
            check_type(argname="argument base_server_id", value=base_server_id, expected_type=type_hints["base_server_id"])
            check_type(argname="argument name", value=name, expected_type=type_hints["name"])
            check_type(argname="argument datadir_volume_claim_template", value=datadir_volume_claim_template, expected_type=type_hints["datadir_volume_claim_template"])
            check_type(argname="argument instances", value=instances, expected_type=type_hints["instances"])
            check_type(argname="argument mycnf", value=mycnf, expected_type=type_hints["mycnf"])
            check_type(argname="argument pod_annotations", value=pod_annotations, expected_type=type_hints["pod_annotations"])
            check_type(argname="argument pod_labels", value=pod_labels, expected_type=type_hints["pod_labels"])
            check_type(argname="argument pod_spec", value=pod_spec, expected_type=type_hints["pod_spec"])
            check_type(argname="argument version", value=version, expected_type=type_hints["version"])
        self._values: typing.Dict[builtins.str, typing.Any] = {
            "base_server_id": base_server_id,
            "name": name,
        }
        if datadir_volume_claim_template is not None:
            self._values["datadir_volume_claim_template"] = datadir_volume_claim_template
        if instances is not None:
            self._values["instances"] = instances
        if mycnf is not None:
            self._values["mycnf"] = mycnf
        if pod_annotations is not None:
            self._values["pod_annotations"] = pod_annotations
        if pod_labels is not None:
            self._values["pod_labels"] = pod_labels
        if pod_spec is not None:
            self._values["pod_spec"] = pod_spec
        if version is not None:
            self._values["version"] = version

    @builtins.property
    def base_server_id(self) -> jsii.Number:
        '''Base value for MySQL server_id for instances of the readReplica, if 0 it will be assigned automatically.

        :schema: InnoDbClusterSpecReadReplicas#baseServerId
        '''
        result = self._values.get("base_server_id")
        assert result is not None, "Required property 'base_server_id' is missing"
        return typing.cast(jsii.Number, result)

    @builtins.property
    def name(self) -> builtins.str:
        '''
        :schema: InnoDbClusterSpecReadReplicas#name
        '''
        result = self._values.get("name")
        assert result is not None, "Required property 'name' is missing"
        return typing.cast(builtins.str, result)

    @builtins.property
    def datadir_volume_claim_template(self) -> typing.Any:
        '''Template for a PersistentVolumeClaim, to be used as datadir.

        :schema: InnoDbClusterSpecReadReplicas#datadirVolumeClaimTemplate
        '''
        result = self._values.get("datadir_volume_claim_template")
        return typing.cast(typing.Any, result)

    @builtins.property
    def instances(self) -> typing.Optional[jsii.Number]:
        '''Number of MySQL instances for the set of read replica.

        :schema: InnoDbClusterSpecReadReplicas#instances
        '''
        result = self._values.get("instances")
        return typing.cast(typing.Optional[jsii.Number], result)

    @builtins.property
    def mycnf(self) -> typing.Optional[builtins.str]:
        '''Custom configuration additions for my.cnf.

        :schema: InnoDbClusterSpecReadReplicas#mycnf
        '''
        result = self._values.get("mycnf")
        return typing.cast(typing.Optional[builtins.str], result)

    @builtins.property
    def pod_annotations(self) -> typing.Any:
        '''
        :schema: InnoDbClusterSpecReadReplicas#podAnnotations
        '''
        result = self._values.get("pod_annotations")
        return typing.cast(typing.Any, result)

    @builtins.property
    def pod_labels(self) -> typing.Any:
        '''
        :schema: InnoDbClusterSpecReadReplicas#podLabels
        '''
        result = self._values.get("pod_labels")
        return typing.cast(typing.Any, result)

    @builtins.property
    def pod_spec(self) -> typing.Any:
        '''
        :schema: InnoDbClusterSpecReadReplicas#podSpec
        '''
        result = self._values.get("pod_spec")
        return typing.cast(typing.Any, result)

    @builtins.property
    def version(self) -> typing.Optional[builtins.str]:
        '''MySQL Server version.

        :schema: InnoDbClusterSpecReadReplicas#version
        '''
        result = self._values.get("version")
        return typing.cast(typing.Optional[builtins.str], result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "InnoDbClusterSpecReadReplicas(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


@jsii.data_type(
    jsii_type="mysql_comoraclemysql.InnoDbClusterSpecRouter",
    jsii_struct_bases=[],
    name_mapping={
        "bootstrap_options": "bootstrapOptions",
        "instances": "instances",
        "options": "options",
        "pod_annotations": "podAnnotations",
        "pod_labels": "podLabels",
        "pod_spec": "podSpec",
        "routing_options": "routingOptions",
        "tls_secret_name": "tlsSecretName",
        "version": "version",
    },
)
class InnoDbClusterSpecRouter:
    def __init__(
        self,
        *,
        bootstrap_options: typing.Optional[typing.Sequence[builtins.str]] = None,
        instances: typing.Optional[jsii.Number] = None,
        options: typing.Optional[typing.Sequence[builtins.str]] = None,
        pod_annotations: typing.Any = None,
        pod_labels: typing.Any = None,
        pod_spec: typing.Any = None,
        routing_options: typing.Optional[typing.Union["InnoDbClusterSpecRouterRoutingOptions", typing.Dict[builtins.str, typing.Any]]] = None,
        tls_secret_name: typing.Optional[builtins.str] = None,
        version: typing.Optional[builtins.str] = None,
    ) -> None:
        '''MySQL Router specification.

        :param bootstrap_options: Command line options passed to MySQL Router while bootstrapping.
        :param instances: Number of MySQL Router instances to deploy.
        :param options: Command line options passed to MySQL Router while running.
        :param pod_annotations: 
        :param pod_labels: 
        :param pod_spec: 
        :param routing_options: Set routing options for the cluster.
        :param tls_secret_name: Name of a TLS type Secret containing MySQL Router certificate and private key used for SSL.
        :param version: Override MySQL Router version.

        :schema: InnoDbClusterSpecRouter
        '''
        if isinstance(routing_options, dict):
            routing_options = InnoDbClusterSpecRouterRoutingOptions(**routing_options)
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__3857344c98f0308a7013838263c8ab9a44decfc4b52e779c3d1acacd06e99d52)
            check_type(argname="argument bootstrap_options", value=bootstrap_options, expected_type=type_hints["bootstrap_options"])
            check_type(argname="argument instances", value=instances, expected_type=type_hints["instances"])
            check_type(argname="argument options", value=options, expected_type=type_hints["options"])
            check_type(argname="argument pod_annotations", value=pod_annotations, expected_type=type_hints["pod_annotations"])
            check_type(argname="argument pod_labels", value=pod_labels, expected_type=type_hints["pod_labels"])
            check_type(argname="argument pod_spec", value=pod_spec, expected_type=type_hints["pod_spec"])
            check_type(argname="argument routing_options", value=routing_options, expected_type=type_hints["routing_options"])
            check_type(argname="argument tls_secret_name", value=tls_secret_name, expected_type=type_hints["tls_secret_name"])
            check_type(argname="argument version", value=version, expected_type=type_hints["version"])
        self._values: typing.Dict[builtins.str, typing.Any] = {}
        if bootstrap_options is not None:
            self._values["bootstrap_options"] = bootstrap_options
        if instances is not None:
            self._values["instances"] = instances
        if options is not None:
            self._values["options"] = options
        if pod_annotations is not None:
            self._values["pod_annotations"] = pod_annotations
        if pod_labels is not None:
            self._values["pod_labels"] = pod_labels
        if pod_spec is not None:
            self._values["pod_spec"] = pod_spec
        if routing_options is not None:
            self._values["routing_options"] = routing_options
        if tls_secret_name is not None:
            self._values["tls_secret_name"] = tls_secret_name
        if version is not None:
            self._values["version"] = version

    @builtins.property
    def bootstrap_options(self) -> typing.Optional[typing.List[builtins.str]]:
        '''Command line options passed to MySQL Router while bootstrapping.

        :schema: InnoDbClusterSpecRouter#bootstrapOptions
        '''
        result = self._values.get("bootstrap_options")
        return typing.cast(typing.Optional[typing.List[builtins.str]], result)

    @builtins.property
    def instances(self) -> typing.Optional[jsii.Number]:
        '''Number of MySQL Router instances to deploy.

        :schema: InnoDbClusterSpecRouter#instances
        '''
        result = self._values.get("instances")
        return typing.cast(typing.Optional[jsii.Number], result)

    @builtins.property
    def options(self) -> typing.Optional[typing.List[builtins.str]]:
        '''Command line options passed to MySQL Router while running.

        :schema: InnoDbClusterSpecRouter#options
        '''
        result = self._values.get("options")
        return typing.cast(typing.Optional[typing.List[builtins.str]], result)

    @builtins.property
    def pod_annotations(self) -> typing.Any:
        '''
        :schema: InnoDbClusterSpecRouter#podAnnotations
        '''
        result = self._values.get("pod_annotations")
        return typing.cast(typing.Any, result)

    @builtins.property
    def pod_labels(self) -> typing.Any:
        '''
        :schema: InnoDbClusterSpecRouter#podLabels
        '''
        result = self._values.get("pod_labels")
        return typing.cast(typing.Any, result)

    @builtins.property
    def pod_spec(self) -> typing.Any:
        '''
        :schema: InnoDbClusterSpecRouter#podSpec
        '''
        result = self._values.get("pod_spec")
        return typing.cast(typing.Any, result)

    @builtins.property
    def routing_options(
        self,
    ) -> typing.Optional["InnoDbClusterSpecRouterRoutingOptions"]:
        '''Set routing options for the cluster.

        :schema: InnoDbClusterSpecRouter#routingOptions
        '''
        result = self._values.get("routing_options")
        return typing.cast(typing.Optional["InnoDbClusterSpecRouterRoutingOptions"], result)

    @builtins.property
    def tls_secret_name(self) -> typing.Optional[builtins.str]:
        '''Name of a TLS type Secret containing MySQL Router certificate and private key used for SSL.

        :schema: InnoDbClusterSpecRouter#tlsSecretName
        '''
        result = self._values.get("tls_secret_name")
        return typing.cast(typing.Optional[builtins.str], result)

    @builtins.property
    def version(self) -> typing.Optional[builtins.str]:
        '''Override MySQL Router version.

        :schema: InnoDbClusterSpecRouter#version
        '''
        result = self._values.get("version")
        return typing.cast(typing.Optional[builtins.str], result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "InnoDbClusterSpecRouter(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


@jsii.data_type(
    jsii_type="mysql_comoraclemysql.InnoDbClusterSpecRouterRoutingOptions",
    jsii_struct_bases=[],
    name_mapping={
        "invalidated_cluster_policy": "invalidatedClusterPolicy",
        "read_only_targets": "readOnlyTargets",
        "stats_updates_frequency": "statsUpdatesFrequency",
    },
)
class InnoDbClusterSpecRouterRoutingOptions:
    def __init__(
        self,
        *,
        invalidated_cluster_policy: typing.Optional["InnoDbClusterSpecRouterRoutingOptionsInvalidatedClusterPolicy"] = None,
        read_only_targets: typing.Optional["InnoDbClusterSpecRouterRoutingOptionsReadOnlyTargets"] = None,
        stats_updates_frequency: typing.Optional[jsii.Number] = None,
    ) -> None:
        '''Set routing options for the cluster.

        :param invalidated_cluster_policy: 
        :param read_only_targets: 
        :param stats_updates_frequency: 

        :schema: InnoDbClusterSpecRouterRoutingOptions
        '''
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__e385d7324e3af965c3527263e25f8e060e0d95d186feda3365d6ce620864e425)
            check_type(argname="argument invalidated_cluster_policy", value=invalidated_cluster_policy, expected_type=type_hints["invalidated_cluster_policy"])
            check_type(argname="argument read_only_targets", value=read_only_targets, expected_type=type_hints["read_only_targets"])
            check_type(argname="argument stats_updates_frequency", value=stats_updates_frequency, expected_type=type_hints["stats_updates_frequency"])
        self._values: typing.Dict[builtins.str, typing.Any] = {}
        if invalidated_cluster_policy is not None:
            self._values["invalidated_cluster_policy"] = invalidated_cluster_policy
        if read_only_targets is not None:
            self._values["read_only_targets"] = read_only_targets
        if stats_updates_frequency is not None:
            self._values["stats_updates_frequency"] = stats_updates_frequency

    @builtins.property
    def invalidated_cluster_policy(
        self,
    ) -> typing.Optional["InnoDbClusterSpecRouterRoutingOptionsInvalidatedClusterPolicy"]:
        '''
        :schema: InnoDbClusterSpecRouterRoutingOptions#invalidated_cluster_policy
        '''
        result = self._values.get("invalidated_cluster_policy")
        return typing.cast(typing.Optional["InnoDbClusterSpecRouterRoutingOptionsInvalidatedClusterPolicy"], result)

    @builtins.property
    def read_only_targets(
        self,
    ) -> typing.Optional["InnoDbClusterSpecRouterRoutingOptionsReadOnlyTargets"]:
        '''
        :schema: InnoDbClusterSpecRouterRoutingOptions#read_only_targets
        '''
        result = self._values.get("read_only_targets")
        return typing.cast(typing.Optional["InnoDbClusterSpecRouterRoutingOptionsReadOnlyTargets"], result)

    @builtins.property
    def stats_updates_frequency(self) -> typing.Optional[jsii.Number]:
        '''
        :schema: InnoDbClusterSpecRouterRoutingOptions#stats_updates_frequency
        '''
        result = self._values.get("stats_updates_frequency")
        return typing.cast(typing.Optional[jsii.Number], result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "InnoDbClusterSpecRouterRoutingOptions(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


@jsii.enum(
    jsii_type="mysql_comoraclemysql.InnoDbClusterSpecRouterRoutingOptionsInvalidatedClusterPolicy"
)
class InnoDbClusterSpecRouterRoutingOptionsInvalidatedClusterPolicy(enum.Enum):
    '''
    :schema: InnoDbClusterSpecRouterRoutingOptionsInvalidatedClusterPolicy
    '''

    DROP_UNDERSCORE_ALL = "DROP_UNDERSCORE_ALL"
    '''drop_all.'''
    ACCEPT_UNDERSCORE_RO = "ACCEPT_UNDERSCORE_RO"
    '''accept_ro.'''


@jsii.enum(
    jsii_type="mysql_comoraclemysql.InnoDbClusterSpecRouterRoutingOptionsReadOnlyTargets"
)
class InnoDbClusterSpecRouterRoutingOptionsReadOnlyTargets(enum.Enum):
    '''
    :schema: InnoDbClusterSpecRouterRoutingOptionsReadOnlyTargets
    '''

    ALL = "ALL"
    '''all.'''
    READ_UNDERSCORE_REPLICAS = "READ_UNDERSCORE_REPLICAS"
    '''read_replicas.'''
    SECONDARIES = "SECONDARIES"
    '''secondaries.'''


@jsii.data_type(
    jsii_type="mysql_comoraclemysql.InnoDbClusterSpecService",
    jsii_struct_bases=[],
    name_mapping={
        "annotations": "annotations",
        "default_port": "defaultPort",
        "labels": "labels",
        "type": "type",
    },
)
class InnoDbClusterSpecService:
    def __init__(
        self,
        *,
        annotations: typing.Any = None,
        default_port: typing.Optional["InnoDbClusterSpecServiceDefaultPort"] = None,
        labels: typing.Any = None,
        type: typing.Optional["InnoDbClusterSpecServiceType"] = None,
    ) -> None:
        '''Configuration of the Service used by applications connecting to the InnoDB Cluster.

        :param annotations: Custom annotations for the Service.
        :param default_port: Target for the Service's default (3306) port. If mysql-rw traffic will go to the primary and allow read and write operations, with mysql-ro traffic goes to the replica and allows only read operations, with mysql-rw-split the router's read-write-splitting will be targeted
        :param labels: Custom labels for the Service.
        :param type: 

        :schema: InnoDbClusterSpecService
        '''
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__93429387dea12c89fdf2e23af7e151d173bbd966265ef46ab9057fae11e8220a)
            check_type(argname="argument annotations", value=annotations, expected_type=type_hints["annotations"])
            check_type(argname="argument default_port", value=default_port, expected_type=type_hints["default_port"])
            check_type(argname="argument labels", value=labels, expected_type=type_hints["labels"])
            check_type(argname="argument type", value=type, expected_type=type_hints["type"])
        self._values: typing.Dict[builtins.str, typing.Any] = {}
        if annotations is not None:
            self._values["annotations"] = annotations
        if default_port is not None:
            self._values["default_port"] = default_port
        if labels is not None:
            self._values["labels"] = labels
        if type is not None:
            self._values["type"] = type

    @builtins.property
    def annotations(self) -> typing.Any:
        '''Custom annotations for the Service.

        :schema: InnoDbClusterSpecService#annotations
        '''
        result = self._values.get("annotations")
        return typing.cast(typing.Any, result)

    @builtins.property
    def default_port(self) -> typing.Optional["InnoDbClusterSpecServiceDefaultPort"]:
        '''Target for the Service's default (3306) port.

        If mysql-rw traffic will go to the primary and allow read and write operations, with mysql-ro traffic goes to the replica and allows only read operations, with mysql-rw-split the router's read-write-splitting will be targeted

        :schema: InnoDbClusterSpecService#defaultPort
        '''
        result = self._values.get("default_port")
        return typing.cast(typing.Optional["InnoDbClusterSpecServiceDefaultPort"], result)

    @builtins.property
    def labels(self) -> typing.Any:
        '''Custom labels for the Service.

        :schema: InnoDbClusterSpecService#labels
        '''
        result = self._values.get("labels")
        return typing.cast(typing.Any, result)

    @builtins.property
    def type(self) -> typing.Optional["InnoDbClusterSpecServiceType"]:
        '''
        :schema: InnoDbClusterSpecService#type
        '''
        result = self._values.get("type")
        return typing.cast(typing.Optional["InnoDbClusterSpecServiceType"], result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "InnoDbClusterSpecService(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


@jsii.enum(jsii_type="mysql_comoraclemysql.InnoDbClusterSpecServiceDefaultPort")
class InnoDbClusterSpecServiceDefaultPort(enum.Enum):
    '''Target for the Service's default (3306) port.

    If mysql-rw traffic will go to the primary and allow read and write operations, with mysql-ro traffic goes to the replica and allows only read operations, with mysql-rw-split the router's read-write-splitting will be targeted

    :schema: InnoDbClusterSpecServiceDefaultPort
    '''

    MYSQL_HYPHEN_RW = "MYSQL_HYPHEN_RW"
    '''mysql-rw.'''
    MYSQL_HYPHEN_RO = "MYSQL_HYPHEN_RO"
    '''mysql-ro.'''
    MYSQL_HYPHEN_RW_HYPHEN_SPLIT = "MYSQL_HYPHEN_RW_HYPHEN_SPLIT"
    '''mysql-rw-split.'''


@jsii.enum(jsii_type="mysql_comoraclemysql.InnoDbClusterSpecServiceType")
class InnoDbClusterSpecServiceType(enum.Enum):
    '''
    :schema: InnoDbClusterSpecServiceType
    '''

    CLUSTER_IP = "CLUSTER_IP"
    '''ClusterIP.'''
    NODE_PORT = "NODE_PORT"
    '''NodePort.'''
    LOAD_BALANCER = "LOAD_BALANCER"
    '''LoadBalancer.'''


class MySqlBackup(
    _cdk8s_d3d9af27.ApiObject,
    metaclass=jsii.JSIIMeta,
    jsii_type="mysql_comoraclemysql.MySqlBackup",
):
    '''
    :schema: MySQLBackup
    '''

    def __init__(
        self,
        scope: "_constructs_77d1e7e8.Construct",
        id: builtins.str,
        *,
        metadata: typing.Optional[typing.Union["_cdk8s_d3d9af27.ApiObjectMetadata", typing.Dict[builtins.str, typing.Any]]] = None,
        spec: typing.Optional[typing.Union["MySqlBackupSpec", typing.Dict[builtins.str, typing.Any]]] = None,
    ) -> None:
        '''Defines a "MySQLBackup" API object.

        :param scope: the scope in which to define this object.
        :param id: a scope-local name for the object.
        :param metadata: 
        :param spec: 
        '''
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__88e80d6822ad6bcc6ea8d60ec271113939a28b7d74af4bf941ec47ede01bb0e2)
            check_type(argname="argument scope", value=scope, expected_type=type_hints["scope"])
            check_type(argname="argument id", value=id, expected_type=type_hints["id"])
        props = MySqlBackupProps(metadata=metadata, spec=spec)

        jsii.create(self.__class__, self, [scope, id, props])

    @jsii.member(jsii_name="manifest")
    @builtins.classmethod
    def manifest(
        cls,
        *,
        metadata: typing.Optional[typing.Union["_cdk8s_d3d9af27.ApiObjectMetadata", typing.Dict[builtins.str, typing.Any]]] = None,
        spec: typing.Optional[typing.Union["MySqlBackupSpec", typing.Dict[builtins.str, typing.Any]]] = None,
    ) -> typing.Any:
        '''Renders a Kubernetes manifest for "MySQLBackup".

        This can be used to inline resource manifests inside other objects (e.g. as templates).

        :param metadata: 
        :param spec: 
        '''
        props = MySqlBackupProps(metadata=metadata, spec=spec)

        return typing.cast(typing.Any, jsii.sinvoke(cls, "manifest", [props]))

    @jsii.member(jsii_name="toJson")
    def to_json(self) -> typing.Any:
        '''Renders the object to Kubernetes JSON.'''
        return typing.cast(typing.Any, jsii.invoke(self, "toJson", []))

    @jsii.python.classproperty
    @jsii.member(jsii_name="GVK")
    def GVK(cls) -> "_cdk8s_d3d9af27.GroupVersionKind":
        '''Returns the apiVersion and kind for "MySQLBackup".'''
        return typing.cast("_cdk8s_d3d9af27.GroupVersionKind", jsii.sget(cls, "GVK"))


@jsii.data_type(
    jsii_type="mysql_comoraclemysql.MySqlBackupProps",
    jsii_struct_bases=[],
    name_mapping={"metadata": "metadata", "spec": "spec"},
)
class MySqlBackupProps:
    def __init__(
        self,
        *,
        metadata: typing.Optional[typing.Union["_cdk8s_d3d9af27.ApiObjectMetadata", typing.Dict[builtins.str, typing.Any]]] = None,
        spec: typing.Optional[typing.Union["MySqlBackupSpec", typing.Dict[builtins.str, typing.Any]]] = None,
    ) -> None:
        '''
        :param metadata: 
        :param spec: 

        :schema: MySQLBackup
        '''
        if isinstance(metadata, dict):
            metadata = _cdk8s_d3d9af27.ApiObjectMetadata(**metadata)
        if isinstance(spec, dict):
            spec = MySqlBackupSpec(**spec)
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__7d8b243c90e209c3e2b16f406a55813b7bd3b4cf0aa4a8dd96beb510bec73328)
            check_type(argname="argument metadata", value=metadata, expected_type=type_hints["metadata"])
            check_type(argname="argument spec", value=spec, expected_type=type_hints["spec"])
        self._values: typing.Dict[builtins.str, typing.Any] = {}
        if metadata is not None:
            self._values["metadata"] = metadata
        if spec is not None:
            self._values["spec"] = spec

    @builtins.property
    def metadata(self) -> typing.Optional["_cdk8s_d3d9af27.ApiObjectMetadata"]:
        '''
        :schema: MySQLBackup#metadata
        '''
        result = self._values.get("metadata")
        return typing.cast(typing.Optional["_cdk8s_d3d9af27.ApiObjectMetadata"], result)

    @builtins.property
    def spec(self) -> typing.Optional["MySqlBackupSpec"]:
        '''
        :schema: MySQLBackup#spec
        '''
        result = self._values.get("spec")
        return typing.cast(typing.Optional["MySqlBackupSpec"], result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "MySqlBackupProps(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


@jsii.data_type(
    jsii_type="mysql_comoraclemysql.MySqlBackupSpec",
    jsii_struct_bases=[],
    name_mapping={
        "cluster_name": "clusterName",
        "add_timestamp_to_backup_directory": "addTimestampToBackupDirectory",
        "backup_profile": "backupProfile",
        "backup_profile_name": "backupProfileName",
        "delete_backup_data": "deleteBackupData",
    },
)
class MySqlBackupSpec:
    def __init__(
        self,
        *,
        cluster_name: builtins.str,
        add_timestamp_to_backup_directory: typing.Optional[builtins.bool] = None,
        backup_profile: typing.Optional[typing.Union["MySqlBackupSpecBackupProfile", typing.Dict[builtins.str, typing.Any]]] = None,
        backup_profile_name: typing.Optional[builtins.str] = None,
        delete_backup_data: typing.Optional[builtins.bool] = None,
    ) -> None:
        '''
        :param cluster_name: 
        :param add_timestamp_to_backup_directory: 
        :param backup_profile: backupProfile specification if backupProfileName is not specified.
        :param backup_profile_name: 
        :param delete_backup_data: 

        :schema: MySqlBackupSpec
        '''
        if isinstance(backup_profile, dict):
            backup_profile = MySqlBackupSpecBackupProfile(**backup_profile)
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__f35b127445ddbf68e6470a8fe0b177f379058d26ed9980605e0a8eb0412fbdb7)
            check_type(argname="argument cluster_name", value=cluster_name, expected_type=type_hints["cluster_name"])
            check_type(argname="argument add_timestamp_to_backup_directory", value=add_timestamp_to_backup_directory, expected_type=type_hints["add_timestamp_to_backup_directory"])
            check_type(argname="argument backup_profile", value=backup_profile, expected_type=type_hints["backup_profile"])
            check_type(argname="argument backup_profile_name", value=backup_profile_name, expected_type=type_hints["backup_profile_name"])
            check_type(argname="argument delete_backup_data", value=delete_backup_data, expected_type=type_hints["delete_backup_data"])
        self._values: typing.Dict[builtins.str, typing.Any] = {
            "cluster_name": cluster_name,
        }
        if add_timestamp_to_backup_directory is not None:
            self._values["add_timestamp_to_backup_directory"] = add_timestamp_to_backup_directory
        if backup_profile is not None:
            self._values["backup_profile"] = backup_profile
        if backup_profile_name is not None:
            self._values["backup_profile_name"] = backup_profile_name
        if delete_backup_data is not None:
            self._values["delete_backup_data"] = delete_backup_data

    @builtins.property
    def cluster_name(self) -> builtins.str:
        '''
        :schema: MySqlBackupSpec#clusterName
        '''
        result = self._values.get("cluster_name")
        assert result is not None, "Required property 'cluster_name' is missing"
        return typing.cast(builtins.str, result)

    @builtins.property
    def add_timestamp_to_backup_directory(self) -> typing.Optional[builtins.bool]:
        '''
        :schema: MySqlBackupSpec#addTimestampToBackupDirectory
        '''
        result = self._values.get("add_timestamp_to_backup_directory")
        return typing.cast(typing.Optional[builtins.bool], result)

    @builtins.property
    def backup_profile(self) -> typing.Optional["MySqlBackupSpecBackupProfile"]:
        '''backupProfile specification if backupProfileName is not specified.

        :schema: MySqlBackupSpec#backupProfile
        '''
        result = self._values.get("backup_profile")
        return typing.cast(typing.Optional["MySqlBackupSpecBackupProfile"], result)

    @builtins.property
    def backup_profile_name(self) -> typing.Optional[builtins.str]:
        '''
        :schema: MySqlBackupSpec#backupProfileName
        '''
        result = self._values.get("backup_profile_name")
        return typing.cast(typing.Optional[builtins.str], result)

    @builtins.property
    def delete_backup_data(self) -> typing.Optional[builtins.bool]:
        '''
        :schema: MySqlBackupSpec#deleteBackupData
        '''
        result = self._values.get("delete_backup_data")
        return typing.cast(typing.Optional[builtins.bool], result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "MySqlBackupSpec(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


@jsii.data_type(
    jsii_type="mysql_comoraclemysql.MySqlBackupSpecBackupProfile",
    jsii_struct_bases=[],
    name_mapping={
        "dump_instance": "dumpInstance",
        "pod_annotations": "podAnnotations",
        "pod_labels": "podLabels",
    },
)
class MySqlBackupSpecBackupProfile:
    def __init__(
        self,
        *,
        dump_instance: typing.Optional[typing.Union["MySqlBackupSpecBackupProfileDumpInstance", typing.Dict[builtins.str, typing.Any]]] = None,
        pod_annotations: typing.Any = None,
        pod_labels: typing.Any = None,
    ) -> None:
        '''backupProfile specification if backupProfileName is not specified.

        :param dump_instance: 
        :param pod_annotations: 
        :param pod_labels: 

        :schema: MySqlBackupSpecBackupProfile
        '''
        if isinstance(dump_instance, dict):
            dump_instance = MySqlBackupSpecBackupProfileDumpInstance(**dump_instance)
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__119687af70015cd6de502cbe56efe6ba8673307ebe4c886b8daeb7506419312a)
            check_type(argname="argument dump_instance", value=dump_instance, expected_type=type_hints["dump_instance"])
            check_type(argname="argument pod_annotations", value=pod_annotations, expected_type=type_hints["pod_annotations"])
            check_type(argname="argument pod_labels", value=pod_labels, expected_type=type_hints["pod_labels"])
        self._values: typing.Dict[builtins.str, typing.Any] = {}
        if dump_instance is not None:
            self._values["dump_instance"] = dump_instance
        if pod_annotations is not None:
            self._values["pod_annotations"] = pod_annotations
        if pod_labels is not None:
            self._values["pod_labels"] = pod_labels

    @builtins.property
    def dump_instance(
        self,
    ) -> typing.Optional["MySqlBackupSpecBackupProfileDumpInstance"]:
        '''
        :schema: MySqlBackupSpecBackupProfile#dumpInstance
        '''
        result = self._values.get("dump_instance")
        return typing.cast(typing.Optional["MySqlBackupSpecBackupProfileDumpInstance"], result)

    @builtins.property
    def pod_annotations(self) -> typing.Any:
        '''
        :schema: MySqlBackupSpecBackupProfile#podAnnotations
        '''
        result = self._values.get("pod_annotations")
        return typing.cast(typing.Any, result)

    @builtins.property
    def pod_labels(self) -> typing.Any:
        '''
        :schema: MySqlBackupSpecBackupProfile#podLabels
        '''
        result = self._values.get("pod_labels")
        return typing.cast(typing.Any, result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "MySqlBackupSpecBackupProfile(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


@jsii.data_type(
    jsii_type="mysql_comoraclemysql.MySqlBackupSpecBackupProfileDumpInstance",
    jsii_struct_bases=[],
    name_mapping={"dump_options": "dumpOptions", "storage": "storage"},
)
class MySqlBackupSpecBackupProfileDumpInstance:
    def __init__(
        self,
        *,
        dump_options: typing.Any = None,
        storage: typing.Optional[typing.Union["MySqlBackupSpecBackupProfileDumpInstanceStorage", typing.Dict[builtins.str, typing.Any]]] = None,
    ) -> None:
        '''
        :param dump_options: A dictionary of key-value pairs passed directly to MySQL Shell's DumpInstance().
        :param storage: 

        :schema: MySqlBackupSpecBackupProfileDumpInstance
        '''
        if isinstance(storage, dict):
            storage = MySqlBackupSpecBackupProfileDumpInstanceStorage(**storage)
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__43d84f06594ffed240e49128f57761c7abe9f458199160e57687e4377c7d282b)
            check_type(argname="argument dump_options", value=dump_options, expected_type=type_hints["dump_options"])
            check_type(argname="argument storage", value=storage, expected_type=type_hints["storage"])
        self._values: typing.Dict[builtins.str, typing.Any] = {}
        if dump_options is not None:
            self._values["dump_options"] = dump_options
        if storage is not None:
            self._values["storage"] = storage

    @builtins.property
    def dump_options(self) -> typing.Any:
        '''A dictionary of key-value pairs passed directly to MySQL Shell's DumpInstance().

        :schema: MySqlBackupSpecBackupProfileDumpInstance#dumpOptions
        '''
        result = self._values.get("dump_options")
        return typing.cast(typing.Any, result)

    @builtins.property
    def storage(
        self,
    ) -> typing.Optional["MySqlBackupSpecBackupProfileDumpInstanceStorage"]:
        '''
        :schema: MySqlBackupSpecBackupProfileDumpInstance#storage
        '''
        result = self._values.get("storage")
        return typing.cast(typing.Optional["MySqlBackupSpecBackupProfileDumpInstanceStorage"], result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "MySqlBackupSpecBackupProfileDumpInstance(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


@jsii.data_type(
    jsii_type="mysql_comoraclemysql.MySqlBackupSpecBackupProfileDumpInstanceStorage",
    jsii_struct_bases=[],
    name_mapping={
        "azure": "azure",
        "oci_object_storage": "ociObjectStorage",
        "persistent_volume_claim": "persistentVolumeClaim",
        "s3": "s3",
    },
)
class MySqlBackupSpecBackupProfileDumpInstanceStorage:
    def __init__(
        self,
        *,
        azure: typing.Optional[typing.Union["MySqlBackupSpecBackupProfileDumpInstanceStorageAzure", typing.Dict[builtins.str, typing.Any]]] = None,
        oci_object_storage: typing.Optional[typing.Union["MySqlBackupSpecBackupProfileDumpInstanceStorageOciObjectStorage", typing.Dict[builtins.str, typing.Any]]] = None,
        persistent_volume_claim: typing.Any = None,
        s3: typing.Optional[typing.Union["MySqlBackupSpecBackupProfileDumpInstanceStorageS3", typing.Dict[builtins.str, typing.Any]]] = None,
    ) -> None:
        '''
        :param azure: 
        :param oci_object_storage: 
        :param persistent_volume_claim: Specification of the PVC to be used. Used 'as is' in pod executing the backup.
        :param s3: 

        :schema: MySqlBackupSpecBackupProfileDumpInstanceStorage
        '''
        if isinstance(azure, dict):
            azure = MySqlBackupSpecBackupProfileDumpInstanceStorageAzure(**azure)
        if isinstance(oci_object_storage, dict):
            oci_object_storage = MySqlBackupSpecBackupProfileDumpInstanceStorageOciObjectStorage(**oci_object_storage)
        if isinstance(s3, dict):
            s3 = MySqlBackupSpecBackupProfileDumpInstanceStorageS3(**s3)
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__9dedd40c8cc68ff70d2c532885b9faaf51cd5d04c94cdec5d9a1b6578b394ec7)
            check_type(argname="argument azure", value=azure, expected_type=type_hints["azure"])
            check_type(argname="argument oci_object_storage", value=oci_object_storage, expected_type=type_hints["oci_object_storage"])
            check_type(argname="argument persistent_volume_claim", value=persistent_volume_claim, expected_type=type_hints["persistent_volume_claim"])
            check_type(argname="argument s3", value=s3, expected_type=type_hints["s3"])
        self._values: typing.Dict[builtins.str, typing.Any] = {}
        if azure is not None:
            self._values["azure"] = azure
        if oci_object_storage is not None:
            self._values["oci_object_storage"] = oci_object_storage
        if persistent_volume_claim is not None:
            self._values["persistent_volume_claim"] = persistent_volume_claim
        if s3 is not None:
            self._values["s3"] = s3

    @builtins.property
    def azure(
        self,
    ) -> typing.Optional["MySqlBackupSpecBackupProfileDumpInstanceStorageAzure"]:
        '''
        :schema: MySqlBackupSpecBackupProfileDumpInstanceStorage#azure
        '''
        result = self._values.get("azure")
        return typing.cast(typing.Optional["MySqlBackupSpecBackupProfileDumpInstanceStorageAzure"], result)

    @builtins.property
    def oci_object_storage(
        self,
    ) -> typing.Optional["MySqlBackupSpecBackupProfileDumpInstanceStorageOciObjectStorage"]:
        '''
        :schema: MySqlBackupSpecBackupProfileDumpInstanceStorage#ociObjectStorage
        '''
        result = self._values.get("oci_object_storage")
        return typing.cast(typing.Optional["MySqlBackupSpecBackupProfileDumpInstanceStorageOciObjectStorage"], result)

    @builtins.property
    def persistent_volume_claim(self) -> typing.Any:
        '''Specification of the PVC to be used.

        Used 'as is' in pod executing the backup.

        :schema: MySqlBackupSpecBackupProfileDumpInstanceStorage#persistentVolumeClaim
        '''
        result = self._values.get("persistent_volume_claim")
        return typing.cast(typing.Any, result)

    @builtins.property
    def s3(
        self,
    ) -> typing.Optional["MySqlBackupSpecBackupProfileDumpInstanceStorageS3"]:
        '''
        :schema: MySqlBackupSpecBackupProfileDumpInstanceStorage#s3
        '''
        result = self._values.get("s3")
        return typing.cast(typing.Optional["MySqlBackupSpecBackupProfileDumpInstanceStorageS3"], result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "MySqlBackupSpecBackupProfileDumpInstanceStorage(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


@jsii.data_type(
    jsii_type="mysql_comoraclemysql.MySqlBackupSpecBackupProfileDumpInstanceStorageAzure",
    jsii_struct_bases=[],
    name_mapping={
        "config": "config",
        "container_name": "containerName",
        "prefix": "prefix",
    },
)
class MySqlBackupSpecBackupProfileDumpInstanceStorageAzure:
    def __init__(
        self,
        *,
        config: builtins.str,
        container_name: builtins.str,
        prefix: typing.Optional[builtins.str] = None,
    ) -> None:
        '''
        :param config: Name of a Secret with Azure BLOB Storage configuration and credentials.
        :param container_name: Name of the Azure BLOB Storage container where the dump is stored.
        :param prefix: Path in the container where the dump files are stored.

        :schema: MySqlBackupSpecBackupProfileDumpInstanceStorageAzure
        '''
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__cf21740fa8820059dc94375908fc157c0e262bd521607cf56c2bac882fc64b73)
            check_type(argname="argument config", value=config, expected_type=type_hints["config"])
            check_type(argname="argument container_name", value=container_name, expected_type=type_hints["container_name"])
            check_type(argname="argument prefix", value=prefix, expected_type=type_hints["prefix"])
        self._values: typing.Dict[builtins.str, typing.Any] = {
            "config": config,
            "container_name": container_name,
        }
        if prefix is not None:
            self._values["prefix"] = prefix

    @builtins.property
    def config(self) -> builtins.str:
        '''Name of a Secret with Azure BLOB Storage configuration and credentials.

        :schema: MySqlBackupSpecBackupProfileDumpInstanceStorageAzure#config
        '''
        result = self._values.get("config")
        assert result is not None, "Required property 'config' is missing"
        return typing.cast(builtins.str, result)

    @builtins.property
    def container_name(self) -> builtins.str:
        '''Name of the Azure  BLOB Storage container where the dump is stored.

        :schema: MySqlBackupSpecBackupProfileDumpInstanceStorageAzure#containerName
        '''
        result = self._values.get("container_name")
        assert result is not None, "Required property 'container_name' is missing"
        return typing.cast(builtins.str, result)

    @builtins.property
    def prefix(self) -> typing.Optional[builtins.str]:
        '''Path in the container where the dump files are stored.

        :schema: MySqlBackupSpecBackupProfileDumpInstanceStorageAzure#prefix
        '''
        result = self._values.get("prefix")
        return typing.cast(typing.Optional[builtins.str], result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "MySqlBackupSpecBackupProfileDumpInstanceStorageAzure(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


@jsii.data_type(
    jsii_type="mysql_comoraclemysql.MySqlBackupSpecBackupProfileDumpInstanceStorageOciObjectStorage",
    jsii_struct_bases=[],
    name_mapping={
        "bucket_name": "bucketName",
        "credentials": "credentials",
        "prefix": "prefix",
    },
)
class MySqlBackupSpecBackupProfileDumpInstanceStorageOciObjectStorage:
    def __init__(
        self,
        *,
        bucket_name: builtins.str,
        credentials: builtins.str,
        prefix: typing.Optional[builtins.str] = None,
    ) -> None:
        '''
        :param bucket_name: Name of the OCI bucket where backup is stored.
        :param credentials: Name of a Secret with data for accessing the bucket.
        :param prefix: Path in bucket where backup is stored.

        :schema: MySqlBackupSpecBackupProfileDumpInstanceStorageOciObjectStorage
        '''
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__29cb77412edafe7872ff4475f93de14de6109f1726f7ad5fefbda931b1126d71)
            check_type(argname="argument bucket_name", value=bucket_name, expected_type=type_hints["bucket_name"])
            check_type(argname="argument credentials", value=credentials, expected_type=type_hints["credentials"])
            check_type(argname="argument prefix", value=prefix, expected_type=type_hints["prefix"])
        self._values: typing.Dict[builtins.str, typing.Any] = {
            "bucket_name": bucket_name,
            "credentials": credentials,
        }
        if prefix is not None:
            self._values["prefix"] = prefix

    @builtins.property
    def bucket_name(self) -> builtins.str:
        '''Name of the OCI bucket where backup is stored.

        :schema: MySqlBackupSpecBackupProfileDumpInstanceStorageOciObjectStorage#bucketName
        '''
        result = self._values.get("bucket_name")
        assert result is not None, "Required property 'bucket_name' is missing"
        return typing.cast(builtins.str, result)

    @builtins.property
    def credentials(self) -> builtins.str:
        '''Name of a Secret with data for accessing the bucket.

        :schema: MySqlBackupSpecBackupProfileDumpInstanceStorageOciObjectStorage#credentials
        '''
        result = self._values.get("credentials")
        assert result is not None, "Required property 'credentials' is missing"
        return typing.cast(builtins.str, result)

    @builtins.property
    def prefix(self) -> typing.Optional[builtins.str]:
        '''Path in bucket where backup is stored.

        :schema: MySqlBackupSpecBackupProfileDumpInstanceStorageOciObjectStorage#prefix
        '''
        result = self._values.get("prefix")
        return typing.cast(typing.Optional[builtins.str], result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "MySqlBackupSpecBackupProfileDumpInstanceStorageOciObjectStorage(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


@jsii.data_type(
    jsii_type="mysql_comoraclemysql.MySqlBackupSpecBackupProfileDumpInstanceStorageS3",
    jsii_struct_bases=[],
    name_mapping={
        "bucket_name": "bucketName",
        "config": "config",
        "endpoint": "endpoint",
        "prefix": "prefix",
        "profile": "profile",
    },
)
class MySqlBackupSpecBackupProfileDumpInstanceStorageS3:
    def __init__(
        self,
        *,
        bucket_name: builtins.str,
        config: builtins.str,
        endpoint: typing.Optional[builtins.str] = None,
        prefix: typing.Optional[builtins.str] = None,
        profile: typing.Optional[builtins.str] = None,
    ) -> None:
        '''
        :param bucket_name: Name of the S3 bucket where the dump is stored.
        :param config: Name of a Secret with S3 configuration and credentials.
        :param endpoint: Override endpoint URL.
        :param prefix: Path in the bucket where the dump files are stored.
        :param profile: Profile being used in configuration files.

        :schema: MySqlBackupSpecBackupProfileDumpInstanceStorageS3
        '''
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__9d5b575d49bc7c7fd7cbeed7fcf456041d9ce2a8c083dee93ac1d1cdc0ad19f5)
            check_type(argname="argument bucket_name", value=bucket_name, expected_type=type_hints["bucket_name"])
            check_type(argname="argument config", value=config, expected_type=type_hints["config"])
            check_type(argname="argument endpoint", value=endpoint, expected_type=type_hints["endpoint"])
            check_type(argname="argument prefix", value=prefix, expected_type=type_hints["prefix"])
            check_type(argname="argument profile", value=profile, expected_type=type_hints["profile"])
        self._values: typing.Dict[builtins.str, typing.Any] = {
            "bucket_name": bucket_name,
            "config": config,
        }
        if endpoint is not None:
            self._values["endpoint"] = endpoint
        if prefix is not None:
            self._values["prefix"] = prefix
        if profile is not None:
            self._values["profile"] = profile

    @builtins.property
    def bucket_name(self) -> builtins.str:
        '''Name of the S3 bucket where the dump is stored.

        :schema: MySqlBackupSpecBackupProfileDumpInstanceStorageS3#bucketName
        '''
        result = self._values.get("bucket_name")
        assert result is not None, "Required property 'bucket_name' is missing"
        return typing.cast(builtins.str, result)

    @builtins.property
    def config(self) -> builtins.str:
        '''Name of a Secret with S3 configuration and credentials.

        :schema: MySqlBackupSpecBackupProfileDumpInstanceStorageS3#config
        '''
        result = self._values.get("config")
        assert result is not None, "Required property 'config' is missing"
        return typing.cast(builtins.str, result)

    @builtins.property
    def endpoint(self) -> typing.Optional[builtins.str]:
        '''Override endpoint URL.

        :schema: MySqlBackupSpecBackupProfileDumpInstanceStorageS3#endpoint
        '''
        result = self._values.get("endpoint")
        return typing.cast(typing.Optional[builtins.str], result)

    @builtins.property
    def prefix(self) -> typing.Optional[builtins.str]:
        '''Path in the bucket where the dump files are stored.

        :schema: MySqlBackupSpecBackupProfileDumpInstanceStorageS3#prefix
        '''
        result = self._values.get("prefix")
        return typing.cast(typing.Optional[builtins.str], result)

    @builtins.property
    def profile(self) -> typing.Optional[builtins.str]:
        '''Profile being used in configuration files.

        :schema: MySqlBackupSpecBackupProfileDumpInstanceStorageS3#profile
        '''
        result = self._values.get("profile")
        return typing.cast(typing.Optional[builtins.str], result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "MySqlBackupSpecBackupProfileDumpInstanceStorageS3(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


__all__ = [
    "InnoDbCluster",
    "InnoDbClusterProps",
    "InnoDbClusterSpec",
    "InnoDbClusterSpecBackupProfiles",
    "InnoDbClusterSpecBackupProfilesDumpInstance",
    "InnoDbClusterSpecBackupProfilesDumpInstanceStorage",
    "InnoDbClusterSpecBackupProfilesDumpInstanceStorageAzure",
    "InnoDbClusterSpecBackupProfilesDumpInstanceStorageOciObjectStorage",
    "InnoDbClusterSpecBackupProfilesDumpInstanceStorageS3",
    "InnoDbClusterSpecBackupProfilesSnapshot",
    "InnoDbClusterSpecBackupProfilesSnapshotStorage",
    "InnoDbClusterSpecBackupProfilesSnapshotStorageAzure",
    "InnoDbClusterSpecBackupProfilesSnapshotStorageOciObjectStorage",
    "InnoDbClusterSpecBackupProfilesSnapshotStorageS3",
    "InnoDbClusterSpecBackupSchedules",
    "InnoDbClusterSpecBackupSchedulesBackupProfile",
    "InnoDbClusterSpecBackupSchedulesBackupProfileDumpInstance",
    "InnoDbClusterSpecBackupSchedulesBackupProfileDumpInstanceStorage",
    "InnoDbClusterSpecBackupSchedulesBackupProfileDumpInstanceStorageAzure",
    "InnoDbClusterSpecBackupSchedulesBackupProfileDumpInstanceStorageOciObjectStorage",
    "InnoDbClusterSpecBackupSchedulesBackupProfileDumpInstanceStorageS3",
    "InnoDbClusterSpecDatadirPermissions",
    "InnoDbClusterSpecImagePullSecrets",
    "InnoDbClusterSpecInitDb",
    "InnoDbClusterSpecInitDbClone",
    "InnoDbClusterSpecInitDbCloneSecretKeyRef",
    "InnoDbClusterSpecInitDbDump",
    "InnoDbClusterSpecInitDbDumpStorage",
    "InnoDbClusterSpecInitDbDumpStorageAzure",
    "InnoDbClusterSpecInitDbDumpStorageOciObjectStorage",
    "InnoDbClusterSpecInitDbDumpStorageS3",
    "InnoDbClusterSpecKeyring",
    "InnoDbClusterSpecKeyringEncryptedFile",
    "InnoDbClusterSpecKeyringFile",
    "InnoDbClusterSpecKeyringOci",
    "InnoDbClusterSpecKeyringOciEndpoints",
    "InnoDbClusterSpecLogs",
    "InnoDbClusterSpecLogsCollector",
    "InnoDbClusterSpecLogsCollectorFluentd",
    "InnoDbClusterSpecLogsCollectorFluentdErrorLog",
    "InnoDbClusterSpecLogsCollectorFluentdGeneralLog",
    "InnoDbClusterSpecLogsCollectorFluentdRecordAugmentation",
    "InnoDbClusterSpecLogsCollectorFluentdRecordAugmentationAnnotations",
    "InnoDbClusterSpecLogsCollectorFluentdRecordAugmentationLabels",
    "InnoDbClusterSpecLogsCollectorFluentdRecordAugmentationPodFields",
    "InnoDbClusterSpecLogsCollectorFluentdRecordAugmentationResourceFields",
    "InnoDbClusterSpecLogsCollectorFluentdRecordAugmentationStaticFields",
    "InnoDbClusterSpecLogsCollectorFluentdSinks",
    "InnoDbClusterSpecLogsCollectorFluentdSlowQueryLog",
    "InnoDbClusterSpecLogsError",
    "InnoDbClusterSpecLogsGeneral",
    "InnoDbClusterSpecLogsSlowQuery",
    "InnoDbClusterSpecMetrics",
    "InnoDbClusterSpecReadReplicas",
    "InnoDbClusterSpecRouter",
    "InnoDbClusterSpecRouterRoutingOptions",
    "InnoDbClusterSpecRouterRoutingOptionsInvalidatedClusterPolicy",
    "InnoDbClusterSpecRouterRoutingOptionsReadOnlyTargets",
    "InnoDbClusterSpecService",
    "InnoDbClusterSpecServiceDefaultPort",
    "InnoDbClusterSpecServiceType",
    "MySqlBackup",
    "MySqlBackupProps",
    "MySqlBackupSpec",
    "MySqlBackupSpecBackupProfile",
    "MySqlBackupSpecBackupProfileDumpInstance",
    "MySqlBackupSpecBackupProfileDumpInstanceStorage",
    "MySqlBackupSpecBackupProfileDumpInstanceStorageAzure",
    "MySqlBackupSpecBackupProfileDumpInstanceStorageOciObjectStorage",
    "MySqlBackupSpecBackupProfileDumpInstanceStorageS3",
]

publication.publish()

def _typecheckingstub__224abfb8a538b62792d40c778d4e1b69c02d872e5e8ede7f758afe78980fd275(
    scope: _constructs_77d1e7e8.Construct,
    id: builtins.str,
    *,
    spec: typing.Union[InnoDbClusterSpec, typing.Dict[builtins.str, typing.Any]],
    metadata: typing.Optional[typing.Union[_cdk8s_d3d9af27.ApiObjectMetadata, typing.Dict[builtins.str, typing.Any]]] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__385c92ad9c2fe9b6ab119be746ffd38251e0cddaf69e02186c4409b53d7fff04(
    *,
    spec: typing.Union[InnoDbClusterSpec, typing.Dict[builtins.str, typing.Any]],
    metadata: typing.Optional[typing.Union[_cdk8s_d3d9af27.ApiObjectMetadata, typing.Dict[builtins.str, typing.Any]]] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__e69a8e77475dda6088d1967476c0460e2f68801fdcdfbdf54d9e8c00caae43f3(
    *,
    secret_name: builtins.str,
    backup_profiles: typing.Optional[typing.Sequence[typing.Union[InnoDbClusterSpecBackupProfiles, typing.Dict[builtins.str, typing.Any]]]] = None,
    backup_schedules: typing.Optional[typing.Sequence[typing.Union[InnoDbClusterSpecBackupSchedules, typing.Dict[builtins.str, typing.Any]]]] = None,
    base_server_id: typing.Optional[jsii.Number] = None,
    datadir_permissions: typing.Optional[typing.Union[InnoDbClusterSpecDatadirPermissions, typing.Dict[builtins.str, typing.Any]]] = None,
    datadir_volume_claim_template: typing.Any = None,
    edition: typing.Optional[builtins.str] = None,
    image_pull_policy: typing.Optional[builtins.str] = None,
    image_pull_secrets: typing.Optional[typing.Sequence[typing.Union[InnoDbClusterSpecImagePullSecrets, typing.Dict[builtins.str, typing.Any]]]] = None,
    image_repository: typing.Optional[builtins.str] = None,
    init_db: typing.Optional[typing.Union[InnoDbClusterSpecInitDb, typing.Dict[builtins.str, typing.Any]]] = None,
    instances: typing.Optional[jsii.Number] = None,
    keyring: typing.Optional[typing.Union[InnoDbClusterSpecKeyring, typing.Dict[builtins.str, typing.Any]]] = None,
    logs: typing.Optional[typing.Union[InnoDbClusterSpecLogs, typing.Dict[builtins.str, typing.Any]]] = None,
    metrics: typing.Optional[typing.Union[InnoDbClusterSpecMetrics, typing.Dict[builtins.str, typing.Any]]] = None,
    mycnf: typing.Optional[builtins.str] = None,
    pod_annotations: typing.Any = None,
    pod_labels: typing.Any = None,
    pod_spec: typing.Any = None,
    read_replicas: typing.Optional[typing.Sequence[typing.Union[InnoDbClusterSpecReadReplicas, typing.Dict[builtins.str, typing.Any]]]] = None,
    router: typing.Optional[typing.Union[InnoDbClusterSpecRouter, typing.Dict[builtins.str, typing.Any]]] = None,
    service: typing.Optional[typing.Union[InnoDbClusterSpecService, typing.Dict[builtins.str, typing.Any]]] = None,
    service_account_name: typing.Optional[builtins.str] = None,
    service_fqdn_template: typing.Optional[builtins.str] = None,
    tls_ca_secret_name: typing.Optional[builtins.str] = None,
    tls_secret_name: typing.Optional[builtins.str] = None,
    tls_use_self_signed: typing.Optional[builtins.bool] = None,
    version: typing.Optional[builtins.str] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__aea18711e9e8391c5256a8cc6fef027b89b782ccc6502199d2f2e11c2f555706(
    *,
    name: builtins.str,
    dump_instance: typing.Optional[typing.Union[InnoDbClusterSpecBackupProfilesDumpInstance, typing.Dict[builtins.str, typing.Any]]] = None,
    pod_annotations: typing.Any = None,
    pod_labels: typing.Any = None,
    snapshot: typing.Optional[typing.Union[InnoDbClusterSpecBackupProfilesSnapshot, typing.Dict[builtins.str, typing.Any]]] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__11f0178113d3e8fcda13f3b9b6cc9c23cb044204c92e5e8ea5516c2236947349(
    *,
    dump_options: typing.Any = None,
    storage: typing.Optional[typing.Union[InnoDbClusterSpecBackupProfilesDumpInstanceStorage, typing.Dict[builtins.str, typing.Any]]] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__76d7146f0c0bb12d314a6db409b755cf3a01915271c357f8005ecf3b0414a8f1(
    *,
    azure: typing.Optional[typing.Union[InnoDbClusterSpecBackupProfilesDumpInstanceStorageAzure, typing.Dict[builtins.str, typing.Any]]] = None,
    oci_object_storage: typing.Optional[typing.Union[InnoDbClusterSpecBackupProfilesDumpInstanceStorageOciObjectStorage, typing.Dict[builtins.str, typing.Any]]] = None,
    persistent_volume_claim: typing.Any = None,
    s3: typing.Optional[typing.Union[InnoDbClusterSpecBackupProfilesDumpInstanceStorageS3, typing.Dict[builtins.str, typing.Any]]] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__253859038fd3c974e4d99c24288cb0433c7bcdaeaf79956e5e2e672869b18e1f(
    *,
    config: builtins.str,
    container_name: builtins.str,
    prefix: typing.Optional[builtins.str] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__85b39f65d50b8004103988bbf95124a03e1b4a47ff558ef8993aa955b9eaf70b(
    *,
    bucket_name: builtins.str,
    credentials: builtins.str,
    prefix: typing.Optional[builtins.str] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__c58bfab294b9d59b1c10884192e894a38e2f981415dd3dd2f333ee77ee20ea8a(
    *,
    bucket_name: builtins.str,
    config: builtins.str,
    endpoint: typing.Optional[builtins.str] = None,
    prefix: typing.Optional[builtins.str] = None,
    profile: typing.Optional[builtins.str] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__271299140aca5c119f6a53d00b70d33632339b1feaee3eafc4733863dd1c2f0b(
    *,
    storage: typing.Optional[typing.Union[InnoDbClusterSpecBackupProfilesSnapshotStorage, typing.Dict[builtins.str, typing.Any]]] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__e288c702334b5a12b25cbc182d58bb491c9646f87cf22c10f9757e6d21930f1e(
    *,
    azure: typing.Optional[typing.Union[InnoDbClusterSpecBackupProfilesSnapshotStorageAzure, typing.Dict[builtins.str, typing.Any]]] = None,
    oci_object_storage: typing.Optional[typing.Union[InnoDbClusterSpecBackupProfilesSnapshotStorageOciObjectStorage, typing.Dict[builtins.str, typing.Any]]] = None,
    persistent_volume_claim: typing.Any = None,
    s3: typing.Optional[typing.Union[InnoDbClusterSpecBackupProfilesSnapshotStorageS3, typing.Dict[builtins.str, typing.Any]]] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__84029385257e2f575c67a98b880bc1c082b433cd793033567c9fecb811ea957d(
    *,
    config: builtins.str,
    container_name: builtins.str,
    prefix: typing.Optional[builtins.str] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__ffd106d45708f78f1caa44e90c76709785cb255c54b1cc71e50e08086c0d3bd8(
    *,
    bucket_name: builtins.str,
    credentials: builtins.str,
    prefix: typing.Optional[builtins.str] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__2ea74ca19aaf89f79e453ac676b6a4c7961429b01648d41f34e041d61862a1bb(
    *,
    bucket_name: builtins.str,
    config: builtins.str,
    endpoint: typing.Optional[builtins.str] = None,
    prefix: typing.Optional[builtins.str] = None,
    profile: typing.Optional[builtins.str] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__63cf3de5af6a69c923e692f953e565c21e77a85895d372d34423929d192d05a1(
    *,
    name: builtins.str,
    schedule: builtins.str,
    backup_profile: typing.Optional[typing.Union[InnoDbClusterSpecBackupSchedulesBackupProfile, typing.Dict[builtins.str, typing.Any]]] = None,
    backup_profile_name: typing.Optional[builtins.str] = None,
    delete_backup_data: typing.Optional[builtins.bool] = None,
    enabled: typing.Optional[builtins.bool] = None,
    time_zone: typing.Optional[builtins.str] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__402310d2d422dc14bc003c605ac58b67f61ee1387728ed6e771caf4025d958f1(
    *,
    dump_instance: typing.Optional[typing.Union[InnoDbClusterSpecBackupSchedulesBackupProfileDumpInstance, typing.Dict[builtins.str, typing.Any]]] = None,
    pod_annotations: typing.Any = None,
    pod_labels: typing.Any = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__0582fcbd6584e951ca6c36fb80768a55ba39b137e79c139dd4648f8dc63cea4b(
    *,
    dump_options: typing.Any = None,
    storage: typing.Optional[typing.Union[InnoDbClusterSpecBackupSchedulesBackupProfileDumpInstanceStorage, typing.Dict[builtins.str, typing.Any]]] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__acf17b402e20fd56edc8fbb0149bea187aae7cd18ab1367d0011d2e54b7f34b4(
    *,
    azure: typing.Optional[typing.Union[InnoDbClusterSpecBackupSchedulesBackupProfileDumpInstanceStorageAzure, typing.Dict[builtins.str, typing.Any]]] = None,
    oci_object_storage: typing.Optional[typing.Union[InnoDbClusterSpecBackupSchedulesBackupProfileDumpInstanceStorageOciObjectStorage, typing.Dict[builtins.str, typing.Any]]] = None,
    persistent_volume_claim: typing.Any = None,
    s3: typing.Optional[typing.Union[InnoDbClusterSpecBackupSchedulesBackupProfileDumpInstanceStorageS3, typing.Dict[builtins.str, typing.Any]]] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__c225f30486b632a757ceb8fdf4a399930d016e56a0748866145319a1f9a5a2a3(
    *,
    config: builtins.str,
    container_name: builtins.str,
    prefix: typing.Optional[builtins.str] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__cf316e946a823963cb104775b320cce83c33d567bb61217812628111e3b7d07c(
    *,
    bucket_name: builtins.str,
    credentials: builtins.str,
    prefix: typing.Optional[builtins.str] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__a87e47f5e10e41ddc5d6a0f9bedb2cb4bd3d3ad2dbec43b037641f6b4273998b(
    *,
    bucket_name: builtins.str,
    config: builtins.str,
    endpoint: typing.Optional[builtins.str] = None,
    prefix: typing.Optional[builtins.str] = None,
    profile: typing.Optional[builtins.str] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__876d2f8fce8e0b54b1486a6a0664a4c45cf110ee966067c48b5a121767f7451c(
    *,
    fs_group_change_policy: typing.Optional[builtins.str] = None,
    set_rights_using_init_container: typing.Optional[builtins.bool] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__46b60591f65f61f8d9065a0ca65032159390a5df68dcbb12d8eca35d75b1dbdf(
    *,
    name: typing.Optional[builtins.str] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__5dbd8196a61912df195d670054b6c276900e55516ab81810ec33f9d794f03e7c(
    *,
    clone: typing.Optional[typing.Union[InnoDbClusterSpecInitDbClone, typing.Dict[builtins.str, typing.Any]]] = None,
    dump: typing.Optional[typing.Union[InnoDbClusterSpecInitDbDump, typing.Dict[builtins.str, typing.Any]]] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__88dbc1a516764a1b2909c8bd689d39015c9fbb07fa140f8182c73106ecd29fe5(
    *,
    donor_url: builtins.str,
    secret_key_ref: typing.Union[InnoDbClusterSpecInitDbCloneSecretKeyRef, typing.Dict[builtins.str, typing.Any]],
    root_user: typing.Optional[builtins.str] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__e0db3810c091024e3161e74e1f06b1af514c7d465e9e24bbb39eed376c4b94aa(
    *,
    name: builtins.str,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__33fea2f266f5bc18a59134e541dbb42a71b7b276844ace36732f93aa7129eacf(
    *,
    storage: typing.Union[InnoDbClusterSpecInitDbDumpStorage, typing.Dict[builtins.str, typing.Any]],
    name: typing.Optional[builtins.str] = None,
    options: typing.Any = None,
    path: typing.Optional[builtins.str] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__fda5bae755b14a3a85e7ae7cd01666458a75557da4d52882c589cbb39e714926(
    *,
    azure: typing.Optional[typing.Union[InnoDbClusterSpecInitDbDumpStorageAzure, typing.Dict[builtins.str, typing.Any]]] = None,
    oci_object_storage: typing.Optional[typing.Union[InnoDbClusterSpecInitDbDumpStorageOciObjectStorage, typing.Dict[builtins.str, typing.Any]]] = None,
    persistent_volume_claim: typing.Any = None,
    s3: typing.Optional[typing.Union[InnoDbClusterSpecInitDbDumpStorageS3, typing.Dict[builtins.str, typing.Any]]] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__96e10904549a2c0403fab61c92079c394adf9ffe05accb04bc16ef92f3a870c1(
    *,
    config: builtins.str,
    container_name: builtins.str,
    prefix: builtins.str,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__cc895fcd3c53dfd60215ce1a61b7f13f286d6fbf49e9cf218c6e614d164cc960(
    *,
    bucket_name: builtins.str,
    credentials: builtins.str,
    prefix: builtins.str,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__1ded36efefe3a193274e046a938c754907fdf336123a4abb74b16c6088e43130(
    *,
    bucket_name: builtins.str,
    config: builtins.str,
    prefix: builtins.str,
    endpoint: typing.Optional[builtins.str] = None,
    profile: typing.Optional[builtins.str] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__5a155b59d98e149fe4468d9b493d3b812f269ebde96cc9f6202a8c488bf741fa(
    *,
    encrypted_file: typing.Optional[typing.Union[InnoDbClusterSpecKeyringEncryptedFile, typing.Dict[builtins.str, typing.Any]]] = None,
    file: typing.Optional[typing.Union[InnoDbClusterSpecKeyringFile, typing.Dict[builtins.str, typing.Any]]] = None,
    oci: typing.Optional[typing.Union[InnoDbClusterSpecKeyringOci, typing.Dict[builtins.str, typing.Any]]] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__c5f2c71923543315dca890fb05894dbf220710002d90611b277b3874079eac0d(
    *,
    password: builtins.str,
    storage: typing.Any,
    file_name: typing.Optional[builtins.str] = None,
    read_only: typing.Optional[builtins.bool] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__abf0bad338008dc7290550880270c1f00fe2539a7cb6372de3f5aa1c2d999ad6(
    *,
    storage: typing.Any,
    file_name: typing.Optional[builtins.str] = None,
    read_only: typing.Optional[builtins.bool] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__47c2818c371a879d8150dc5ae7267d46d4c01d4862ef7a2515c4961397ae2194(
    *,
    key_fingerprint: builtins.str,
    key_secret: builtins.str,
    tenancy: builtins.str,
    user: builtins.str,
    ca_certificate: typing.Optional[builtins.str] = None,
    compartment: typing.Optional[builtins.str] = None,
    endpoints: typing.Optional[typing.Union[InnoDbClusterSpecKeyringOciEndpoints, typing.Dict[builtins.str, typing.Any]]] = None,
    master_key: typing.Optional[builtins.str] = None,
    virtual_vault: typing.Optional[builtins.str] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__b865be6bda63ee0e1884d594ff374a52c75f1b1ba5b3d0ad142e0bd21eb08949(
    *,
    encryption: typing.Optional[builtins.str] = None,
    management: typing.Optional[builtins.str] = None,
    secrets: typing.Optional[builtins.str] = None,
    vaults: typing.Optional[builtins.str] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__237c5e7526577428e468a45213b94e83be8e44bbce0ccb09e28291641244541d(
    *,
    collector: typing.Optional[typing.Union[InnoDbClusterSpecLogsCollector, typing.Dict[builtins.str, typing.Any]]] = None,
    error: typing.Optional[typing.Union[InnoDbClusterSpecLogsError, typing.Dict[builtins.str, typing.Any]]] = None,
    general: typing.Optional[typing.Union[InnoDbClusterSpecLogsGeneral, typing.Dict[builtins.str, typing.Any]]] = None,
    slow_query: typing.Optional[typing.Union[InnoDbClusterSpecLogsSlowQuery, typing.Dict[builtins.str, typing.Any]]] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__6fb03723f473c54c8898cd0e7a219a31b9e8e2bcab6ad6869c6222d04bf6d5bc(
    *,
    container_name: typing.Optional[builtins.str] = None,
    env: typing.Optional[typing.Sequence[typing.Any]] = None,
    fluentd: typing.Optional[typing.Union[InnoDbClusterSpecLogsCollectorFluentd, typing.Dict[builtins.str, typing.Any]]] = None,
    image: typing.Optional[builtins.str] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__33833ade1c2d95513fc99d533c29fb26e21bf8476b0d39308a6abf586c13734c(
    *,
    additional_filter_configuration: typing.Optional[builtins.str] = None,
    error_log: typing.Optional[typing.Union[InnoDbClusterSpecLogsCollectorFluentdErrorLog, typing.Dict[builtins.str, typing.Any]]] = None,
    general_log: typing.Optional[typing.Union[InnoDbClusterSpecLogsCollectorFluentdGeneralLog, typing.Dict[builtins.str, typing.Any]]] = None,
    record_augmentation: typing.Optional[typing.Union[InnoDbClusterSpecLogsCollectorFluentdRecordAugmentation, typing.Dict[builtins.str, typing.Any]]] = None,
    sinks: typing.Optional[typing.Sequence[typing.Union[InnoDbClusterSpecLogsCollectorFluentdSinks, typing.Dict[builtins.str, typing.Any]]]] = None,
    slow_query_log: typing.Optional[typing.Union[InnoDbClusterSpecLogsCollectorFluentdSlowQueryLog, typing.Dict[builtins.str, typing.Any]]] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__b9b8e19b669d613c930f63d70dd75505416b045a23ed4d078dd13202e29cb02e(
    *,
    options: typing.Any = None,
    tag: typing.Optional[builtins.str] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__3045a34eaa2044d885c3cf710350fba6c871ff03f1f8b32e58a65ad4cb7e900e(
    *,
    options: typing.Any = None,
    tag: typing.Optional[builtins.str] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__23f784558abe814d34805c657b78caec7bd42b234fa056b6a2f7c50bbb64b531(
    *,
    annotations: typing.Optional[typing.Sequence[typing.Union[InnoDbClusterSpecLogsCollectorFluentdRecordAugmentationAnnotations, typing.Dict[builtins.str, typing.Any]]]] = None,
    enabled: typing.Optional[builtins.bool] = None,
    labels: typing.Optional[typing.Sequence[typing.Union[InnoDbClusterSpecLogsCollectorFluentdRecordAugmentationLabels, typing.Dict[builtins.str, typing.Any]]]] = None,
    pod_fields: typing.Optional[typing.Sequence[typing.Union[InnoDbClusterSpecLogsCollectorFluentdRecordAugmentationPodFields, typing.Dict[builtins.str, typing.Any]]]] = None,
    resource_fields: typing.Optional[typing.Sequence[typing.Union[InnoDbClusterSpecLogsCollectorFluentdRecordAugmentationResourceFields, typing.Dict[builtins.str, typing.Any]]]] = None,
    static_fields: typing.Optional[typing.Sequence[typing.Union[InnoDbClusterSpecLogsCollectorFluentdRecordAugmentationStaticFields, typing.Dict[builtins.str, typing.Any]]]] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__3b69c806705400006811580e6b5c6ab2d23b848efacea3434df4f4d3f2d606b2(
    *,
    annotation_name: builtins.str,
    field_name: builtins.str,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__5bf7bbc39fd9986425df2ffbee5130e7ba838ddfe0150cbf0db065600392033d(
    *,
    field_name: builtins.str,
    label_name: builtins.str,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__ccfd29e7ef237eb5eaba9c35918e0a3111befb7213d1c904b78e27389ada0b8d(
    *,
    field_name: builtins.str,
    field_path: builtins.str,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__60eb7a3d9a08b1ae46741681235077a46cd00a7abb2147a7b5265613c992a533(
    *,
    container_name: builtins.str,
    field_name: builtins.str,
    resource: builtins.str,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__84f0d794aea29c94269ebf8df958c6b7c2c07b972bb1f118bccedc2f209371f7(
    *,
    field_name: builtins.str,
    field_value: builtins.str,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__75c4c5e555c91b03367a6c36bf0ef81f98f6969157435794ced773eaad3ed88a(
    *,
    name: builtins.str,
    raw_config: builtins.str,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__3031af518e54682c2f2f4d6f2a79955baec8e39f34a184b4c6e49422bcf5732e(
    *,
    options: typing.Any = None,
    tag: typing.Optional[builtins.str] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__3e41342e386b001dfcda3d16cf14a0ede42b8bca7a4b7d11bf867cc55a42c039(
    *,
    collect: typing.Optional[builtins.bool] = None,
    verbosity: typing.Optional[jsii.Number] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__35862f101ebc5676c40678cb283b7966b13c8873cb8914b1bd7c10c81562bb51(
    *,
    collect: typing.Optional[builtins.bool] = None,
    enabled: typing.Optional[builtins.bool] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__8a6efbfa28b4e461432fc65641c8cda164763bad85f5f2a235274f5248c2bef8(
    *,
    collect: typing.Optional[builtins.bool] = None,
    enabled: typing.Optional[builtins.bool] = None,
    long_query_time: typing.Optional[jsii.Number] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__6d323aca44f7334a264150ad1d92922072653435d8d7c5631d2364e3cf488f8d(
    *,
    enable: builtins.bool,
    image: builtins.str,
    monitor: typing.Optional[builtins.bool] = None,
    monitor_spec: typing.Any = None,
    options: typing.Optional[typing.Sequence[builtins.str]] = None,
    tls_secret: typing.Optional[builtins.str] = None,
    web_config: typing.Optional[builtins.str] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__5b5ca7115264f6f9703e52153ef3fae24d04c06434b537b99fdffbffc5368d8b(
    *,
    base_server_id: jsii.Number,
    name: builtins.str,
    datadir_volume_claim_template: typing.Any = None,
    instances: typing.Optional[jsii.Number] = None,
    mycnf: typing.Optional[builtins.str] = None,
    pod_annotations: typing.Any = None,
    pod_labels: typing.Any = None,
    pod_spec: typing.Any = None,
    version: typing.Optional[builtins.str] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__3857344c98f0308a7013838263c8ab9a44decfc4b52e779c3d1acacd06e99d52(
    *,
    bootstrap_options: typing.Optional[typing.Sequence[builtins.str]] = None,
    instances: typing.Optional[jsii.Number] = None,
    options: typing.Optional[typing.Sequence[builtins.str]] = None,
    pod_annotations: typing.Any = None,
    pod_labels: typing.Any = None,
    pod_spec: typing.Any = None,
    routing_options: typing.Optional[typing.Union[InnoDbClusterSpecRouterRoutingOptions, typing.Dict[builtins.str, typing.Any]]] = None,
    tls_secret_name: typing.Optional[builtins.str] = None,
    version: typing.Optional[builtins.str] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__e385d7324e3af965c3527263e25f8e060e0d95d186feda3365d6ce620864e425(
    *,
    invalidated_cluster_policy: typing.Optional[InnoDbClusterSpecRouterRoutingOptionsInvalidatedClusterPolicy] = None,
    read_only_targets: typing.Optional[InnoDbClusterSpecRouterRoutingOptionsReadOnlyTargets] = None,
    stats_updates_frequency: typing.Optional[jsii.Number] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__93429387dea12c89fdf2e23af7e151d173bbd966265ef46ab9057fae11e8220a(
    *,
    annotations: typing.Any = None,
    default_port: typing.Optional[InnoDbClusterSpecServiceDefaultPort] = None,
    labels: typing.Any = None,
    type: typing.Optional[InnoDbClusterSpecServiceType] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__88e80d6822ad6bcc6ea8d60ec271113939a28b7d74af4bf941ec47ede01bb0e2(
    scope: _constructs_77d1e7e8.Construct,
    id: builtins.str,
    *,
    metadata: typing.Optional[typing.Union[_cdk8s_d3d9af27.ApiObjectMetadata, typing.Dict[builtins.str, typing.Any]]] = None,
    spec: typing.Optional[typing.Union[MySqlBackupSpec, typing.Dict[builtins.str, typing.Any]]] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__7d8b243c90e209c3e2b16f406a55813b7bd3b4cf0aa4a8dd96beb510bec73328(
    *,
    metadata: typing.Optional[typing.Union[_cdk8s_d3d9af27.ApiObjectMetadata, typing.Dict[builtins.str, typing.Any]]] = None,
    spec: typing.Optional[typing.Union[MySqlBackupSpec, typing.Dict[builtins.str, typing.Any]]] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__f35b127445ddbf68e6470a8fe0b177f379058d26ed9980605e0a8eb0412fbdb7(
    *,
    cluster_name: builtins.str,
    add_timestamp_to_backup_directory: typing.Optional[builtins.bool] = None,
    backup_profile: typing.Optional[typing.Union[MySqlBackupSpecBackupProfile, typing.Dict[builtins.str, typing.Any]]] = None,
    backup_profile_name: typing.Optional[builtins.str] = None,
    delete_backup_data: typing.Optional[builtins.bool] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__119687af70015cd6de502cbe56efe6ba8673307ebe4c886b8daeb7506419312a(
    *,
    dump_instance: typing.Optional[typing.Union[MySqlBackupSpecBackupProfileDumpInstance, typing.Dict[builtins.str, typing.Any]]] = None,
    pod_annotations: typing.Any = None,
    pod_labels: typing.Any = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__43d84f06594ffed240e49128f57761c7abe9f458199160e57687e4377c7d282b(
    *,
    dump_options: typing.Any = None,
    storage: typing.Optional[typing.Union[MySqlBackupSpecBackupProfileDumpInstanceStorage, typing.Dict[builtins.str, typing.Any]]] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__9dedd40c8cc68ff70d2c532885b9faaf51cd5d04c94cdec5d9a1b6578b394ec7(
    *,
    azure: typing.Optional[typing.Union[MySqlBackupSpecBackupProfileDumpInstanceStorageAzure, typing.Dict[builtins.str, typing.Any]]] = None,
    oci_object_storage: typing.Optional[typing.Union[MySqlBackupSpecBackupProfileDumpInstanceStorageOciObjectStorage, typing.Dict[builtins.str, typing.Any]]] = None,
    persistent_volume_claim: typing.Any = None,
    s3: typing.Optional[typing.Union[MySqlBackupSpecBackupProfileDumpInstanceStorageS3, typing.Dict[builtins.str, typing.Any]]] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__cf21740fa8820059dc94375908fc157c0e262bd521607cf56c2bac882fc64b73(
    *,
    config: builtins.str,
    container_name: builtins.str,
    prefix: typing.Optional[builtins.str] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__29cb77412edafe7872ff4475f93de14de6109f1726f7ad5fefbda931b1126d71(
    *,
    bucket_name: builtins.str,
    credentials: builtins.str,
    prefix: typing.Optional[builtins.str] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__9d5b575d49bc7c7fd7cbeed7fcf456041d9ce2a8c083dee93ac1d1cdc0ad19f5(
    *,
    bucket_name: builtins.str,
    config: builtins.str,
    endpoint: typing.Optional[builtins.str] = None,
    prefix: typing.Optional[builtins.str] = None,
    profile: typing.Optional[builtins.str] = None,
) -> None:
    """Type checking stubs"""
    pass
