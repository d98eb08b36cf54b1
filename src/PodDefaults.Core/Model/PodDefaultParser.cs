using System.Security.Cryptography;
using System.Text.Json;
using PodDefaults.Core.Json;
using static PodDefaults.Core.Model.PodDefaultSpecFields;

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
        return new PodDefaultSpec
        {
            Env = reader.KeyedList(Env, "name"),
            EnvFrom = reader.UnkeyedList(EnvFrom),
            Volumes = reader.KeyedList(Volumes, "name"),
            VolumeMounts = reader.KeyedList(VolumeMounts, "mountPath"),
            Tolerations = reader.UnkeyedList(Tolerations),
            InitContainers = reader.KeyedList(InitContainers, "name"),
            Sidecars = reader.KeyedList(Sidecars, "name"),
            ImagePullSecrets = reader.KeyedList(ImagePullSecrets, "name"),
            Labels = reader.StringMap(Labels),
            Annotations = reader.StringMap(Annotations),
            NodeSelector = reader.StringMap(NodeSelector),
            SecurityContext = reader.Members(SecurityContext),
            Affinity = reader.Members(Affinity),
            Limits = reader.Quantities("limits"),
            Requests = reader.Quantities("requests"),
            Command = reader.StringList(Command),
            Args = reader.StringList(Args),
            ServiceAccountName = reader.String(ServiceAccountName),
            AutomountServiceAccountToken = reader.Boolean(AutomountServiceAccountToken),
        };
    }

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
