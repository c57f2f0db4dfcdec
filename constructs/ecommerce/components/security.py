"""Pod and container security contexts: the Pod Security Standards "restricted" profile and
beyond, written once for every workload the platform runs."""

from __future__ import annotations

from cdk8s_plus_27 import k8s

# Above 10000 so that a process escaping its container maps to no user of the host.
APP_UID = 10001
RUNTIME_DEFAULT = k8s.SeccompProfile(type="RuntimeDefault")


def pod_security_context(
    uid: int = APP_UID, fs_group: int | None = None, fs_group_change_policy: str = "OnRootMismatch"
) -> k8s.PodSecurityContext:
    """Runs the pod as `uid`; volumes belong to `fs_group` (by default the same id)."""
    return k8s.PodSecurityContext(
        run_as_non_root=True,
        run_as_user=uid,
        run_as_group=uid,
        fs_group=uid if fs_group is None else fs_group,
        fs_group_change_policy=fs_group_change_policy,
        seccomp_profile=RUNTIME_DEFAULT,
    )


def container_security_context(uid: int = APP_UID) -> k8s.SecurityContext:
    return k8s.SecurityContext(
        allow_privilege_escalation=False,
        privileged=False,
        read_only_root_filesystem=True,
        run_as_non_root=True,
        run_as_user=uid,
        run_as_group=uid,
        capabilities=k8s.Capabilities(drop=["ALL"]),
        seccomp_profile=RUNTIME_DEFAULT,
    )
