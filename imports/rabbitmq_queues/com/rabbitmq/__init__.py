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


class Queue(
    _cdk8s_d3d9af27.ApiObject,
    metaclass=jsii.JSIIMeta,
    jsii_type="rabbitmq_queues_comrabbitmq.Queue",
):
    '''Queue is the Schema for the queues API.

    :schema: Queue
    '''

    def __init__(
        self,
        scope: "_constructs_77d1e7e8.Construct",
        id: builtins.str,
        *,
        metadata: typing.Optional[typing.Union["_cdk8s_d3d9af27.ApiObjectMetadata", typing.Dict[builtins.str, typing.Any]]] = None,
        spec: typing.Optional[typing.Union["QueueSpec", typing.Dict[builtins.str, typing.Any]]] = None,
    ) -> None:
        '''Defines a "Queue" API object.

        :param scope: the scope in which to define this object.
        :param id: a scope-local name for the object.
        :param metadata: 
        :param spec: QueueSpec defines the desired state of Queue.
        '''
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__018140cce7f0bad96b3ed927af872b2da84c3792c9a3beac2deedb7aba19aebc)
            check_type(argname="argument scope", value=scope, expected_type=type_hints["scope"])
            check_type(argname="argument id", value=id, expected_type=type_hints["id"])
        props = QueueProps(metadata=metadata, spec=spec)

        jsii.create(self.__class__, self, [scope, id, props])

    @jsii.member(jsii_name="manifest")
    @builtins.classmethod
    def manifest(
        cls,
        *,
        metadata: typing.Optional[typing.Union["_cdk8s_d3d9af27.ApiObjectMetadata", typing.Dict[builtins.str, typing.Any]]] = None,
        spec: typing.Optional[typing.Union["QueueSpec", typing.Dict[builtins.str, typing.Any]]] = None,
    ) -> typing.Any:
        '''Renders a Kubernetes manifest for "Queue".

        This can be used to inline resource manifests inside other objects (e.g. as templates).

        :param metadata: 
        :param spec: QueueSpec defines the desired state of Queue.
        '''
        props = QueueProps(metadata=metadata, spec=spec)

        return typing.cast(typing.Any, jsii.sinvoke(cls, "manifest", [props]))

    @jsii.member(jsii_name="toJson")
    def to_json(self) -> typing.Any:
        '''Renders the object to Kubernetes JSON.'''
        return typing.cast(typing.Any, jsii.invoke(self, "toJson", []))

    @jsii.python.classproperty
    @jsii.member(jsii_name="GVK")
    def GVK(cls) -> "_cdk8s_d3d9af27.GroupVersionKind":
        '''Returns the apiVersion and kind for "Queue".'''
        return typing.cast("_cdk8s_d3d9af27.GroupVersionKind", jsii.sget(cls, "GVK"))


@jsii.data_type(
    jsii_type="rabbitmq_queues_comrabbitmq.QueueProps",
    jsii_struct_bases=[],
    name_mapping={"metadata": "metadata", "spec": "spec"},
)
class QueueProps:
    def __init__(
        self,
        *,
        metadata: typing.Optional[typing.Union["_cdk8s_d3d9af27.ApiObjectMetadata", typing.Dict[builtins.str, typing.Any]]] = None,
        spec: typing.Optional[typing.Union["QueueSpec", typing.Dict[builtins.str, typing.Any]]] = None,
    ) -> None:
        '''Queue is the Schema for the queues API.

        :param metadata: 
        :param spec: QueueSpec defines the desired state of Queue.

        :schema: Queue
        '''
        if isinstance(metadata, dict):
            metadata = _cdk8s_d3d9af27.ApiObjectMetadata(**metadata)
        if isinstance(spec, dict):
            spec = QueueSpec(**spec)
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__a9aca42fa6706e3752c22f3dcd83c19528646319c2bee39e36347290f1e7d7f4)
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
        :schema: Queue#metadata
        '''
        result = self._values.get("metadata")
        return typing.cast(typing.Optional["_cdk8s_d3d9af27.ApiObjectMetadata"], result)

    @builtins.property
    def spec(self) -> typing.Optional["QueueSpec"]:
        '''QueueSpec defines the desired state of Queue.

        :schema: Queue#spec
        '''
        result = self._values.get("spec")
        return typing.cast(typing.Optional["QueueSpec"], result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "QueueProps(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


@jsii.data_type(
    jsii_type="rabbitmq_queues_comrabbitmq.QueueSpec",
    jsii_struct_bases=[],
    name_mapping={
        "name": "name",
        "rabbitmq_cluster_reference": "rabbitmqClusterReference",
        "arguments": "arguments",
        "auto_delete": "autoDelete",
        "delete_if_empty": "deleteIfEmpty",
        "delete_if_unused": "deleteIfUnused",
        "deletion_policy": "deletionPolicy",
        "durable": "durable",
        "type": "type",
        "vhost": "vhost",
    },
)
class QueueSpec:
    def __init__(
        self,
        *,
        name: builtins.str,
        rabbitmq_cluster_reference: typing.Union["QueueSpecRabbitmqClusterReference", typing.Dict[builtins.str, typing.Any]],
        arguments: typing.Any = None,
        auto_delete: typing.Optional[builtins.bool] = None,
        delete_if_empty: typing.Optional[builtins.bool] = None,
        delete_if_unused: typing.Optional[builtins.bool] = None,
        deletion_policy: typing.Optional["QueueSpecDeletionPolicy"] = None,
        durable: typing.Optional[builtins.bool] = None,
        type: typing.Optional[builtins.str] = None,
        vhost: typing.Optional[builtins.str] = None,
    ) -> None:
        '''QueueSpec defines the desired state of Queue.

        :param name: Name of the queue; required property.
        :param rabbitmq_cluster_reference: Reference to the RabbitmqCluster that the queue will be created in. Required property.
        :param arguments: Queue arguments in the format of KEY: VALUE. e.g. x-delivery-limit: 10000. Configuring queues through arguments is not recommended because they cannot be updated once set; we recommend configuring queues through policies instead.
        :param auto_delete: when set to true, queues that have had at least one consumer before are deleted after the last consumer unsubscribes.
        :param delete_if_empty: when set to true, queues are deleted only if empty.
        :param delete_if_unused: when set to true, queues are delete only if they have no consumer.
        :param deletion_policy: DeletionPolicy defines the behavior of queue in the RabbitMQ cluster when the corresponding custom resource is deleted. Can be set to 'delete' or 'retain'. Default is 'delete'. Default: delete'.
        :param durable: When set to false queues does not survive server restart.
        :param type: 
        :param vhost: Default to vhost '/'. Default: vhost '/'

        :schema: QueueSpec
        '''
        if isinstance(rabbitmq_cluster_reference, dict):
            rabbitmq_cluster_reference = QueueSpecRabbitmqClusterReference(**rabbitmq_cluster_reference)
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__ad7076b75bc3c115e4ba5ea0108859fd82d9054d0c3386d438aceea18b9e7055)
            check_type(argname="argument name", value=name, expected_type=type_hints["name"])
            check_type(argname="argument rabbitmq_cluster_reference", value=rabbitmq_cluster_reference, expected_type=type_hints["rabbitmq_cluster_reference"])
            check_type(argname="argument arguments", value=arguments, expected_type=type_hints["arguments"])
            check_type(argname="argument auto_delete", value=auto_delete, expected_type=type_hints["auto_delete"])
            check_type(argname="argument delete_if_empty", value=delete_if_empty, expected_type=type_hints["delete_if_empty"])
            check_type(argname="argument delete_if_unused", value=delete_if_unused, expected_type=type_hints["delete_if_unused"])
            check_type(argname="argument deletion_policy", value=deletion_policy, expected_type=type_hints["deletion_policy"])
            check_type(argname="argument durable", value=durable, expected_type=type_hints["durable"])
            check_type(argname="argument type", value=type, expected_type=type_hints["type"])
            check_type(argname="argument vhost", value=vhost, expected_type=type_hints["vhost"])
        self._values: typing.Dict[builtins.str, typing.Any] = {
            "name": name,
            "rabbitmq_cluster_reference": rabbitmq_cluster_reference,
        }
        if arguments is not None:
            self._values["arguments"] = arguments
        if auto_delete is not None:
            self._values["auto_delete"] = auto_delete
        if delete_if_empty is not None:
            self._values["delete_if_empty"] = delete_if_empty
        if delete_if_unused is not None:
            self._values["delete_if_unused"] = delete_if_unused
        if deletion_policy is not None:
            self._values["deletion_policy"] = deletion_policy
        if durable is not None:
            self._values["durable"] = durable
        if type is not None:
            self._values["type"] = type
        if vhost is not None:
            self._values["vhost"] = vhost

    @builtins.property
    def name(self) -> builtins.str:
        '''Name of the queue;

        required property.

        :schema: QueueSpec#name
        '''
        result = self._values.get("name")
        assert result is not None, "Required property 'name' is missing"
        return typing.cast(builtins.str, result)

    @builtins.property
    def rabbitmq_cluster_reference(self) -> "QueueSpecRabbitmqClusterReference":
        '''Reference to the RabbitmqCluster that the queue will be created in.

        Required property.

        :schema: QueueSpec#rabbitmqClusterReference
        '''
        result = self._values.get("rabbitmq_cluster_reference")
        assert result is not None, "Required property 'rabbitmq_cluster_reference' is missing"
        return typing.cast("QueueSpecRabbitmqClusterReference", result)

    @builtins.property
    def arguments(self) -> typing.Any:
        '''Queue arguments in the format of KEY: VALUE.

        e.g. x-delivery-limit: 10000.
        Configuring queues through arguments is not recommended because they cannot be updated once set; we recommend configuring queues through policies instead.

        :schema: QueueSpec#arguments
        '''
        result = self._values.get("arguments")
        return typing.cast(typing.Any, result)

    @builtins.property
    def auto_delete(self) -> typing.Optional[builtins.bool]:
        '''when set to true, queues that have had at least one consumer before are deleted after the last consumer unsubscribes.

        :schema: QueueSpec#autoDelete
        '''
        result = self._values.get("auto_delete")
        return typing.cast(typing.Optional[builtins.bool], result)

    @builtins.property
    def delete_if_empty(self) -> typing.Optional[builtins.bool]:
        '''when set to true, queues are deleted only if empty.

        :schema: QueueSpec#deleteIfEmpty
        '''
        result = self._values.get("delete_if_empty")
        return typing.cast(typing.Optional[builtins.bool], result)

    @builtins.property
    def delete_if_unused(self) -> typing.Optional[builtins.bool]:
        '''when set to true, queues are delete only if they have no consumer.

        :schema: QueueSpec#deleteIfUnused
        '''
        result = self._values.get("delete_if_unused")
        return typing.cast(typing.Optional[builtins.bool], result)

    @builtins.property
    def deletion_policy(self) -> typing.Optional["QueueSpecDeletionPolicy"]:
        '''DeletionPolicy defines the behavior of queue in the RabbitMQ cluster when the corresponding custom resource is deleted.

        Can be set to 'delete' or 'retain'. Default is 'delete'.

        :default: delete'.

        :schema: QueueSpec#deletionPolicy
        '''
        result = self._values.get("deletion_policy")
        return typing.cast(typing.Optional["QueueSpecDeletionPolicy"], result)

    @builtins.property
    def durable(self) -> typing.Optional[builtins.bool]:
        '''When set to false queues does not survive server restart.

        :schema: QueueSpec#durable
        '''
        result = self._values.get("durable")
        return typing.cast(typing.Optional[builtins.bool], result)

    @builtins.property
    def type(self) -> typing.Optional[builtins.str]:
        '''
        :schema: QueueSpec#type
        '''
        result = self._values.get("type")
        return typing.cast(typing.Optional[builtins.str], result)

    @builtins.property
    def vhost(self) -> typing.Optional[builtins.str]:
        '''Default to vhost '/'.

        :default: vhost '/'

        :schema: QueueSpec#vhost
        '''
        result = self._values.get("vhost")
        return typing.cast(typing.Optional[builtins.str], result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "QueueSpec(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


@jsii.enum(jsii_type="rabbitmq_queues_comrabbitmq.QueueSpecDeletionPolicy")
class QueueSpecDeletionPolicy(enum.Enum):
    '''DeletionPolicy defines the behavior of queue in the RabbitMQ cluster when the corresponding custom resource is deleted.

    Can be set to 'delete' or 'retain'. Default is 'delete'.

    :default: delete'.

    :schema: QueueSpecDeletionPolicy
    '''

    DELETE = "DELETE"
    '''delete.'''
    RETAIN = "RETAIN"
    '''retain.'''


@jsii.data_type(
    jsii_type="rabbitmq_queues_comrabbitmq.QueueSpecRabbitmqClusterReference",
    jsii_struct_bases=[],
    name_mapping={
        "connection_secret": "connectionSecret",
        "name": "name",
        "namespace": "namespace",
    },
)
class QueueSpecRabbitmqClusterReference:
    def __init__(
        self,
        *,
        connection_secret: typing.Optional[typing.Union["QueueSpecRabbitmqClusterReferenceConnectionSecret", typing.Dict[builtins.str, typing.Any]]] = None,
        name: typing.Optional[builtins.str] = None,
        namespace: typing.Optional[builtins.str] = None,
    ) -> None:
        '''Reference to the RabbitmqCluster that the queue will be created in.

        Required property.

        :param connection_secret: Secret contains the http management uri for the RabbitMQ cluster. The Secret must contain the key ``uri``, ``username`` and ``password`` or operator will error. Have to set either name or connectionSecret, but not both.
        :param name: The name of the RabbitMQ cluster to reference. Have to set either name or connectionSecret, but not both.
        :param namespace: The namespace of the RabbitMQ cluster to reference. Defaults to the namespace of the requested resource if omitted. Default: the namespace of the requested resource if omitted.

        :schema: QueueSpecRabbitmqClusterReference
        '''
        if isinstance(connection_secret, dict):
            connection_secret = QueueSpecRabbitmqClusterReferenceConnectionSecret(**connection_secret)
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__2339b8b3899adee13c2afb966fe269571f13f88cfdb3633b1778fc233bf2c9a4)
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
    ) -> typing.Optional["QueueSpecRabbitmqClusterReferenceConnectionSecret"]:
        '''Secret contains the http management uri for the RabbitMQ cluster.

        The Secret must contain the key ``uri``, ``username`` and ``password`` or operator will error.
        Have to set either name or connectionSecret, but not both.

        :schema: QueueSpecRabbitmqClusterReference#connectionSecret
        '''
        result = self._values.get("connection_secret")
        return typing.cast(typing.Optional["QueueSpecRabbitmqClusterReferenceConnectionSecret"], result)

    @builtins.property
    def name(self) -> typing.Optional[builtins.str]:
        '''The name of the RabbitMQ cluster to reference.

        Have to set either name or connectionSecret, but not both.

        :schema: QueueSpecRabbitmqClusterReference#name
        '''
        result = self._values.get("name")
        return typing.cast(typing.Optional[builtins.str], result)

    @builtins.property
    def namespace(self) -> typing.Optional[builtins.str]:
        '''The namespace of the RabbitMQ cluster to reference.

        Defaults to the namespace of the requested resource if omitted.

        :default: the namespace of the requested resource if omitted.

        :schema: QueueSpecRabbitmqClusterReference#namespace
        '''
        result = self._values.get("namespace")
        return typing.cast(typing.Optional[builtins.str], result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "QueueSpecRabbitmqClusterReference(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


@jsii.data_type(
    jsii_type="rabbitmq_queues_comrabbitmq.QueueSpecRabbitmqClusterReferenceConnectionSecret",
    jsii_struct_bases=[],
    name_mapping={"name": "name"},
)
class QueueSpecRabbitmqClusterReferenceConnectionSecret:
    def __init__(self, *, name: typing.Optional[builtins.str] = None) -> None:
        '''Secret contains the http management uri for the RabbitMQ cluster.

        The Secret must contain the key ``uri``, ``username`` and ``password`` or operator will error.
        Have to set either name or connectionSecret, but not both.

        :param name: Name of the referent. This field is effectively required, but due to backwards compatibility is allowed to be empty. Instances of this type with an empty value here are almost certainly wrong. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/names/#names

        :schema: QueueSpecRabbitmqClusterReferenceConnectionSecret
        '''
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__02a4d0a3ba14c3734309b526d28c8edfd95cfbbbde0c767d286587fc3f2065da)
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

        :schema: QueueSpecRabbitmqClusterReferenceConnectionSecret#name
        '''
        result = self._values.get("name")
        return typing.cast(typing.Optional[builtins.str], result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "QueueSpecRabbitmqClusterReferenceConnectionSecret(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


__all__ = [
    "Queue",
    "QueueProps",
    "QueueSpec",
    "QueueSpecDeletionPolicy",
    "QueueSpecRabbitmqClusterReference",
    "QueueSpecRabbitmqClusterReferenceConnectionSecret",
]

publication.publish()

def _typecheckingstub__018140cce7f0bad96b3ed927af872b2da84c3792c9a3beac2deedb7aba19aebc(
    scope: _constructs_77d1e7e8.Construct,
    id: builtins.str,
    *,
    metadata: typing.Optional[typing.Union[_cdk8s_d3d9af27.ApiObjectMetadata, typing.Dict[builtins.str, typing.Any]]] = None,
    spec: typing.Optional[typing.Union[QueueSpec, typing.Dict[builtins.str, typing.Any]]] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__a9aca42fa6706e3752c22f3dcd83c19528646319c2bee39e36347290f1e7d7f4(
    *,
    metadata: typing.Optional[typing.Union[_cdk8s_d3d9af27.ApiObjectMetadata, typing.Dict[builtins.str, typing.Any]]] = None,
    spec: typing.Optional[typing.Union[QueueSpec, typing.Dict[builtins.str, typing.Any]]] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__ad7076b75bc3c115e4ba5ea0108859fd82d9054d0c3386d438aceea18b9e7055(
    *,
    name: builtins.str,
    rabbitmq_cluster_reference: typing.Union[QueueSpecRabbitmqClusterReference, typing.Dict[builtins.str, typing.Any]],
    arguments: typing.Any = None,
    auto_delete: typing.Optional[builtins.bool] = None,
    delete_if_empty: typing.Optional[builtins.bool] = None,
    delete_if_unused: typing.Optional[builtins.bool] = None,
    deletion_policy: typing.Optional[QueueSpecDeletionPolicy] = None,
    durable: typing.Optional[builtins.bool] = None,
    type: typing.Optional[builtins.str] = None,
    vhost: typing.Optional[builtins.str] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__2339b8b3899adee13c2afb966fe269571f13f88cfdb3633b1778fc233bf2c9a4(
    *,
    connection_secret: typing.Optional[typing.Union[QueueSpecRabbitmqClusterReferenceConnectionSecret, typing.Dict[builtins.str, typing.Any]]] = None,
    name: typing.Optional[builtins.str] = None,
    namespace: typing.Optional[builtins.str] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__02a4d0a3ba14c3734309b526d28c8edfd95cfbbbde0c767d286587fc3f2065da(
    *,
    name: typing.Optional[builtins.str] = None,
) -> None:
    """Type checking stubs"""
    pass
