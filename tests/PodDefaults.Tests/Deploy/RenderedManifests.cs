using System.Text.Json.Nodes;
using PodDefaults.Tests.TestSupport;
using Xunit.Sdk;

namespace PodDefaults.Tests.Deploy;

/// <summary>The objects one kustomization renders to.</summary>
internal sealed class RenderedManifests(IReadOnlyList<JsonObject> objects)
{
    public const string BaseDirectory = "deploy/manifests";
    public const string CertManagerDirectory = "deploy/manifests/overlays/cert-manager";

    private static readonly Lazy<RenderedManifests> BaseRendering = new(() => Render(BaseDirectory));
    private static readonly Lazy<RenderedManifests> CertManagerRendering = new(() => Render(CertManagerDirectory));

    public static RenderedManifests Base => BaseRendering.Value;

    public static RenderedManifests CertManager => CertManagerRendering.Value;

    public static RenderedManifests Of(string directory) => directory switch
    {
        BaseDirectory => Base,
        CertManagerDirectory => CertManager,
        _ => throw new ArgumentOutOfRangeException(nameof(directory), directory, "not a kustomization of deploy/"),
    };

    public IReadOnlyList<JsonObject> Objects { get; } = objects;

    public IEnumerable<JsonObject> OfKind(string kind) =>
        Objects.Where(o => (string?)o["kind"] == kind);

    public JsonObject Single(string kind, string name)
    {
        var matches = OfKind(kind).Where(o => (string?)o["metadata"]?["name"] == name).ToList();
        return matches.Count == 1
            ? matches[0]
            : throw new XunitException($"Expected one {kind} named {name}, found {matches.Count}.");
    }

    public JsonObject Single(string kind)
    {
        var matches = OfKind(kind).ToList();
        return matches.Count == 1
            ? matches[0]
            : throw new XunitException($"Expected one {kind}, found {matches.Count}.");
    }

    public static RenderedManifests Render(string directory) =>
        new([.. TestYaml.Documents(Kustomize.Render(directory)).Select(document =>
            document as JsonObject ?? throw new XunitException($"{directory} rendered a document that is not an object."))]);
}
