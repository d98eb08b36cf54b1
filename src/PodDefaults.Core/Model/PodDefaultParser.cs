using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text.Json;
using PodDefaults.Core.Json;
using PodDefaults.Core.Fields;
using static PodDefaults.Core.Fields.PodDefaultFields;

namespace PodDefaults.Core.Model;

/// <summary>Turns a PodDefault object (as the API server or a file gives it) into a <see cref="PodDefault"/>.</summary>
public static class PodDefaultParser
{
    public const string ApiVersion = "kubeflow.org/v1alpha1";
    public const string Kind = "PodDefault";

    /// <param name="obj">The object, as JSON.</param>
    /// <param name="defaultNamespace">Namespace for an object without one (a file); null when one is required.</param>
    /// <param name="deriveResourceVersion">
    /// Whether an object without <c>metadata.resourceVersion</c> gets one derived from its content (files);
    /// the cluster always sends one.
    /// </param>
    /// <param name="specTypes">
    /// The types the CRD declares for <c>spec</c>, for a source the API server has not validated (files): every
    /// member the engine copies must have them, or the API server could not decode the patched pod.
    /// </param>
    /// <exception cref="PodDefaultFormatException">The object is not a usable PodDefault.</exception>
    public static PodDefault Parse(JsonElement obj, string? defaultNamespace = null, bool deriveResourceVersion = false, SchemaTypes? specTypes = null)
    {
        if (obj.ValueKind != JsonValueKind.Object)
            throw new PodDefaultFormatException("", "expected an object");
        if (JsonDepth.Exceeds(obj, JsonLimits.MaxDepth))
            throw new PodDefaultFormatException("", $"objects and arrays nest deeper than {JsonLimits.MaxDepth} levels");
        if (obj.TryGetProperty("kind", out var kind) && kind.ValueKind == JsonValueKind.String && kind.GetString() != Kind)
            throw new PodDefaultFormatException("/kind", $"expected {Kind}, found \"{kind.GetString()}\"");
        if (!obj.TryGetProperty("metadata", out var metadata) || metadata.ValueKind != JsonValueKind.Object)
            throw new PodDefaultFormatException("/metadata", "metadata is missing");

        var name = OptionalString(metadata, "name") ?? throw new PodDefaultFormatException("/metadata/name", "name is missing");
        var ns = OptionalString(metadata, "namespace") ?? defaultNamespace
            ?? throw new PodDefaultFormatException("/metadata/namespace", "namespace is missing");
        var resourceVersion = OptionalString(metadata, "resourceVersion")
            ?? (deriveResourceVersion ? ContentVersion(obj) : throw new PodDefaultFormatException("/metadata/resourceVersion", "resourceVersion is missing"));

        if (!obj.TryGetProperty("spec", out var spec) || spec.ValueKind == JsonValueKind.Null)
            return new PodDefault(ns, name, resourceVersion, SelectorResult.Invalid("spec is missing"), PodDefaultSpec.Empty);
        if (spec.ValueKind != JsonValueKind.Object)
            throw new PodDefaultFormatException("/spec", "expected an object");
        if (specTypes is not null)
            CheckTypes(spec, specTypes);

        return new PodDefault(ns, name, resourceVersion, SelectorParser.Parse(spec), ParseSpec(spec));
    }

    private static PodDefaultSpec ParseSpec(JsonElement spec)
    {
        var reader = new SpecMemberReader(spec);
        var items = new ImmutableArray<JsonItem>[PodDefaultFields.All.Length];
        ImmutableArray<QuantityItem> limits = [], requests = [];
        foreach (var field in PodDefaultFields.All)
        {
            if (field.Kind == FieldKind.Resources)
            {
                limits = reader.Quantities(field.Name, "limits");
                requests = reader.Quantities(field.Name, "requests");
            }
            items[field.Index] = Read(reader, field);
        }
        return new PodDefaultSpec(items, limits, requests);
    }

    /// <summary>The field's items, as its kind reads them (a scalar as one item).</summary>
    private static ImmutableArray<JsonItem> Read(SpecMemberReader reader, PodDefaultField field) => field.Kind switch
    {
        FieldKind.KeyedList => reader.KeyedList(field.Name, field.Key!),
        FieldKind.UnkeyedList => reader.UnkeyedList(field.Name),
        FieldKind.StringMap => reader.StringMap(field.Name),
        FieldKind.ObjectMembers => reader.Members(field.Name),
        FieldKind.FirstWinsStringList => One(reader.StringList(field.Name)),
        FieldKind.LastWinsString => One(reader.String(field.Name)),
        FieldKind.LastWinsBoolean => One(reader.Boolean(field.Name)),
        FieldKind.Resources => [], // as quantities: see ParseSpec
        _ => throw new InvalidOperationException($"no reader for {field.Kind}"),
    };

    private static ImmutableArray<JsonItem> One(JsonItem? item) => item is null ? [] : [item];

    private static void CheckTypes(JsonElement spec, SchemaTypes specTypes)
    {
        foreach (var member in spec.EnumerateObject())
        {
            // Not copied: a selector of the wrong type is unusable, and skipped with a warning like any invalid one.
            if (member.Name is Selector or Desc)
                continue;
            specTypes.Member(member.Name)?.Check(member.Value, "/spec/" + JsonPointerText.Escape(member.Name), member.Name);
        }
    }

    private static string? OptionalString(JsonElement obj, string member) =>
        obj.TryGetProperty(member, out var value) && value.ValueKind == JsonValueKind.String && value.GetString()!.Length > 0
            ? value.GetString()
            : null;

    /// <summary>A stable stand-in for <c>resourceVersion</c>: the same content always gives the same marker value.</summary>
    private static string ContentVersion(JsonElement obj)
    {
        var json = JsonSerializer.SerializeToUtf8Bytes(obj, CoreJsonContext.Default.JsonElement);
        return "sha256-" + Convert.ToHexStringLower(SHA256.HashData(json), 0, 8);
    }
}
