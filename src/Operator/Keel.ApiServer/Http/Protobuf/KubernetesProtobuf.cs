using System.Text.Json.Nodes;
using Google.Protobuf;

namespace Keel.ApiServer.Http.Protobuf;

/// <summary>
/// Decodes the protobuf request bodies kubectl's typed generators send (<c>kubectl create namespace</c>,
/// <c>create configmap</c>, <c>create secret</c>, <c>create serviceaccount</c>, and the reviews
/// <c>kubectl auth can-i</c> and <c>whoami</c> send) into JSON objects. The wire format is the <c>k8s\0</c>
/// magic followed by a <c>runtime.Unknown</c> envelope around the object; field numbers follow the published
/// <c>generated.proto</c> files. Other kinds answer 415 (their schemas are not here).
/// </summary>
public static class KubernetesProtobuf
{
    private static readonly byte[] Magic = [0x6b, 0x38, 0x73, 0x00];

    // CodedInputStream keeps its last tag to itself; remember the field number each stream is positioned on.
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<CodedInputStream, System.Runtime.CompilerServices.StrongBox<int>> CurrentField = [];

    public static bool TryDecode(ReadOnlySpan<byte> body, out JsonObject? obj)
    {
        obj = null;
        if (!body.StartsWith(Magic))
        {
            return false;
        }

        string apiVersion = "", kind = "";
        ByteString raw = ByteString.Empty;
        var input = new CodedInputStream(body[Magic.Length..].ToArray());
        uint tag;
        while ((tag = input.ReadTag()) != 0)
        {
            switch (WireFormat.GetTagFieldNumber(tag))
            {
                case 1:
                    var typeMeta = new CodedInputStream(input.ReadBytes().ToByteArray());
                    uint t;
                    while ((t = typeMeta.ReadTag()) != 0)
                    {
                        switch (WireFormat.GetTagFieldNumber(t))
                        {
                            case 1: apiVersion = typeMeta.ReadString(); break;
                            case 2: kind = typeMeta.ReadString(); break;
                            default: typeMeta.SkipLastField(); break;
                        }
                    }

                    break;
                case 2:
                    raw = input.ReadBytes();
                    break;
                default:
                    input.SkipLastField();
                    break;
            }
        }

        var decoder = (apiVersion, kind) switch
        {
            ("v1", "Namespace") => (Func<CodedInputStream, JsonObject, bool>)Namespace,
            ("v1", "ConfigMap") => ConfigMap,
            ("v1", "Secret") => Secret,
            ("v1", "ServiceAccount") => ServiceAccount,
            ("authorization.k8s.io/v1", "SelfSubjectAccessReview") => SelfSubjectAccessReview,
            ("authorization.k8s.io/v1", "SelfSubjectRulesReview") => SelfSubjectRulesReview,
            ("authentication.k8s.io/v1", "SelfSubjectReview") => Metadata,
            _ => null,
        };
        if (decoder is null)
        {
            return false;
        }

        var result = new JsonObject { ["apiVersion"] = apiVersion, ["kind"] = kind };
        Read(new CodedInputStream(raw.ToByteArray()), field => decoder(field, result));
        obj = result;
        return true;
    }

    /// <summary>Reads every field of a message; <paramref name="handle"/> returns false for fields it does not know (skipped).</summary>
    private static void Read(CodedInputStream input, Func<CodedInputStream, bool> handle)
    {
        var current = CurrentField.GetOrCreateValue(input);
        uint tag;
        while ((tag = input.ReadTag()) != 0)
        {
            current.Value = WireFormat.GetTagFieldNumber(tag);
            if (!handle(input))
            {
                input.SkipLastField();
            }
        }
    }

    private static int Field(CodedInputStream input) => CurrentField.TryGetValue(input, out var box) ? box.Value : 0;

    private static CodedInputStream Nested(CodedInputStream input) => new(input.ReadBytes().ToByteArray());

    private static bool Metadata(CodedInputStream input, JsonObject obj)
    {
        if (Field(input) != 1)
        {
            return false;
        }

        var meta = new JsonObject();
        Read(Nested(input), m =>
        {
            switch (Field(m))
            {
                case 1: SetIfNotEmpty(meta, "name", m.ReadString()); return true;
                case 2: SetIfNotEmpty(meta, "generateName", m.ReadString()); return true;
                case 3: SetIfNotEmpty(meta, "namespace", m.ReadString()); return true;
                case 11: AddMapEntry(m, Child(meta, "labels")); return true;
                case 12: AddMapEntry(m, Child(meta, "annotations")); return true;
                case 13: OwnerReference(m, meta); return true;
                case 14: Array(meta, "finalizers").Add(m.ReadString()); return true;
                default: return false;
            }
        });
        obj["metadata"] = meta;
        return true;
    }

    private static void OwnerReference(CodedInputStream input, JsonObject meta)
    {
        var reference = new JsonObject();
        Read(Nested(input), r =>
        {
            switch (Field(r))
            {
                case 1: reference["kind"] = r.ReadString(); return true;
                case 3: reference["name"] = r.ReadString(); return true;
                case 4: reference["uid"] = r.ReadString(); return true;
                case 5: reference["apiVersion"] = r.ReadString(); return true;
                case 6: reference["controller"] = r.ReadBool(); return true;
                case 7: reference["blockOwnerDeletion"] = r.ReadBool(); return true;
                default: return false;
            }
        });
        Array(meta, "ownerReferences").Add(reference);
    }

    private static bool Namespace(CodedInputStream input, JsonObject obj)
    {
        if (Metadata(input, obj))
        {
            return true;
        }

        if (Field(input) != 2)
        {
            return false;
        }

        var spec = Child(obj, "spec");
        Read(Nested(input), s =>
        {
            if (Field(s) != 1)
            {
                return false;
            }

            Array(spec, "finalizers").Add(s.ReadString());
            return true;
        });
        return true;
    }

    private static bool ConfigMap(CodedInputStream input, JsonObject obj)
    {
        switch (Field(input))
        {
            case 1: return Metadata(input, obj);
            case 2: AddMapEntry(input, Child(obj, "data")); return true;
            case 3: AddMapEntry(input, Child(obj, "binaryData"), base64Values: true); return true;
            case 4: obj["immutable"] = input.ReadBool(); return true;
            default: return false;
        }
    }

    private static bool Secret(CodedInputStream input, JsonObject obj)
    {
        switch (Field(input))
        {
            case 1: return Metadata(input, obj);
            case 2: AddMapEntry(input, Child(obj, "data"), base64Values: true); return true;
            case 3: SetIfNotEmpty(obj, "type", input.ReadString()); return true;
            case 4: AddMapEntry(input, Child(obj, "stringData")); return true;
            case 5: obj["immutable"] = input.ReadBool(); return true;
            default: return false;
        }
    }

    private static bool ServiceAccount(CodedInputStream input, JsonObject obj)
    {
        switch (Field(input))
        {
            case 1: return Metadata(input, obj);
            case 3:
                var reference = new JsonObject();
                Read(Nested(input), r =>
                {
                    if (Field(r) != 1)
                    {
                        return false;
                    }

                    reference["name"] = r.ReadString();
                    return true;
                });
                Array(obj, "imagePullSecrets").Add(reference);
                return true;
            case 4: obj["automountServiceAccountToken"] = input.ReadBool(); return true;
            default: return false;
        }
    }

    private static bool SelfSubjectAccessReview(CodedInputStream input, JsonObject obj)
    {
        if (Metadata(input, obj))
        {
            return true;
        }

        if (Field(input) != 2)
        {
            return false;
        }

        var spec = Child(obj, "spec");
        Read(Nested(input), s =>
        {
            switch (Field(s))
            {
                case 1:
                    spec["resourceAttributes"] = Strings(s, "namespace", "verb", "group", "version", "resource", "subresource", "name");
                    return true;
                case 2:
                    spec["nonResourceAttributes"] = Strings(s, "path", "verb");
                    return true;
                default:
                    return false;
            }
        });
        return true;
    }

    private static bool SelfSubjectRulesReview(CodedInputStream input, JsonObject obj)
    {
        if (Metadata(input, obj))
        {
            return true;
        }

        if (Field(input) != 2)
        {
            return false;
        }

        obj["spec"] = Strings(input, "namespace");
        return true;
    }

    /// <summary>A nested message of string fields numbered 1, 2, … in the order of <paramref name="names"/> (others skipped).</summary>
    private static JsonObject Strings(CodedInputStream input, params string[] names)
    {
        var result = new JsonObject();
        Read(Nested(input), m =>
        {
            var index = Field(m) - 1;
            if (index < 0 || index >= names.Length)
            {
                return false;
            }

            SetIfNotEmpty(result, names[index], m.ReadString());
            return true;
        });
        return result;
    }

    /// <summary>
    /// Go's protobuf marshalling writes every non-pointer string, empty or not, where its JSON encoding
    /// omits empty ones (<c>omitempty</c>); an empty <c>generateName</c> must not become a stored, managed field.
    /// </summary>
    private static void SetIfNotEmpty(JsonObject obj, string name, string value)
    {
        if (value.Length > 0)
        {
            obj[name] = value;
        }
    }

    /// <summary>A map entry is a nested message with the key in field 1 and the value in field 2.</summary>
    private static void AddMapEntry(CodedInputStream input, JsonObject map, bool base64Values = false)
    {
        string key = "", value = "";
        Read(Nested(input), e =>
        {
            switch (Field(e))
            {
                case 1: key = e.ReadString(); return true;
                case 2: value = base64Values ? e.ReadBytes().ToBase64() : e.ReadString(); return true;
                default: return false;
            }
        });
        map[key] = value;
    }

    private static JsonObject Child(JsonObject parent, string name)
    {
        if (parent[name] is JsonObject existing)
        {
            return existing;
        }

        var created = new JsonObject();
        parent[name] = created;
        return created;
    }

    private static JsonArray Array(JsonObject parent, string name)
    {
        if (parent[name] is JsonArray existing)
        {
            return existing;
        }

        var created = new JsonArray();
        parent[name] = created;
        return created;
    }
}
