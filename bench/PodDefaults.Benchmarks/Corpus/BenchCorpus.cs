using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using PodDefaults.Core.Model;

namespace PodDefaults.Benchmarks.Corpus;

/// <summary>
/// The corpus every benchmark and the load test read: AdmissionReviews of notebook pods and the PodDefaults of
/// their namespaces. Deterministic: the same seed gives the same bytes on every machine.
/// </summary>
public static class BenchCorpus
{
    public const int Seed = 6902;

    /// <summary>The namespace of the reviews the suites send (the load test spreads over several).</summary>
    public const string Namespace = "kubeflow-user-example-com";

    /// <summary>
    /// A review of a notebook pod; <paramref name="matching"/> gives it the labels of the matching PodDefaults
    /// (<see cref="Matches"/> of them).
    /// </summary>
    public static byte[] Review(PodSize size, bool matching, string @namespace = Namespace, int index = 0, string? app = null)
    {
        var random = new Random(Seed + index * 31 + (int)size);
        var labels = matching ? PodDefaultObjects.MatchingLabels[..Matches(size)] : [];
        var pod = size == PodSize.Istio
            ? IstioNotebookPod.Create(random, @namespace, index, labels)
            : NotebookPod.Create(random, @namespace, index, containers: (int)size, labels, app);
        var review = AdmissionReviews.Create(random, pod);
        return size == PodSize.Istio ? CompactAsApiServer(review) : Compact(review);
    }

    /// <summary>How many PodDefaults select a matching review of this pod: three, one for the istio pod.</summary>
    public static int Matches(PodSize size) => size == PodSize.Istio ? 1 : PodDefaultObjects.MatchingLabels.Length;

    /// <summary>The PodDefaults of one namespace, parsed as the webhook parses them.</summary>
    public static List<PodDefault> PodDefaults(string @namespace, int count) =>
        [.. PodDefaultObjects.ForNamespace(@namespace, count).Select(Parse)];

    public static PodDefault Parse(JsonObject podDefault)
    {
        using var document = JsonDocument.Parse(Compact(podDefault));
        return PodDefaultParser.Parse(document.RootElement);
    }

    public static byte[] Compact(JsonNode node) => Encoding.UTF8.GetBytes(node.ToJsonString());

    /// <summary>
    /// Compact, with a quote in a string escaped as the API server writes it (<c>\"</c>), not as
    /// System.Text.Json does by default (<c>\u0022</c>, which the notebook pods were measured with).
    /// </summary>
    public static byte[] CompactAsApiServer(JsonNode node)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
            node.WriteTo(writer);
        return buffer.ToArray();
    }
}

/// <summary>
/// The corpus pods: the notebook with 2, 4 or 6 containers (the value; about 5.5, 8.5 and 11.5 KB of review),
/// and the istio-injected notebook with a CREATE's full managedFields (about 11 KB).
/// </summary>
public enum PodSize
{
    Small = 2,
    Medium = 4,
    Large = 6,
    Istio = 101,
}
