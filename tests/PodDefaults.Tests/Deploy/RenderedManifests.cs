using System.Collections.Concurrent;
using Xunit.Sdk;

namespace PodDefaults.Tests.Deploy;

/// <summary>The objects one kustomization renders to.</summary>
internal sealed class RenderedManifests(string text, IReadOnlyList<JsonObject> objects)
{
    public const string BaseDirectory = "deploy/manifests";
    public const string CertManagerDirectory = "deploy/manifests/overlays/cert-manager";
    public const string KubeflowDirectory = "deploy/manifests/overlays/kubeflow";
    public const string AllNamespacesDirectory = "deploy/manifests/overlays/all-namespaces";

    /// <summary>The monitoring objects, installed beside any of the above (no webhook objects of its own).</summary>
    public const string PrometheusDirectory = "deploy/manifests/overlays/prometheus";

    /// <summary>Overlays an SRE would write to install into namespace platform-webhooks (Deploy/Overlays/).</summary>
    public const string MovedBaseDirectory = "tests/PodDefaults.Tests/Deploy/Overlays/platform-webhooks-base";
    public const string MovedCertManagerDirectory = "tests/PodDefaults.Tests/Deploy/Overlays/platform-webhooks-cert-manager";
    public const string MovedPrometheusDirectory = "tests/PodDefaults.Tests/Deploy/Overlays/platform-webhooks-prometheus";

    /// <summary>Every kustomization the repository ships.</summary>
    public static readonly string[] Shipped = [BaseDirectory, CertManagerDirectory, KubeflowDirectory, AllNamespacesDirectory];

    /// <summary>The shipped ones and the namespace overrides over them.</summary>
    public static readonly string[] Variants = [.. Shipped, MovedBaseDirectory, MovedCertManagerDirectory];

    private static readonly ConcurrentDictionary<string, Lazy<RenderedManifests>> Renderings = new();

    public static RenderedManifests Base => Of(BaseDirectory);

    public static RenderedManifests CertManager => Of(CertManagerDirectory);

    public static RenderedManifests Of(string directory) =>
        Renderings.GetOrAdd(directory, d => new(() => Render(d))).Value;

    /// <summary>The text <c>kubectl kustomize</c> printed.</summary>
    public string Text { get; } = text;

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

    public static RenderedManifests Render(string directory)
    {
        var text = Kustomize.Render(directory);
        return new(text, [.. TestYaml.Documents(text).Select(document =>
            document as JsonObject ?? throw new XunitException($"{directory} rendered a document that is not an object."))]);
    }
}
