namespace Keel.Model.Naming;

/// <summary>The names of a ModelService's children (spec 5.1), each made valid by <see cref="KubernetesNames.ChildName"/>.</summary>
public sealed record ChildNames(
    string DecodeDeployment,
    string PrefillDeployment,
    string DecodeService,
    string PrefillService,
    string EppDeployment,
    string EppService,
    string WorkloadServiceAccount,
    string EppServiceAccount,
    string EppRoleBinding,
    string InferencePool,
    string HttpRoute,
    string InferenceModel,
    string InferenceObjective)
{
    public static ChildNames For(string modelServiceName) => new(
        DecodeDeployment: KubernetesNames.ChildName(modelServiceName, "-decode"),
        PrefillDeployment: KubernetesNames.ChildName(modelServiceName, "-prefill"),
        DecodeService: KubernetesNames.ChildName(modelServiceName, "-service-decode"),
        PrefillService: KubernetesNames.ChildName(modelServiceName, "-service-prefill"),
        EppDeployment: KubernetesNames.ChildName(modelServiceName, "-epp"),
        EppService: KubernetesNames.ChildName(modelServiceName, "-epp-service"),
        WorkloadServiceAccount: KubernetesNames.ChildName(modelServiceName, "-sa"),
        EppServiceAccount: KubernetesNames.ChildName(modelServiceName, "-epp-sa"),
        EppRoleBinding: KubernetesNames.ChildName(modelServiceName, "-epp-rolebinding"),
        InferencePool: KubernetesNames.ChildName(modelServiceName, "-inference-pool"),
        HttpRoute: KubernetesNames.ChildName(modelServiceName, "-http-route"),
        InferenceModel: KubernetesNames.ChildName(modelServiceName, string.Empty),
        InferenceObjective: KubernetesNames.ChildName(modelServiceName, string.Empty));
}
