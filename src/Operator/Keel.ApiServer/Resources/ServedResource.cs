using Keel.ApiServer.Admission;
using Keel.ApiServer.Tables;

namespace Keel.ApiServer.Resources;

/// <summary>
/// A resource as the server serves it at one version: its definition plus the per-resource machinery
/// built from it (admission, merge topology for apply and strategic merge, the table converter).
/// </summary>
public sealed class ServedResource
{
    public ServedResource(ResourceDefinition definition, IObjectAdmission admission, IFieldManagement fields, bool isCustomResource)
    {
        Definition = definition;
        Admission = admission;
        Fields = fields;
        IsCustomResource = isCustomResource;
        Table = new TableConverter(definition);
    }

    public ResourceDefinition Definition { get; }
    public IObjectAdmission Admission { get; }
    public IFieldManagement Fields { get; }
    public bool IsCustomResource { get; }
    public TableConverter Table { get; }

    public GroupResource GroupResource => Definition.GroupResource;
    public GroupVersionKind Kind => Definition.GroupVersionKind;
    public bool Namespaced => Definition.Namespaced;
}
