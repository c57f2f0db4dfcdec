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


class User(
    _cdk8s_d3d9af27.ApiObject,
    metaclass=jsii.JSIIMeta,
    jsii_type="rabbitmq_users_comrabbitmq.User",
):
    '''User is the Schema for the users API.

    :schema: User
    '''

    def __init__(
        self,
        scope: "_constructs_77d1e7e8.Construct",
        id: builtins.str,
        *,
        metadata: typing.Optional[typing.Union["_cdk8s_d3d9af27.ApiObjectMetadata", typing.Dict[builtins.str, typing.Any]]] = None,
        spec: typing.Optional[typing.Union["UserSpec", typing.Dict[builtins.str, typing.Any]]] = None,
    ) -> None:
        '''Defines a "User" API object.

        :param scope: the scope in which to define this object.
        :param id: a scope-local name for the object.
        :param metadata: 
        :param spec: Spec configures the desired state of the User object.
        '''
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__98f17211b33c571d4b0e8a87352ad629d9f486bb9c16ba0d8c72fa1327e0fae3)
            check_type(argname="argument scope", value=scope, expected_type=type_hints["scope"])
            check_type(argname="argument id", value=id, expected_type=type_hints["id"])
        props = UserProps(metadata=metadata, spec=spec)

        jsii.create(self.__class__, self, [scope, id, props])

    @jsii.member(jsii_name="manifest")
    @builtins.classmethod
    def manifest(
        cls,
        *,
        metadata: typing.Optional[typing.Union["_cdk8s_d3d9af27.ApiObjectMetadata", typing.Dict[builtins.str, typing.Any]]] = None,
        spec: typing.Optional[typing.Union["UserSpec", typing.Dict[builtins.str, typing.Any]]] = None,
    ) -> typing.Any:
        '''Renders a Kubernetes manifest for "User".

        This can be used to inline resource manifests inside other objects (e.g. as templates).

        :param metadata: 
        :param spec: Spec configures the desired state of the User object.
        '''
        props = UserProps(metadata=metadata, spec=spec)

        return typing.cast(typing.Any, jsii.sinvoke(cls, "manifest", [props]))

    @jsii.member(jsii_name="toJson")
    def to_json(self) -> typing.Any:
        '''Renders the object to Kubernetes JSON.'''
        return typing.cast(typing.Any, jsii.invoke(self, "toJson", []))

    @jsii.python.classproperty
    @jsii.member(jsii_name="GVK")
    def GVK(cls) -> "_cdk8s_d3d9af27.GroupVersionKind":
        '''Returns the apiVersion and kind for "User".'''
        return typing.cast("_cdk8s_d3d9af27.GroupVersionKind", jsii.sget(cls, "GVK"))


@jsii.data_type(
    jsii_type="rabbitmq_users_comrabbitmq.UserProps",
    jsii_struct_bases=[],
    name_mapping={"metadata": "metadata", "spec": "spec"},
)
class UserProps:
    def __init__(
        self,
        *,
        metadata: typing.Optional[typing.Union["_cdk8s_d3d9af27.ApiObjectMetadata", typing.Dict[builtins.str, typing.Any]]] = None,
        spec: typing.Optional[typing.Union["UserSpec", typing.Dict[builtins.str, typing.Any]]] = None,
    ) -> None:
        '''User is the Schema for the users API.

        :param metadata: 
        :param spec: Spec configures the desired state of the User object.

        :schema: User
        '''
        if isinstance(metadata, dict):
            metadata = _cdk8s_d3d9af27.ApiObjectMetadata(**metadata)
        if isinstance(spec, dict):
            spec = UserSpec(**spec)
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__c79c23cee35ee0d79033db01ec206cc66ee7b4bc9c405f130b8802c1beb38cd1)
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
        :schema: User#metadata
        '''
        result = self._values.get("metadata")
        return typing.cast(typing.Optional["_cdk8s_d3d9af27.ApiObjectMetadata"], result)

    @builtins.property
    def spec(self) -> typing.Optional["UserSpec"]:
        '''Spec configures the desired state of the User object.

        :schema: User#spec
        '''
        result = self._values.get("spec")
        return typing.cast(typing.Optional["UserSpec"], result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "UserProps(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


@jsii.data_type(
    jsii_type="rabbitmq_users_comrabbitmq.UserSpec",
    jsii_struct_bases=[],
    name_mapping={
        "rabbitmq_cluster_reference": "rabbitmqClusterReference",
        "import_credentials_secret": "importCredentialsSecret",
        "limits": "limits",
        "tags": "tags",
    },
)
class UserSpec:
    def __init__(
        self,
        *,
        rabbitmq_cluster_reference: typing.Union["UserSpecRabbitmqClusterReference", typing.Dict[builtins.str, typing.Any]],
        import_credentials_secret: typing.Optional[typing.Union["UserSpecImportCredentialsSecret", typing.Dict[builtins.str, typing.Any]]] = None,
        limits: typing.Optional[typing.Union["UserSpecLimits", typing.Dict[builtins.str, typing.Any]]] = None,
        tags: typing.Optional[typing.Sequence["UserSpecTags"]] = None,
    ) -> None:
        '''Spec configures the desired state of the User object.

        :param rabbitmq_cluster_reference: Reference to the RabbitmqCluster that the user will be created for. This cluster must exist for the User object to be created.
        :param import_credentials_secret: Defines a Secret containing the credentials for the User. If this field is omitted, random a username and password will be generated. The Secret must have the following keys in its Data field: - ``username`` – Must be present or the import will fail. - ``passwordHash`` – The SHA-512 hash of the password. If the hash is an empty string, a passwordless user will be created. For more information, see https://www.rabbitmq.com/docs/passwords. - ``password`` – Plain-text password. Will be used only if the ``passwordHash`` key is missing. The Operator watches this Secret and re-syncs the User's credentials to RabbitMQ whenever it changes, so updating the Secret's ``password``/``passwordHash`` rotates the User's password.
        :param limits: Limits to apply to a user to restrict the number of connections and channels the user can create. These limits can be used as guard rails in environments where applications cannot be trusted and monitored in detail, for example, when RabbitMQ clusters are offered as a service. See https://www.rabbitmq.com/docs/user-limits.
        :param tags: List of permissions tags to associate with the user. This determines the level of access to the RabbitMQ management UI granted to the user. Omitting this field will lead to a user than can still connect to the cluster through messaging protocols, but cannot perform any management actions. For more information, see https://www.rabbitmq.com/management.html#permissions.

        :schema: UserSpec
        '''
        if isinstance(rabbitmq_cluster_reference, dict):
            rabbitmq_cluster_reference = UserSpecRabbitmqClusterReference(**rabbitmq_cluster_reference)
        if isinstance(import_credentials_secret, dict):
            import_credentials_secret = UserSpecImportCredentialsSecret(**import_credentials_secret)
        if isinstance(limits, dict):
            limits = UserSpecLimits(**limits)
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__cb1da3b055a48c47cc098a50784aff3baeeea51b9903de4790ec83bcdc7e69d3)
            check_type(argname="argument rabbitmq_cluster_reference", value=rabbitmq_cluster_reference, expected_type=type_hints["rabbitmq_cluster_reference"])
            check_type(argname="argument import_credentials_secret", value=import_credentials_secret, expected_type=type_hints["import_credentials_secret"])
            check_type(argname="argument limits", value=limits, expected_type=type_hints["limits"])
            check_type(argname="argument tags", value=tags, expected_type=type_hints["tags"])
        self._values: typing.Dict[builtins.str, typing.Any] = {
            "rabbitmq_cluster_reference": rabbitmq_cluster_reference,
        }
        if import_credentials_secret is not None:
            self._values["import_credentials_secret"] = import_credentials_secret
        if limits is not None:
            self._values["limits"] = limits
        if tags is not None:
            self._values["tags"] = tags

    @builtins.property
    def rabbitmq_cluster_reference(self) -> "UserSpecRabbitmqClusterReference":
        '''Reference to the RabbitmqCluster that the user will be created for.

        This cluster must
        exist for the User object to be created.

        :schema: UserSpec#rabbitmqClusterReference
        '''
        result = self._values.get("rabbitmq_cluster_reference")
        assert result is not None, "Required property 'rabbitmq_cluster_reference' is missing"
        return typing.cast("UserSpecRabbitmqClusterReference", result)

    @builtins.property
    def import_credentials_secret(
        self,
    ) -> typing.Optional["UserSpecImportCredentialsSecret"]:
        '''Defines a Secret containing the credentials for the User.

        If this field is omitted, random a username and
        password will be generated. The Secret must have the following keys in its Data field:

        - ``username`` – Must be present or the import will fail.
        - ``passwordHash`` – The SHA-512 hash of the password. If the hash is an empty string, a passwordless user
          will be created. For more information, see https://www.rabbitmq.com/docs/passwords.
        - ``password`` – Plain-text password. Will be used only if the ``passwordHash`` key is missing.

        The Operator watches this Secret and re-syncs the User's credentials to RabbitMQ whenever it changes,
        so updating the Secret's ``password``/``passwordHash`` rotates the User's password.

        :schema: UserSpec#importCredentialsSecret
        '''
        result = self._values.get("import_credentials_secret")
        return typing.cast(typing.Optional["UserSpecImportCredentialsSecret"], result)

    @builtins.property
    def limits(self) -> typing.Optional["UserSpecLimits"]:
        '''Limits to apply to a user to restrict the number of connections and channels the user can create.

        These limits can be used as guard rails in environments
        where applications cannot be trusted and monitored in detail, for example,
        when RabbitMQ clusters are offered as a service. See https://www.rabbitmq.com/docs/user-limits.

        :schema: UserSpec#limits
        '''
        result = self._values.get("limits")
        return typing.cast(typing.Optional["UserSpecLimits"], result)

    @builtins.property
    def tags(self) -> typing.Optional[typing.List["UserSpecTags"]]:
        '''List of permissions tags to associate with the user.

        This determines the level of
        access to the RabbitMQ management UI granted to the user. Omitting this field will
        lead to a user than can still connect to the cluster through messaging protocols,
        but cannot perform any management actions.
        For more information, see https://www.rabbitmq.com/management.html#permissions.

        :schema: UserSpec#tags
        '''
        result = self._values.get("tags")
        return typing.cast(typing.Optional[typing.List["UserSpecTags"]], result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "UserSpec(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


@jsii.data_type(
    jsii_type="rabbitmq_users_comrabbitmq.UserSpecImportCredentialsSecret",
    jsii_struct_bases=[],
    name_mapping={"name": "name"},
)
class UserSpecImportCredentialsSecret:
    def __init__(self, *, name: typing.Optional[builtins.str] = None) -> None:
        '''Defines a Secret containing the credentials for the User.

        If this field is omitted, random a username and
        password will be generated. The Secret must have the following keys in its Data field:

        - ``username`` – Must be present or the import will fail.
        - ``passwordHash`` – The SHA-512 hash of the password. If the hash is an empty string, a passwordless user
          will be created. For more information, see https://www.rabbitmq.com/docs/passwords.
        - ``password`` – Plain-text password. Will be used only if the ``passwordHash`` key is missing.

        The Operator watches this Secret and re-syncs the User's credentials to RabbitMQ whenever it changes,
        so updating the Secret's ``password``/``passwordHash`` rotates the User's password.

        :param name: Name of the referent. This field is effectively required, but due to backwards compatibility is allowed to be empty. Instances of this type with an empty value here are almost certainly wrong. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/names/#names

        :schema: UserSpecImportCredentialsSecret
        '''
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__ff1fe130af360af7513636f3dbaea06ed3a448f2050efa0eefd602d62350486a)
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

        :schema: UserSpecImportCredentialsSecret#name
        '''
        result = self._values.get("name")
        return typing.cast(typing.Optional[builtins.str], result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "UserSpecImportCredentialsSecret(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


@jsii.data_type(
    jsii_type="rabbitmq_users_comrabbitmq.UserSpecLimits",
    jsii_struct_bases=[],
    name_mapping={"channels": "channels", "connections": "connections"},
)
class UserSpecLimits:
    def __init__(
        self,
        *,
        channels: typing.Optional[jsii.Number] = None,
        connections: typing.Optional[jsii.Number] = None,
    ) -> None:
        '''Limits to apply to a user to restrict the number of connections and channels the user can create.

        These limits can be used as guard rails in environments
        where applications cannot be trusted and monitored in detail, for example,
        when RabbitMQ clusters are offered as a service. See https://www.rabbitmq.com/docs/user-limits.

        :param channels: Limits how many AMQP 0.9.1 channels the user can open.
        :param connections: Limits how many connections the user can open.

        :schema: UserSpecLimits
        '''
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__9c33cd335f9515d69d650a7f23ed63d1d0c178633cad99262e588780c8b03b6f)
            check_type(argname="argument channels", value=channels, expected_type=type_hints["channels"])
            check_type(argname="argument connections", value=connections, expected_type=type_hints["connections"])
        self._values: typing.Dict[builtins.str, typing.Any] = {}
        if channels is not None:
            self._values["channels"] = channels
        if connections is not None:
            self._values["connections"] = connections

    @builtins.property
    def channels(self) -> typing.Optional[jsii.Number]:
        '''Limits how many AMQP 0.9.1 channels the user can open.

        :schema: UserSpecLimits#channels
        '''
        result = self._values.get("channels")
        return typing.cast(typing.Optional[jsii.Number], result)

    @builtins.property
    def connections(self) -> typing.Optional[jsii.Number]:
        '''Limits how many connections the user can open.

        :schema: UserSpecLimits#connections
        '''
        result = self._values.get("connections")
        return typing.cast(typing.Optional[jsii.Number], result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "UserSpecLimits(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


@jsii.data_type(
    jsii_type="rabbitmq_users_comrabbitmq.UserSpecRabbitmqClusterReference",
    jsii_struct_bases=[],
    name_mapping={
        "connection_secret": "connectionSecret",
        "name": "name",
        "namespace": "namespace",
    },
)
class UserSpecRabbitmqClusterReference:
    def __init__(
        self,
        *,
        connection_secret: typing.Optional[typing.Union["UserSpecRabbitmqClusterReferenceConnectionSecret", typing.Dict[builtins.str, typing.Any]]] = None,
        name: typing.Optional[builtins.str] = None,
        namespace: typing.Optional[builtins.str] = None,
    ) -> None:
        '''Reference to the RabbitmqCluster that the user will be created for.

        This cluster must
        exist for the User object to be created.

        :param connection_secret: Secret contains the http management uri for the RabbitMQ cluster. The Secret must contain the key ``uri``, ``username`` and ``password`` or operator will error. Have to set either name or connectionSecret, but not both.
        :param name: The name of the RabbitMQ cluster to reference. Have to set either name or connectionSecret, but not both.
        :param namespace: The namespace of the RabbitMQ cluster to reference. Defaults to the namespace of the requested resource if omitted. Default: the namespace of the requested resource if omitted.

        :schema: UserSpecRabbitmqClusterReference
        '''
        if isinstance(connection_secret, dict):
            connection_secret = UserSpecRabbitmqClusterReferenceConnectionSecret(**connection_secret)
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__479d37d194bba24af21ca6ba896b2ffad86de25142e44fb8dbc1e6ec43876bfa)
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
    ) -> typing.Optional["UserSpecRabbitmqClusterReferenceConnectionSecret"]:
        '''Secret contains the http management uri for the RabbitMQ cluster.

        The Secret must contain the key ``uri``, ``username`` and ``password`` or operator will error.
        Have to set either name or connectionSecret, but not both.

        :schema: UserSpecRabbitmqClusterReference#connectionSecret
        '''
        result = self._values.get("connection_secret")
        return typing.cast(typing.Optional["UserSpecRabbitmqClusterReferenceConnectionSecret"], result)

    @builtins.property
    def name(self) -> typing.Optional[builtins.str]:
        '''The name of the RabbitMQ cluster to reference.

        Have to set either name or connectionSecret, but not both.

        :schema: UserSpecRabbitmqClusterReference#name
        '''
        result = self._values.get("name")
        return typing.cast(typing.Optional[builtins.str], result)

    @builtins.property
    def namespace(self) -> typing.Optional[builtins.str]:
        '''The namespace of the RabbitMQ cluster to reference.

        Defaults to the namespace of the requested resource if omitted.

        :default: the namespace of the requested resource if omitted.

        :schema: UserSpecRabbitmqClusterReference#namespace
        '''
        result = self._values.get("namespace")
        return typing.cast(typing.Optional[builtins.str], result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "UserSpecRabbitmqClusterReference(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


@jsii.data_type(
    jsii_type="rabbitmq_users_comrabbitmq.UserSpecRabbitmqClusterReferenceConnectionSecret",
    jsii_struct_bases=[],
    name_mapping={"name": "name"},
)
class UserSpecRabbitmqClusterReferenceConnectionSecret:
    def __init__(self, *, name: typing.Optional[builtins.str] = None) -> None:
        '''Secret contains the http management uri for the RabbitMQ cluster.

        The Secret must contain the key ``uri``, ``username`` and ``password`` or operator will error.
        Have to set either name or connectionSecret, but not both.

        :param name: Name of the referent. This field is effectively required, but due to backwards compatibility is allowed to be empty. Instances of this type with an empty value here are almost certainly wrong. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/names/#names

        :schema: UserSpecRabbitmqClusterReferenceConnectionSecret
        '''
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__2d045712be0dbd57b8f5fd2f3f4dbf4999916e73acbb29b5c7b0dd0a5d8ba91b)
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

        :schema: UserSpecRabbitmqClusterReferenceConnectionSecret#name
        '''
        result = self._values.get("name")
        return typing.cast(typing.Optional[builtins.str], result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "UserSpecRabbitmqClusterReferenceConnectionSecret(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


@jsii.enum(jsii_type="rabbitmq_users_comrabbitmq.UserSpecTags")
class UserSpecTags(enum.Enum):
    '''UserTag defines the level of access to the management UI allocated to the user.

    For more information, see https://www.rabbitmq.com/management.html#permissions.

    :schema: UserSpecTags
    '''

    MANAGEMENT = "MANAGEMENT"
    '''management.'''
    POLICYMAKER = "POLICYMAKER"
    '''policymaker.'''
    MONITORING = "MONITORING"
    '''monitoring.'''
    ADMINISTRATOR = "ADMINISTRATOR"
    '''administrator.'''


__all__ = [
    "User",
    "UserProps",
    "UserSpec",
    "UserSpecImportCredentialsSecret",
    "UserSpecLimits",
    "UserSpecRabbitmqClusterReference",
    "UserSpecRabbitmqClusterReferenceConnectionSecret",
    "UserSpecTags",
]

publication.publish()

def _typecheckingstub__98f17211b33c571d4b0e8a87352ad629d9f486bb9c16ba0d8c72fa1327e0fae3(
    scope: _constructs_77d1e7e8.Construct,
    id: builtins.str,
    *,
    metadata: typing.Optional[typing.Union[_cdk8s_d3d9af27.ApiObjectMetadata, typing.Dict[builtins.str, typing.Any]]] = None,
    spec: typing.Optional[typing.Union[UserSpec, typing.Dict[builtins.str, typing.Any]]] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__c79c23cee35ee0d79033db01ec206cc66ee7b4bc9c405f130b8802c1beb38cd1(
    *,
    metadata: typing.Optional[typing.Union[_cdk8s_d3d9af27.ApiObjectMetadata, typing.Dict[builtins.str, typing.Any]]] = None,
    spec: typing.Optional[typing.Union[UserSpec, typing.Dict[builtins.str, typing.Any]]] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__cb1da3b055a48c47cc098a50784aff3baeeea51b9903de4790ec83bcdc7e69d3(
    *,
    rabbitmq_cluster_reference: typing.Union[UserSpecRabbitmqClusterReference, typing.Dict[builtins.str, typing.Any]],
    import_credentials_secret: typing.Optional[typing.Union[UserSpecImportCredentialsSecret, typing.Dict[builtins.str, typing.Any]]] = None,
    limits: typing.Optional[typing.Union[UserSpecLimits, typing.Dict[builtins.str, typing.Any]]] = None,
    tags: typing.Optional[typing.Sequence[UserSpecTags]] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__ff1fe130af360af7513636f3dbaea06ed3a448f2050efa0eefd602d62350486a(
    *,
    name: typing.Optional[builtins.str] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__9c33cd335f9515d69d650a7f23ed63d1d0c178633cad99262e588780c8b03b6f(
    *,
    channels: typing.Optional[jsii.Number] = None,
    connections: typing.Optional[jsii.Number] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__479d37d194bba24af21ca6ba896b2ffad86de25142e44fb8dbc1e6ec43876bfa(
    *,
    connection_secret: typing.Optional[typing.Union[UserSpecRabbitmqClusterReferenceConnectionSecret, typing.Dict[builtins.str, typing.Any]]] = None,
    name: typing.Optional[builtins.str] = None,
    namespace: typing.Optional[builtins.str] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__2d045712be0dbd57b8f5fd2f3f4dbf4999916e73acbb29b5c7b0dd0a5d8ba91b(
    *,
    name: typing.Optional[builtins.str] = None,
) -> None:
    """Type checking stubs"""
    pass
