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


class Vhost(
    _cdk8s_d3d9af27.ApiObject,
    metaclass=jsii.JSIIMeta,
    jsii_type="rabbitmq_vhosts_comrabbitmq.Vhost",
):
    '''Vhost is the Schema for the vhosts API.

    :schema: Vhost
    '''

    def __init__(
        self,
        scope: "_constructs_77d1e7e8.Construct",
        id: builtins.str,
        *,
        metadata: typing.Optional[typing.Union["_cdk8s_d3d9af27.ApiObjectMetadata", typing.Dict[builtins.str, typing.Any]]] = None,
        spec: typing.Optional[typing.Union["VhostSpec", typing.Dict[builtins.str, typing.Any]]] = None,
    ) -> None:
        '''Defines a "Vhost" API object.

        :param scope: the scope in which to define this object.
        :param id: a scope-local name for the object.
        :param metadata: 
        :param spec: VhostSpec defines the desired state of Vhost.
        '''
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__0548665b4a9f20c1bdfb54aa81c4fed39a2df56d39a5370f8519107877787e54)
            check_type(argname="argument scope", value=scope, expected_type=type_hints["scope"])
            check_type(argname="argument id", value=id, expected_type=type_hints["id"])
        props = VhostProps(metadata=metadata, spec=spec)

        jsii.create(self.__class__, self, [scope, id, props])

    @jsii.member(jsii_name="manifest")
    @builtins.classmethod
    def manifest(
        cls,
        *,
        metadata: typing.Optional[typing.Union["_cdk8s_d3d9af27.ApiObjectMetadata", typing.Dict[builtins.str, typing.Any]]] = None,
        spec: typing.Optional[typing.Union["VhostSpec", typing.Dict[builtins.str, typing.Any]]] = None,
    ) -> typing.Any:
        '''Renders a Kubernetes manifest for "Vhost".

        This can be used to inline resource manifests inside other objects (e.g. as templates).

        :param metadata: 
        :param spec: VhostSpec defines the desired state of Vhost.
        '''
        props = VhostProps(metadata=metadata, spec=spec)

        return typing.cast(typing.Any, jsii.sinvoke(cls, "manifest", [props]))

    @jsii.member(jsii_name="toJson")
    def to_json(self) -> typing.Any:
        '''Renders the object to Kubernetes JSON.'''
        return typing.cast(typing.Any, jsii.invoke(self, "toJson", []))

    @jsii.python.classproperty
    @jsii.member(jsii_name="GVK")
    def GVK(cls) -> "_cdk8s_d3d9af27.GroupVersionKind":
        '''Returns the apiVersion and kind for "Vhost".'''
        return typing.cast("_cdk8s_d3d9af27.GroupVersionKind", jsii.sget(cls, "GVK"))


@jsii.data_type(
    jsii_type="rabbitmq_vhosts_comrabbitmq.VhostProps",
    jsii_struct_bases=[],
    name_mapping={"metadata": "metadata", "spec": "spec"},
)
class VhostProps:
    def __init__(
        self,
        *,
        metadata: typing.Optional[typing.Union["_cdk8s_d3d9af27.ApiObjectMetadata", typing.Dict[builtins.str, typing.Any]]] = None,
        spec: typing.Optional[typing.Union["VhostSpec", typing.Dict[builtins.str, typing.Any]]] = None,
    ) -> None:
        '''Vhost is the Schema for the vhosts API.

        :param metadata: 
        :param spec: VhostSpec defines the desired state of Vhost.

        :schema: Vhost
        '''
        if isinstance(metadata, dict):
            metadata = _cdk8s_d3d9af27.ApiObjectMetadata(**metadata)
        if isinstance(spec, dict):
            spec = VhostSpec(**spec)
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__06886790730004cbd653b4c09a2e71955d8d3c7f13a3698269494b40507f7680)
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
        :schema: Vhost#metadata
        '''
        result = self._values.get("metadata")
        return typing.cast(typing.Optional["_cdk8s_d3d9af27.ApiObjectMetadata"], result)

    @builtins.property
    def spec(self) -> typing.Optional["VhostSpec"]:
        '''VhostSpec defines the desired state of Vhost.

        :schema: Vhost#spec
        '''
        result = self._values.get("spec")
        return typing.cast(typing.Optional["VhostSpec"], result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "VhostProps(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


@jsii.data_type(
    jsii_type="rabbitmq_vhosts_comrabbitmq.VhostSpec",
    jsii_struct_bases=[],
    name_mapping={
        "name": "name",
        "rabbitmq_cluster_reference": "rabbitmqClusterReference",
        "default_queue_type": "defaultQueueType",
        "deletion_policy": "deletionPolicy",
        "limits": "limits",
        "tags": "tags",
        "tracing": "tracing",
    },
)
class VhostSpec:
    def __init__(
        self,
        *,
        name: builtins.str,
        rabbitmq_cluster_reference: typing.Union["VhostSpecRabbitmqClusterReference", typing.Dict[builtins.str, typing.Any]],
        default_queue_type: typing.Optional["VhostSpecDefaultQueueType"] = None,
        deletion_policy: typing.Optional["VhostSpecDeletionPolicy"] = None,
        limits: typing.Optional[typing.Union["VhostSpecLimits", typing.Dict[builtins.str, typing.Any]]] = None,
        tags: typing.Optional[typing.Sequence[builtins.str]] = None,
        tracing: typing.Optional[builtins.bool] = None,
    ) -> None:
        '''VhostSpec defines the desired state of Vhost.

        :param name: Name of the vhost; see https://www.rabbitmq.com/vhosts.html.
        :param rabbitmq_cluster_reference: Reference to the RabbitmqCluster that the vhost will be created in. Required property.
        :param default_queue_type: Default queue type for this vhost; can be set to quorum, classic or stream. Supported in RabbitMQ 3.11.12 or above.
        :param deletion_policy: DeletionPolicy defines the behavior of vhost in the RabbitMQ cluster when the corresponding custom resource is deleted. Can be set to 'delete' or 'retain'. Default is 'delete'. Default: delete'.
        :param limits: Limits defines limits to be applied to the vhost. Supported limits include max-connections and max-queues. See https://www.rabbitmq.com/docs/vhosts#limits
        :param tags: 
        :param tracing: 

        :schema: VhostSpec
        '''
        if isinstance(rabbitmq_cluster_reference, dict):
            rabbitmq_cluster_reference = VhostSpecRabbitmqClusterReference(**rabbitmq_cluster_reference)
        if isinstance(limits, dict):
            limits = VhostSpecLimits(**limits)
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__98496dd568e366c28b77bc42405c908865e9bc62892983a59e7481156b416717)
            check_type(argname="argument name", value=name, expected_type=type_hints["name"])
            check_type(argname="argument rabbitmq_cluster_reference", value=rabbitmq_cluster_reference, expected_type=type_hints["rabbitmq_cluster_reference"])
            check_type(argname="argument default_queue_type", value=default_queue_type, expected_type=type_hints["default_queue_type"])
            check_type(argname="argument deletion_policy", value=deletion_policy, expected_type=type_hints["deletion_policy"])
            check_type(argname="argument limits", value=limits, expected_type=type_hints["limits"])
            check_type(argname="argument tags", value=tags, expected_type=type_hints["tags"])
            check_type(argname="argument tracing", value=tracing, expected_type=type_hints["tracing"])
        self._values: typing.Dict[builtins.str, typing.Any] = {
            "name": name,
            "rabbitmq_cluster_reference": rabbitmq_cluster_reference,
        }
        if default_queue_type is not None:
            self._values["default_queue_type"] = default_queue_type
        if deletion_policy is not None:
            self._values["deletion_policy"] = deletion_policy
        if limits is not None:
            self._values["limits"] = limits
        if tags is not None:
            self._values["tags"] = tags
        if tracing is not None:
            self._values["tracing"] = tracing

    @builtins.property
    def name(self) -> builtins.str:
        '''Name of the vhost;

        see https://www.rabbitmq.com/vhosts.html.

        :schema: VhostSpec#name
        '''
        result = self._values.get("name")
        assert result is not None, "Required property 'name' is missing"
        return typing.cast(builtins.str, result)

    @builtins.property
    def rabbitmq_cluster_reference(self) -> "VhostSpecRabbitmqClusterReference":
        '''Reference to the RabbitmqCluster that the vhost will be created in.

        Required property.

        :schema: VhostSpec#rabbitmqClusterReference
        '''
        result = self._values.get("rabbitmq_cluster_reference")
        assert result is not None, "Required property 'rabbitmq_cluster_reference' is missing"
        return typing.cast("VhostSpecRabbitmqClusterReference", result)

    @builtins.property
    def default_queue_type(self) -> typing.Optional["VhostSpecDefaultQueueType"]:
        '''Default queue type for this vhost;

        can be set to quorum, classic or stream.
        Supported in RabbitMQ 3.11.12 or above.

        :schema: VhostSpec#defaultQueueType
        '''
        result = self._values.get("default_queue_type")
        return typing.cast(typing.Optional["VhostSpecDefaultQueueType"], result)

    @builtins.property
    def deletion_policy(self) -> typing.Optional["VhostSpecDeletionPolicy"]:
        '''DeletionPolicy defines the behavior of vhost in the RabbitMQ cluster when the corresponding custom resource is deleted.

        Can be set to 'delete' or 'retain'. Default is 'delete'.

        :default: delete'.

        :schema: VhostSpec#deletionPolicy
        '''
        result = self._values.get("deletion_policy")
        return typing.cast(typing.Optional["VhostSpecDeletionPolicy"], result)

    @builtins.property
    def limits(self) -> typing.Optional["VhostSpecLimits"]:
        '''Limits defines limits to be applied to the vhost.

        Supported limits include max-connections and max-queues.
        See https://www.rabbitmq.com/docs/vhosts#limits

        :schema: VhostSpec#limits
        '''
        result = self._values.get("limits")
        return typing.cast(typing.Optional["VhostSpecLimits"], result)

    @builtins.property
    def tags(self) -> typing.Optional[typing.List[builtins.str]]:
        '''
        :schema: VhostSpec#tags
        '''
        result = self._values.get("tags")
        return typing.cast(typing.Optional[typing.List[builtins.str]], result)

    @builtins.property
    def tracing(self) -> typing.Optional[builtins.bool]:
        '''
        :schema: VhostSpec#tracing
        '''
        result = self._values.get("tracing")
        return typing.cast(typing.Optional[builtins.bool], result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "VhostSpec(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


@jsii.enum(jsii_type="rabbitmq_vhosts_comrabbitmq.VhostSpecDefaultQueueType")
class VhostSpecDefaultQueueType(enum.Enum):
    '''Default queue type for this vhost;

    can be set to quorum, classic or stream.
    Supported in RabbitMQ 3.11.12 or above.

    :schema: VhostSpecDefaultQueueType
    '''

    QUORUM = "QUORUM"
    '''quorum.'''
    CLASSIC = "CLASSIC"
    '''classic.'''
    STREAM = "STREAM"
    '''stream.'''


@jsii.enum(jsii_type="rabbitmq_vhosts_comrabbitmq.VhostSpecDeletionPolicy")
class VhostSpecDeletionPolicy(enum.Enum):
    '''DeletionPolicy defines the behavior of vhost in the RabbitMQ cluster when the corresponding custom resource is deleted.

    Can be set to 'delete' or 'retain'. Default is 'delete'.

    :default: delete'.

    :schema: VhostSpecDeletionPolicy
    '''

    DELETE = "DELETE"
    '''delete.'''
    RETAIN = "RETAIN"
    '''retain.'''


@jsii.data_type(
    jsii_type="rabbitmq_vhosts_comrabbitmq.VhostSpecLimits",
    jsii_struct_bases=[],
    name_mapping={"connections": "connections", "queues": "queues"},
)
class VhostSpecLimits:
    def __init__(
        self,
        *,
        connections: typing.Optional[jsii.Number] = None,
        queues: typing.Optional[jsii.Number] = None,
    ) -> None:
        '''Limits defines limits to be applied to the vhost.

        Supported limits include max-connections and max-queues.
        See https://www.rabbitmq.com/docs/vhosts#limits

        :param connections: 
        :param queues: 

        :schema: VhostSpecLimits
        '''
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__9b8077384bdb7fdb2a351725a0c8087b124d7ef9e4cd933ccf82952cc64b6f77)
            check_type(argname="argument connections", value=connections, expected_type=type_hints["connections"])
            check_type(argname="argument queues", value=queues, expected_type=type_hints["queues"])
        self._values: typing.Dict[builtins.str, typing.Any] = {}
        if connections is not None:
            self._values["connections"] = connections
        if queues is not None:
            self._values["queues"] = queues

    @builtins.property
    def connections(self) -> typing.Optional[jsii.Number]:
        '''
        :schema: VhostSpecLimits#connections
        '''
        result = self._values.get("connections")
        return typing.cast(typing.Optional[jsii.Number], result)

    @builtins.property
    def queues(self) -> typing.Optional[jsii.Number]:
        '''
        :schema: VhostSpecLimits#queues
        '''
        result = self._values.get("queues")
        return typing.cast(typing.Optional[jsii.Number], result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "VhostSpecLimits(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


@jsii.data_type(
    jsii_type="rabbitmq_vhosts_comrabbitmq.VhostSpecRabbitmqClusterReference",
    jsii_struct_bases=[],
    name_mapping={
        "connection_secret": "connectionSecret",
        "name": "name",
        "namespace": "namespace",
    },
)
class VhostSpecRabbitmqClusterReference:
    def __init__(
        self,
        *,
        connection_secret: typing.Optional[typing.Union["VhostSpecRabbitmqClusterReferenceConnectionSecret", typing.Dict[builtins.str, typing.Any]]] = None,
        name: typing.Optional[builtins.str] = None,
        namespace: typing.Optional[builtins.str] = None,
    ) -> None:
        '''Reference to the RabbitmqCluster that the vhost will be created in.

        Required property.

        :param connection_secret: Secret contains the http management uri for the RabbitMQ cluster. The Secret must contain the key ``uri``, ``username`` and ``password`` or operator will error. Have to set either name or connectionSecret, but not both.
        :param name: The name of the RabbitMQ cluster to reference. Have to set either name or connectionSecret, but not both.
        :param namespace: The namespace of the RabbitMQ cluster to reference. Defaults to the namespace of the requested resource if omitted. Default: the namespace of the requested resource if omitted.

        :schema: VhostSpecRabbitmqClusterReference
        '''
        if isinstance(connection_secret, dict):
            connection_secret = VhostSpecRabbitmqClusterReferenceConnectionSecret(**connection_secret)
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__1db87fd4847ea6d78939165a89424c8691d3d3ba23d86355d3896f57b0bc8c3c)
            check_type(argname="argument connection_secret", value=connection_secret, expected_type=type_hints["connection_secret"])
            check_type(argname="argument name", value=name, expected_type=type_hints["name"])
            check_type(argname="argument namespace", value=namespace, expected_type=type_hints["namespace"])
        self._values: typing.Dict[builtins.str, typing.Any] = {}
        if connection_secret is not None:
            self._values["connection_secret"] = connection_secret
        if name is not None:
            self._values["name"] = name
        if namespace is not None:
            self._values["namespace"] = namespace

    @builtins.property
    def connection_secret(
        self,
    ) -> typing.Optional["VhostSpecRabbitmqClusterReferenceConnectionSecret"]:
        '''Secret contains the http management uri for the RabbitMQ cluster.

        The Secret must contain the key ``uri``, ``username`` and ``password`` or operator will error.
        Have to set either name or connectionSecret, but not both.

        :schema: VhostSpecRabbitmqClusterReference#connectionSecret
        '''
        result = self._values.get("connection_secret")
        return typing.cast(typing.Optional["VhostSpecRabbitmqClusterReferenceConnectionSecret"], result)

    @builtins.property
    def name(self) -> typing.Optional[builtins.str]:
        '''The name of the RabbitMQ cluster to reference.

        Have to set either name or connectionSecret, but not both.

        :schema: VhostSpecRabbitmqClusterReference#name
        '''
        result = self._values.get("name")
        return typing.cast(typing.Optional[builtins.str], result)

    @builtins.property
    def namespace(self) -> typing.Optional[builtins.str]:
        '''The namespace of the RabbitMQ cluster to reference.

        Defaults to the namespace of the requested resource if omitted.

        :default: the namespace of the requested resource if omitted.

        :schema: VhostSpecRabbitmqClusterReference#namespace
        '''
        result = self._values.get("namespace")
        return typing.cast(typing.Optional[builtins.str], result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "VhostSpecRabbitmqClusterReference(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


@jsii.data_type(
    jsii_type="rabbitmq_vhosts_comrabbitmq.VhostSpecRabbitmqClusterReferenceConnectionSecret",
    jsii_struct_bases=[],
    name_mapping={"name": "name"},
)
class VhostSpecRabbitmqClusterReferenceConnectionSecret:
    def __init__(self, *, name: typing.Optional[builtins.str] = None) -> None:
        '''Secret contains the http management uri for the RabbitMQ cluster.

        The Secret must contain the key ``uri``, ``username`` and ``password`` or operator will error.
        Have to set either name or connectionSecret, but not both.

        :param name: Name of the referent. This field is effectively required, but due to backwards compatibility is allowed to be empty. Instances of this type with an empty value here are almost certainly wrong. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/names/#names

        :schema: VhostSpecRabbitmqClusterReferenceConnectionSecret
        '''
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__086fdfebc7f2a29d467c470627b41794461ad9fa45a11a5a06fcf1acc6a2238c)
            check_type(argname="argument name", value=name, expected_type=type_hints["name"])
        self._values: typing.Dict[builtins.str, typing.Any] = {}
        if name is not None:
            self._values["name"] = name

    @builtins.property
    def name(self) -> typing.Optional[builtins.str]:
        '''Name of the referent.

        This field is effectively required, but due to backwards compatibility is
        allowed to be empty. Instances of this type with an empty value here are
        almost certainly wrong.
        More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/names/#names

        :schema: VhostSpecRabbitmqClusterReferenceConnectionSecret#name
        '''
        result = self._values.get("name")
        return typing.cast(typing.Optional[builtins.str], result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "VhostSpecRabbitmqClusterReferenceConnectionSecret(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


__all__ = [
    "Vhost",
    "VhostProps",
    "VhostSpec",
    "VhostSpecDefaultQueueType",
    "VhostSpecDeletionPolicy",
    "VhostSpecLimits",
    "VhostSpecRabbitmqClusterReference",
    "VhostSpecRabbitmqClusterReferenceConnectionSecret",
]

publication.publish()

def _typecheckingstub__0548665b4a9f20c1bdfb54aa81c4fed39a2df56d39a5370f8519107877787e54(
    scope: _constructs_77d1e7e8.Construct,
    id: builtins.str,
    *,
    metadata: typing.Optional[typing.Union[_cdk8s_d3d9af27.ApiObjectMetadata, typing.Dict[builtins.str, typing.Any]]] = None,
    spec: typing.Optional[typing.Union[VhostSpec, typing.Dict[builtins.str, typing.Any]]] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__06886790730004cbd653b4c09a2e71955d8d3c7f13a3698269494b40507f7680(
    *,
    metadata: typing.Optional[typing.Union[_cdk8s_d3d9af27.ApiObjectMetadata, typing.Dict[builtins.str, typing.Any]]] = None,
    spec: typing.Optional[typing.Union[VhostSpec, typing.Dict[builtins.str, typing.Any]]] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__98496dd568e366c28b77bc42405c908865e9bc62892983a59e7481156b416717(
    *,
    name: builtins.str,
    rabbitmq_cluster_reference: typing.Union[VhostSpecRabbitmqClusterReference, typing.Dict[builtins.str, typing.Any]],
    default_queue_type: typing.Optional[VhostSpecDefaultQueueType] = None,
    deletion_policy: typing.Optional[VhostSpecDeletionPolicy] = None,
    limits: typing.Optional[typing.Union[VhostSpecLimits, typing.Dict[builtins.str, typing.Any]]] = None,
    tags: typing.Optional[typing.Sequence[builtins.str]] = None,
    tracing: typing.Optional[builtins.bool] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__9b8077384bdb7fdb2a351725a0c8087b124d7ef9e4cd933ccf82952cc64b6f77(
    *,
    connections: typing.Optional[jsii.Number] = None,
    queues: typing.Optional[jsii.Number] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__1db87fd4847ea6d78939165a89424c8691d3d3ba23d86355d3896f57b0bc8c3c(
    *,
    connection_secret: typing.Optional[typing.Union[VhostSpecRabbitmqClusterReferenceConnectionSecret, typing.Dict[builtins.str, typing.Any]]] = None,
    name: typing.Optional[builtins.str] = None,
    namespace: typing.Optional[builtins.str] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__086fdfebc7f2a29d467c470627b41794461ad9fa45a11a5a06fcf1acc6a2238c(
    *,
    name: typing.Optional[builtins.str] = None,
) -> None:
    """Type checking stubs"""
    pass
