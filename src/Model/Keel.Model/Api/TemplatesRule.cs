namespace Keel.Model.Api;

/// <summary>The CEL rule that keeps <see cref="BaseConfigSpec.Templates"/> keys known and distinct from the typed parts.</summary>
internal static class TemplatesRule
{
    public const string Rule =
        "!has(self.templates) || self.templates.all(k, "
        + "k in ['configMaps', 'prefillDeployment', 'decodeDeployment', 'eppDeployment', 'prefillService', "
        + "'decodeService', 'eppService', 'httpRoute', 'inferencePool', 'inferenceObjective', 'inferenceModel'] && "
        + "!(k == 'configMaps' && has(self.configMaps)) && "
        + "!(k == 'prefillDeployment' && has(self.prefillDeployment)) && "
        + "!(k == 'decodeDeployment' && has(self.decodeDeployment)) && "
        + "!(k == 'eppDeployment' && has(self.eppDeployment)) && "
        + "!(k == 'prefillService' && has(self.prefillService)) && "
        + "!(k == 'decodeService' && has(self.decodeService)) && "
        + "!(k == 'eppService' && has(self.eppService)) && "
        + "!(k == 'httpRoute' && has(self.httpRoute)) && "
        + "!(k == 'inferencePool' && has(self.inferencePool)) && "
        + "!(k == 'inferenceObjective' && has(self.inferenceObjective)))";

    public const string Message =
        "templates keys must be part names (configMaps, prefillDeployment, decodeDeployment, eppDeployment, "
        + "prefillService, decodeService, eppService, httpRoute, inferencePool, inferenceObjective, or the legacy inferenceModel), "
        + "each given either in templates or as a typed field, not both";
}
