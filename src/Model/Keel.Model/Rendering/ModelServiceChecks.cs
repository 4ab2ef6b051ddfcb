using Keel.Model.Api;

namespace Keel.Model.Rendering;

/// <summary>
/// What the render needs of a ModelService before it can start. The CRD rejects most of this at admission; the
/// render checks again because it also reads files (the render command) and must never fail with an exception.
/// </summary>
internal static class ModelServiceChecks
{
    /// <summary>False when the ModelService cannot be rendered at all (errors added).</summary>
    public static bool Check(ModelService modelService, DiagnosticBag diagnostics)
    {
        var ok = true;
        void Error(string field, string message)
        {
            diagnostics.Error(RenderReasons.InvalidModelService, $"ModelService field {field}: {message}", field);
            ok = false;
        }

        if (string.IsNullOrEmpty(modelService.Metadata?.Name))
        {
            Error("metadata.name", "a ModelService needs a name");
        }

        var spec = modelService.Spec;
        if (spec is null)
        {
            Error("spec", "a ModelService needs a spec");
            return false;
        }

        if (spec.Routing is null)
        {
            Error("spec.routing", "required (at least routing.modelName)");
        }
        else
        {
            if (spec.Routing.ModelName is null)
            {
                Error("spec.routing.modelName", "required: the model name clients ask for");
            }

            var names = new HashSet<string>(StringComparer.Ordinal);
            for (var i = 0; i < (spec.Routing.Ports?.Count ?? 0); i++)
            {
                var port = spec.Routing.Ports![i];
                if (port is null || string.IsNullOrEmpty(port.Name))
                {
                    Error($"spec.routing.ports[{i}].name", "a routing port needs a name");
                }
                else if (!names.Add(port.Name))
                {
                    Error($"spec.routing.ports[{i}].name", $"port name \"{port.Name}\" is used twice; getPort needs unique names");
                }
            }

            for (var i = 0; i < (spec.Routing.GatewayRefs?.Count ?? 0); i++)
            {
                if (spec.Routing.GatewayRefs![i] is not { Name.Length: > 0 })
                {
                    Error($"spec.routing.gatewayRefs[{i}].name", "a gateway reference needs a name");
                }
            }
        }

        if (spec.ModelArtifacts is null)
        {
            Error("spec.modelArtifacts", "required (at least modelArtifacts.uri)");
        }

        CheckReplicas(spec.Decode?.Replicas, "spec.decode.replicas", Error);
        CheckReplicas(spec.Prefill?.Replicas, "spec.prefill.replicas", Error);
        CheckReplicas(spec.EndpointPicker?.Replicas, "spec.endpointPicker.replicas", Error);
        return ok;
    }

    private static void CheckReplicas(int? replicas, string field, Action<string, string> error)
    {
        if (replicas is < 0)
        {
            error(field, "must be 0 or more");
        }
    }
}
