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


class Binding(
    _cdk8s_d3d9af27.ApiObject,
    metaclass=jsii.JSIIMeta,
    jsii_type="rabbitmq_bindings_comrabbitmq.Binding",
):
    '''Binding is the Schema for the bindings API.

    :schema: Binding
    '''

    def __init__(
        self,
        scope: "_constructs_77d1e7e8.Construct",
        id: builtins.str,
        *,
        metadata: typing.Optional[typing.Union["_cdk8s_d3d9af27.ApiObjectMetadata", typing.Dict[builtins.str, typing.Any]]] = None,
        spec: typing.Optional[typing.Union["BindingSpec", typing.Dict[builtins.str, typing.Any]]] = None,
    ) -> None:
        '''Defines a "Binding" API object.

        :param scope: the scope in which to define this object.
        :param id: a scope-local name for the object.
        :param metadata: 
        :param spec: BindingSpec defines the desired state of Binding.
        '''
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__46fa0c1ab001402d006ebf5ffd717916d01c91dfb2ad48fa9a3cc892ee3de6cd)
            check_type(argname="argument scope", value=scope, expected_type=type_hints["scope"])
            check_type(argname="argument id", value=id, expected_type=type_hints["id"])
        props = BindingProps(metadata=metadata, spec=spec)

        jsii.create(self.__class__, self, [scope, id, props])

    @jsii.member(jsii_name="manifest")
    @builtins.classmethod
    def manifest(
        cls,
        *,
        metadata: typing.Optional[typing.Union["_cdk8s_d3d9af27.ApiObjectMetadata", typing.Dict[builtins.str, typing.Any]]] = None,
        spec: typing.Optional[typing.Union["BindingSpec", typing.Dict[builtins.str, typing.Any]]] = None,
    ) -> typing.Any:
        '''Renders a Kubernetes manifest for "Binding".

        This can be used to inline resource manifests inside other objects (e.g. as templates).

        :param metadata: 
        :param spec: BindingSpec defines the desired state of Binding.
        '''
        props = BindingProps(metadata=metadata, spec=spec)

        return typing.cast(typing.Any, jsii.sinvoke(cls, "manifest", [props]))

    @jsii.member(jsii_name="toJson")
    def to_json(self) -> typing.Any:
        '''Renders the object to Kubernetes JSON.'''
        return typing.cast(typing.Any, jsii.invoke(self, "toJson", []))

    @jsii.python.classproperty
    @jsii.member(jsii_name="GVK")
    def GVK(cls) -> "_cdk8s_d3d9af27.GroupVersionKind":
        '''Returns the apiVersion and kind for "Binding".'''
        return typing.cast("_cdk8s_d3d9af27.GroupVersionKind", jsii.sget(cls, "GVK"))


@jsii.data_type(
    jsii_type="rabbitmq_bindings_comrabbitmq.BindingProps",
    jsii_struct_bases=[],
    name_mapping={"metadata": "metadata", "spec": "spec"},
)
class BindingProps:
    def __init__(
        self,
        *,
        metadata: typing.Optional[typing.Union["_cdk8s_d3d9af27.ApiObjectMetadata", typing.Dict[builtins.str, typing.Any]]] = None,
        spec: typing.Optional[typing.Union["BindingSpec", typing.Dict[builtins.str, typing.Any]]] = None,
    ) -> None:
        '''Binding is the Schema for the bindings API.

        :param metadata: 
        :param spec: BindingSpec defines the desired state of Binding.

        :schema: Binding
        '''
        if isinstance(metadata, dict):
            metadata = _cdk8s_d3d9af27.ApiObjectMetadata(**metadata)
        if isinstance(spec, dict):
            spec = BindingSpec(**spec)
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__29c3b752bd8c470128916cc6b92db8149d443940b5326a1c5319fc59f47f13d7)
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
        :schema: Binding#metadata
        '''
        result = self._values.get("metadata")
        return typing.cast(typing.Optional["_cdk8s_d3d9af27.ApiObjectMetadata"], result)

    @builtins.property
    def spec(self) -> typing.Optional["BindingSpec"]:
        '''BindingSpec defines the desired state of Binding.

        :schema: Binding#spec
        '''
        result = self._values.get("spec")
        return typing.cast(typing.Optional["BindingSpec"], result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "BindingProps(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


@jsii.data_type(
    jsii_type="rabbitmq_bindings_comrabbitmq.BindingSpec",
    jsii_struct_bases=[],
    name_mapping={
        "rabbitmq_cluster_reference": "rabbitmqClusterReference",
        "arguments": "arguments",
        "destination": "destination",
        "destination_type": "destinationType",
        "routing_key": "routingKey",
        "source": "source",
        "vhost": "vhost",
    },
)
class BindingSpec:
    def __init__(
        self,
        *,
        rabbitmq_cluster_reference: typing.Union["BindingSpecRabbitmqClusterReference", typing.Dict[builtins.str, typing.Any]],
        arguments: typing.Any = None,
        destination: typing.Optional[builtins.str] = None,
        destination_type: typing.Optional["BindingSpecDestinationType"] = None,
        routing_key: typing.Optional[builtins.str] = None,
        source: typing.Optional[builtins.str] = None,
        vhost: typing.Optional[builtins.str] = None,
    ) -> None:
        '''BindingSpec defines the desired state of Binding.

        :param rabbitmq_cluster_reference: Reference to the RabbitmqCluster that the binding will be created in. Required property.
        :param arguments: Cannot be updated.
        :param destination: Cannot be updated.
        :param destination_type: Cannot be updated.
        :param routing_key: Cannot be updated.
        :param source: Cannot be updated.
        :param vhost: Default to vhost '/'; cannot be updated Default: vhost '/'; cannot be updated

        :schema: BindingSpec
        '''
        if isinstance(rabbitmq_cluster_reference, dict):
            rabbitmq_cluster_reference = BindingSpecRabbitmqClusterReference(**rabbitmq_cluster_reference)
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__355a1370aef84fcd0aced40406237742dcadbd3d6c81b338af16b2d6970a25dd)
            check_type(argname="argument rabbitmq_cluster_reference", value=rabbitmq_cluster_reference, expected_type=type_hints["rabbitmq_cluster_reference"])
            check_type(argname="argument arguments", value=arguments, expected_type=type_hints["arguments"])
            check_type(argname="argument destination", value=destination, expected_type=type_hints["destination"])
            check_type(argname="argument destination_type", value=destination_type, expected_type=type_hints["destination_type"])
            check_type(argname="argument routing_key", value=routing_key, expected_type=type_hints["routing_key"])
            check_type(argname="argument source", value=source, expected_type=type_hints["source"])
            check_type(argname="argument vhost", value=vhost, expected_type=type_hints["vhost"])
        self._values: typing.Dict[builtins.str, typing.Any] = {
            "rabbitmq_cluster_reference": rabbitmq_cluster_reference,
        }
        if arguments is not None:
            self._values["arguments"] = arguments
        if destination is not None:
            self._values["destination"] = destination
        if destination_type is not None:
            self._values["destination_type"] = destination_type
        if routing_key is not None:
            self._values["routing_key"] = routing_key
        if source is not None:
            self._values["source"] = source
        if vhost is not None:
            self._values["vhost"] = vhost

    @builtins.property
    def rabbitmq_cluster_reference(self) -> "BindingSpecRabbitmqClusterReference":
        '''Reference to the RabbitmqCluster that the binding will be created in.

        Required property.

        :schema: BindingSpec#rabbitmqClusterReference
        '''
        result = self._values.get("rabbitmq_cluster_reference")
        assert result is not None, "Required property 'rabbitmq_cluster_reference' is missing"
        return typing.cast("BindingSpecRabbitmqClusterReference", result)

    @builtins.property
    def arguments(self) -> typing.Any:
        '''Cannot be updated.

        :schema: BindingSpec#arguments
        '''
        result = self._values.get("arguments")
        return typing.cast(typing.Any, result)

    @builtins.property
    def destination(self) -> typing.Optional[builtins.str]:
        '''Cannot be updated.

        :schema: BindingSpec#destination
        '''
        result = self._values.get("destination")
        return typing.cast(typing.Optional[builtins.str], result)

    @builtins.property
    def destination_type(self) -> typing.Optional["BindingSpecDestinationType"]:
        '''Cannot be updated.

        :schema: BindingSpec#destinationType
        '''
        result = self._values.get("destination_type")
        return typing.cast(typing.Optional["BindingSpecDestinationType"], result)

    @builtins.property
    def routing_key(self) -> typing.Optional[builtins.str]:
        '''Cannot be updated.

        :schema: BindingSpec#routingKey
        '''
        result = self._values.get("routing_key")
        return typing.cast(typing.Optional[builtins.str], result)

    @builtins.property
    def source(self) -> typing.Optional[builtins.str]:
        '''Cannot be updated.

        :schema: BindingSpec#source
        '''
        result = self._values.get("source")
        return typing.cast(typing.Optional[builtins.str], result)

    @builtins.property
    def vhost(self) -> typing.Optional[builtins.str]:
        '''Default to vhost '/';

        cannot be updated

        :default: vhost '/'; cannot be updated

        :schema: BindingSpec#vhost
        '''
        result = self._values.get("vhost")
        return typing.cast(typing.Optional[builtins.str], result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "BindingSpec(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


@jsii.enum(jsii_type="rabbitmq_bindings_comrabbitmq.BindingSpecDestinationType")
class BindingSpecDestinationType(enum.Enum):
    '''Cannot be updated.

    :schema: BindingSpecDestinationType
    '''

    EXCHANGE = "EXCHANGE"
    '''exchange.'''
    QUEUE = "QUEUE"
    '''queue.'''


@jsii.data_type(
    jsii_type="rabbitmq_bindings_comrabbitmq.BindingSpecRabbitmqClusterReference",
    jsii_struct_bases=[],
    name_mapping={
        "connection_secret": "connectionSecret",
        "name": "name",
        "namespace": "namespace",
    },
)
class BindingSpecRabbitmqClusterReference:
    def __init__(
        self,
        *,
        connection_secret: typing.Optional[typing.Union["BindingSpecRabbitmqClusterReferenceConnectionSecret", typing.Dict[builtins.str, typing.Any]]] = None,
        name: typing.Optional[builtins.str] = None,
        namespace: typing.Optional[builtins.str] = None,
    ) -> None:
        '''Reference to the RabbitmqCluster that the binding will be created in.

        Required property.

        :param connection_secret: Secret contains the http management uri for the RabbitMQ cluster. The Secret must contain the key ``uri``, ``username`` and ``password`` or operator will error. Have to set either name or connectionSecret, but not both.
        :param name: The name of the RabbitMQ cluster to reference. Have to set either name or connectionSecret, but not both.
        :param namespace: The namespace of the RabbitMQ cluster to reference. Defaults to the namespace of the requested resource if omitted. Default: the namespace of the requested resource if omitted.

        :schema: BindingSpecRabbitmqClusterReference
        '''
        if isinstance(connection_secret, dict):
            connection_secret = BindingSpecRabbitmqClusterReferenceConnectionSecret(**connection_secret)
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__9fc293e9795b99b2db1a7b4ea45aa0a35638d3bb409a900a690ef2e0be5e0ff9)
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
    ) -> typing.Optional["BindingSpecRabbitmqClusterReferenceConnectionSecret"]:
        '''Secret contains the http management uri for the RabbitMQ cluster.

        The Secret must contain the key ``uri``, ``username`` and ``password`` or operator will error.
        Have to set either name or connectionSecret, but not both.

        :schema: BindingSpecRabbitmqClusterReference#connectionSecret
        '''
        result = self._values.get("connection_secret")
        return typing.cast(typing.Optional["BindingSpecRabbitmqClusterReferenceConnectionSecret"], result)

    @builtins.property
    def name(self) -> typing.Optional[builtins.str]:
        '''The name of the RabbitMQ cluster to reference.

        Have to set either name or connectionSecret, but not both.

        :schema: BindingSpecRabbitmqClusterReference#name
        '''
        result = self._values.get("name")
        return typing.cast(typing.Optional[builtins.str], result)

    @builtins.property
    def namespace(self) -> typing.Optional[builtins.str]:
        '''The namespace of the RabbitMQ cluster to reference.

        Defaults to the namespace of the requested resource if omitted.

        :default: the namespace of the requested resource if omitted.

        :schema: BindingSpecRabbitmqClusterReference#namespace
        '''
        result = self._values.get("namespace")
        return typing.cast(typing.Optional[builtins.str], result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "BindingSpecRabbitmqClusterReference(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


@jsii.data_type(
    jsii_type="rabbitmq_bindings_comrabbitmq.BindingSpecRabbitmqClusterReferenceConnectionSecret",
    jsii_struct_bases=[],
    name_mapping={"name": "name"},
)
class BindingSpecRabbitmqClusterReferenceConnectionSecret:
    def __init__(self, *, name: typing.Optional[builtins.str] = None) -> None:
        '''Secret contains the http management uri for the RabbitMQ cluster.

        The Secret must contain the key ``uri``, ``username`` and ``password`` or operator will error.
        Have to set either name or connectionSecret, but not both.

        :param name: Name of the referent. This field is effectively required, but due to backwards compatibility is allowed to be empty. Instances of this type with an empty value here are almost certainly wrong. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/names/#names

        :schema: BindingSpecRabbitmqClusterReferenceConnectionSecret
        '''
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__210b0b9489e6d1c9faf23a1d7ee054498fe07e1ea59f3cc96ba1918f7bc86da4)
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

        :schema: BindingSpecRabbitmqClusterReferenceConnectionSecret#name
        '''
        result = self._values.get("name")
        return typing.cast(typing.Optional[builtins.str], result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "BindingSpecRabbitmqClusterReferenceConnectionSecret(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


__all__ = [
    "Binding",
    "BindingProps",
    "BindingSpec",
    "BindingSpecDestinationType",
    "BindingSpecRabbitmqClusterReference",
    "BindingSpecRabbitmqClusterReferenceConnectionSecret",
]

publication.publish()

def _typecheckingstub__46fa0c1ab001402d006ebf5ffd717916d01c91dfb2ad48fa9a3cc892ee3de6cd(
    scope: _constructs_77d1e7e8.Construct,
    id: builtins.str,
    *,
    metadata: typing.Optional[typing.Union[_cdk8s_d3d9af27.ApiObjectMetadata, typing.Dict[builtins.str, typing.Any]]] = None,
    spec: typing.Optional[typing.Union[BindingSpec, typing.Dict[builtins.str, typing.Any]]] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__29c3b752bd8c470128916cc6b92db8149d443940b5326a1c5319fc59f47f13d7(
    *,
    metadata: typing.Optional[typing.Union[_cdk8s_d3d9af27.ApiObjectMetadata, typing.Dict[builtins.str, typing.Any]]] = None,
    spec: typing.Optional[typing.Union[BindingSpec, typing.Dict[builtins.str, typing.Any]]] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__355a1370aef84fcd0aced40406237742dcadbd3d6c81b338af16b2d6970a25dd(
    *,
    rabbitmq_cluster_reference: typing.Union[BindingSpecRabbitmqClusterReference, typing.Dict[builtins.str, typing.Any]],
    arguments: typing.Any = None,
    destination: typing.Optional[builtins.str] = None,
    destination_type: typing.Optional[BindingSpecDestinationType] = None,
    routing_key: typing.Optional[builtins.str] = None,
    source: typing.Optional[builtins.str] = None,
    vhost: typing.Optional[builtins.str] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__9fc293e9795b99b2db1a7b4ea45aa0a35638d3bb409a900a690ef2e0be5e0ff9(
    *,
    connection_secret: typing.Optional[typing.Union[BindingSpecRabbitmqClusterReferenceConnectionSecret, typing.Dict[builtins.str, typing.Any]]] = None,
    name: typing.Optional[builtins.str] = None,
    namespace: typing.Optional[builtins.str] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__210b0b9489e6d1c9faf23a1d7ee054498fe07e1ea59f3cc96ba1918f7bc86da4(
    *,
    name: typing.Optional[builtins.str] = None,
) -> None:
    """Type checking stubs"""
    pass
