using System.Text.Json;
using PodDefaults.Core.Model;
using PodDefaults.Webhook.Yaml;

namespace PodDefaults.Webhook.Sources.Files;

/// <summary>
/// The types the PodDefault CRD declares for <c>spec</c>, read from the CRD the install applies
/// (deploy/manifests/base/crd.yaml, built into the binary), so that a file is held to the schema
/// <c>kubectl apply</c> would meet and the two cannot drift.
/// </summary>
internal static class CrdSpecTypes
{
    private const string ResourceName = "PodDefaults.Crd.yaml";

    private static readonly Lazy<SchemaTypes> Loaded = new(Load);

    public static SchemaTypes Spec => Loaded.Value;

    private static SchemaTypes Load()
    {
        using var stream = typeof(CrdSpecTypes).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"the binary lacks its resource {ResourceName}");
        using var reader = new StreamReader(stream);
        var crd = YamlToJson.Convert(reader).Single();
        using var json = JsonDocument.Parse(crd.Json);
        var version = json.RootElement.GetProperty("spec").GetProperty("versions").EnumerateArray()
            .Single(v => v.GetProperty("name").GetString() == "v1alpha1");
        return SchemaTypes.Of(version.GetProperty("schema").GetProperty("openAPIV3Schema").GetProperty("properties").GetProperty("spec"));
    }
}
