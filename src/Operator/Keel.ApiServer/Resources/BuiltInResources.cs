using Keel.ApiServer.Operations;

namespace Keel.ApiServer.Resources;

/// <summary>The built-in kinds the operator, its tests and kubectl use.</summary>
public static class BuiltInResources
{
    private static readonly IReadOnlyList<string> EventFields =
    [
        "involvedObject.kind", "involvedObject.namespace", "involvedObject.name", "involvedObject.uid",
        "involvedObject.apiVersion", "involvedObject.resourceVersion", "involvedObject.fieldPath",
        "reason", "reportingComponent", "source", "type",
    ];

    public static IReadOnlyList<ResourceDefinition> All { get; } =
    [
        new()
        {
            Group = "", Version = "v1", Kind = "Namespace", Plural = "namespaces", Namespaced = false, ShortNames = ["ns"],
            HasStatusSubresource = true, NameRule = NameRule.Dns1123Label, Columns = BuiltInColumns.Namespace,
            PrepareForCreate = BuiltInDefaults.Namespace, PrepareForDelete = BuiltInDefaults.NamespaceTerminating,
            HasPendingSpecFinalizers = BuiltInDefaults.NamespaceHasSpecFinalizers, Validate = BuiltInValidation.Namespace,
            SelectableFields = ["status.phase"], ExtraSubresources = ["finalize"],
        },
        new()
        {
            Group = "", Version = "v1", Kind = "ConfigMap", Plural = "configmaps", Namespaced = true, ShortNames = ["cm"],
            Columns = BuiltInColumns.ConfigMap,
        },
        new()
        {
            Group = "", Version = "v1", Kind = "Secret", Plural = "secrets", Namespaced = true,
            Columns = BuiltInColumns.Secret, Validate = BuiltInValidation.Secret, SelectableFields = ["type"],
        },
        new()
        {
            Group = "", Version = "v1", Kind = "Service", Plural = "services", Namespaced = true, ShortNames = ["svc"],
            Categories = ["all"], HasStatusSubresource = true, NameRule = NameRule.Dns1035Label,
            Columns = BuiltInColumns.Service, PrepareForCreate = BuiltInDefaults.Service,
        },
        new()
        {
            Group = "", Version = "v1", Kind = "ServiceAccount", Plural = "serviceaccounts", Namespaced = true, ShortNames = ["sa"],
            Columns = BuiltInColumns.ServiceAccount,
        },
        new()
        {
            Group = "", Version = "v1", Kind = "Event", Plural = "events", Namespaced = true, ShortNames = ["ev"],
            AllowCreateOnUpdate = true, Columns = BuiltInColumns.Event, SelectableFields = EventFields,
        },
        new()
        {
            Group = "", Version = "v1", Kind = "Pod", Plural = "pods", Namespaced = true, ShortNames = ["po"], Categories = ["all"],
            HasStatusSubresource = true, Columns = BuiltInColumns.Pod, PrepareForCreate = BuiltInDefaults.Pod,
            SelectableFields = ["spec.nodeName", "spec.restartPolicy", "spec.schedulerName", "spec.serviceAccountName", "status.phase", "status.podIP", "status.nominatedNodeName"],
        },
        new()
        {
            Group = "apps", Version = "v1", Kind = "Deployment", Plural = "deployments", Namespaced = true, ShortNames = ["deploy"],
            Categories = ["all"], HasStatusSubresource = true, GenerationFields = GenerationTracking.Spec, AnnotationsBumpGeneration = true,
            Columns = BuiltInColumns.Deployment, PrepareForCreate = BuiltInDefaults.Deployment, Validate = BuiltInValidation.Deployment,
            Scale = new ScaleSubresource(".spec.replicas", ".status.replicas", null),
        },
        new()
        {
            Group = "events.k8s.io", Version = "v1", Kind = "Event", Plural = "events", Namespaced = true, ShortNames = ["ev"],
            AllowCreateOnUpdate = true, Columns = BuiltInColumns.EventsV1,
        },
        new()
        {
            Group = "rbac.authorization.k8s.io", Version = "v1", Kind = "Role", Plural = "roles", Namespaced = true,
            NameRule = NameRule.PathSegment, Columns = BuiltInColumns.Role,
        },
        new()
        {
            Group = "rbac.authorization.k8s.io", Version = "v1", Kind = "RoleBinding", Plural = "rolebindings", Namespaced = true,
            NameRule = NameRule.PathSegment, Columns = BuiltInColumns.Binding, Validate = BuiltInValidation.Binding,
        },
        new()
        {
            Group = "rbac.authorization.k8s.io", Version = "v1", Kind = "ClusterRole", Plural = "clusterroles", Namespaced = false,
            NameRule = NameRule.PathSegment, Columns = BuiltInColumns.Role,
        },
        new()
        {
            Group = "rbac.authorization.k8s.io", Version = "v1", Kind = "ClusterRoleBinding", Plural = "clusterrolebindings", Namespaced = false,
            NameRule = NameRule.PathSegment, Columns = BuiltInColumns.Binding, Validate = BuiltInValidation.Binding,
        },
        new()
        {
            Group = "coordination.k8s.io", Version = "v1", Kind = "Lease", Plural = "leases", Namespaced = true,
            AllowCreateOnUpdate = true, Columns = BuiltInColumns.Lease,
        },
        new()
        {
            Group = "apiextensions.k8s.io", Version = "v1", Kind = "CustomResourceDefinition", Plural = "customresourcedefinitions",
            Namespaced = false, ShortNames = ["crd", "crds"], Categories = ["api-extensions"], HasStatusSubresource = true,
            GenerationFields = GenerationTracking.Spec, Columns = BuiltInColumns.CustomResourceDefinition,
            PrepareForDelete = BuiltInDefaults.CustomResourceDefinitionCleanupFinalizer, Validate = Crds.CrdAdmission.Validate,
        },
    ];
}
