using System.Text.Json.Nodes;

namespace PodDefaults.Benchmarks.Corpus;

/// <summary>
/// Writes what the load test sends and serves (loadtest/README.md): review bodies of every corpus size, each
/// selected by three PodDefaults, and one file of 1,000 PodDefaults in 20 namespaces for <c>serve --defaults</c>.
/// </summary>
public static class LoadTestCorpus
{
    public const int Namespaces = 20;
    public const int PerNamespace = 50;

    public static void Write(string directory)
    {
        Directory.CreateDirectory(directory);
        var items = new JsonArray();
        for (var n = 0; n < Namespaces; n++)
        {
            foreach (var podDefault in PodDefaultObjects.ForNamespace(NamespaceName(n), PerNamespace))
                items.Add((JsonNode)podDefault);
        }
        var list = new JsonObject { ["apiVersion"] = "v1", ["kind"] = "List", ["items"] = items };
        File.WriteAllBytes(Path.Combine(directory, "poddefaults.json"), BenchCorpus.Compact(list));

        for (var i = 0; i < 8; i++)
        {
            var size = NotebookSizes[i % NotebookSizes.Length];
            var body = BenchCorpus.Review(size, matching: true, NamespaceName(i % Namespaces), index: i);
            File.WriteAllBytes(Path.Combine(directory, $"review-{i}-{size.ToString().ToLowerInvariant()}.json"), body);
        }
        File.WriteAllBytes(Path.Combine(directory, "nomatch-medium.json"), BenchCorpus.Review(PodSize.Medium, matching: false, NamespaceName(0), index: 99));
        // The istio-injected pod with a CREATE's managedFields, selected by one PodDefault and by none (the shapes of issue 11).
        File.WriteAllBytes(Path.Combine(directory, "istio-match.json"), BenchCorpus.Review(PodSize.Istio, matching: true, NamespaceName(0)));
        File.WriteAllBytes(Path.Combine(directory, "istio-nomatch.json"), BenchCorpus.Review(PodSize.Istio, matching: false, NamespaceName(0)));
        Console.WriteLine($"corpus: {Namespaces * PerNamespace} PodDefaults and 11 review bodies in {directory}");
    }

    /// <summary>
    /// Review bodies for the churn scenario, where the PodDefaults come from the stand-in API server
    /// (<c>ns-{i % namespaces}/pd-{i}</c>, each selecting <c>app=app-{i % 7}</c>): each pod carries one of those.
    /// </summary>
    public static void WriteForStandIn(string directory, int namespaces)
    {
        Directory.CreateDirectory(directory);
        for (var i = 0; i < 8; i++)
        {
            var size = NotebookSizes[i % NotebookSizes.Length];
            var body = BenchCorpus.Review(size, matching: false, $"ns-{i % namespaces}", index: i, app: $"app-{i % 7}");
            File.WriteAllBytes(Path.Combine(directory, $"review-{i}-{size.ToString().ToLowerInvariant()}.json"), body);
        }
        Console.WriteLine($"corpus: 8 review bodies for the stand-in's {namespaces} namespaces in {directory}");
    }

    private static readonly PodSize[] NotebookSizes = [PodSize.Small, PodSize.Medium, PodSize.Large];

    public static string NamespaceName(int i) => $"kubeflow-user-{i:D2}";
}
